import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * When, and to whom, a serious adverse event was reported (one row per report; rows are never
 * changed or deleted: a correction is a new row with a note); and doctors' overrides of a due
 * re-consent.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('program_sae_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('adverse_event_id', 'text', (c) => c.notNull().references('program_adverse_events.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('program_enrolments.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('reported_to', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_sae_reports_ae_idx').on('program_sae_reports').columns(['clinic_id', 'adverse_event_id']).execute();

  // A doctor's decision to let a participant be dosed while a re-consent is due (items = the keys it covers).
  await db.schema
    .createTable('program_reconsent_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('program_enrolments.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_staff', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_reconsent_overrides_enrolment_idx').on('program_reconsent_overrides').columns(['clinic_id', 'enrolment_id']).execute();
}

export const programs0003: Migration = { id: 'programs-0003-sae-reports-reconsent', up };
