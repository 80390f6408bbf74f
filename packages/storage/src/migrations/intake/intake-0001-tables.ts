import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/** Versioned intake form definitions per clinic, and intake instances (one per sent intake). */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('intake_definitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('intake_definitions_version_uq', ['clinic_id', 'form_id', 'version'])
    .execute();

  await db.schema
    .createTable('intakes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('appointment_id', 'text')
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('definition_version', 'integer', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('confirmed_groups_json', 'text', (c) => c.notNull())
    .addColumn('current_group_id', 'text')
    .addColumn('progress_completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scores_json', 'text')
    .addColumn('consent_policy_version', 'text')
    .addColumn('consent_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('intakes_patient_idx').on('intakes').columns(['clinic_id', 'patient_id', 'sent_at']).execute();
  await db.schema.createIndex('intakes_appointment_idx').on('intakes').columns(['clinic_id', 'appointment_id']).execute();
}

export const intake0001: Migration = { id: 'intake-0001-tables', up };
