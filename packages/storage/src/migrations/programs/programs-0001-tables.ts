import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/** Program definitions, enrolments, consent, treatment, safety, medication and lab tables. */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('program_definitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_definitions_version_uq', ['clinic_id', 'program_id', 'version'])
    .execute();

  await db.schema
    .createTable('program_consent_texts')
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_consent_texts_pk', ['clinic_id', 'content_hash'])
    .execute();

  await db.schema
    .createTable('program_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('program_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('history_json', 'text', (c) => c.notNull())
    .addColumn('eligibility_json', 'text')
    .addColumn('consent_state_json', 'text', (c) => c.notNull())
    .addColumn('enrolment_date', 'text')
    .addColumn('schedule_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_enrolments_program_idx').on('program_enrolments').columns(['clinic_id', 'program_id']).execute();
  await db.schema.createIndex('program_enrolments_patient_idx').on('program_enrolments').columns(['clinic_id', 'patient_id']).execute();

  await db.schema
    .createTable('program_enrolment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('program_enrolments.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_staff', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('evidence_json', 'text')
    .execute();
  await db.schema.createIndex('program_enrolment_events_idx').on('program_enrolment_events').columns(['enrolment_id', 'at']).execute();

  await db.schema
    .createTable('program_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('program_enrolments.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('signature_png', 'text')
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_consents_enrolment_idx').on('program_consents').columns(['enrolment_id']).execute();

  await db.schema
    .createTable('program_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('program_enrolments.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session_number', 'integer', (c) => c.notNull())
    .addColumn('lot_key', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_sessions_number_uq', ['enrolment_id', 'session_number'])
    .execute();
  await db.schema.createIndex('program_sessions_lot_idx').on('program_sessions').columns(['clinic_id', 'lot_key']).execute();

  await db.schema
    .createTable('program_adverse_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('program_enrolments.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('onset_date', 'text', (c) => c.notNull())
    .addColumn('serious', 'integer', (c) => c.notNull())
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_adverse_events_enrolment_idx').on('program_adverse_events').columns(['clinic_id', 'enrolment_id']).execute();

  await db.schema
    .createTable('program_medications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_medications_patient_idx').on('program_medications').columns(['clinic_id', 'patient_id']).execute();

  await db.schema
    .createTable('program_lab_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('enrolment_id', 'text')
    .addColumn('analyte', 'text', (c) => c.notNull())
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_lab_results_sample_uq', ['clinic_id', 'patient_id', 'analyte', 'collected_at'])
    .execute();
}

export const programs0001: Migration = { id: 'programs-0001-tables', up };
