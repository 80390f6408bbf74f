import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../dialect.ts';
import type { Migration } from '../migration.ts';

/**
 * Scales: imported definitions, assignments, questionnaire instances, immutable responses, scores
 * and the clinic's crisis contacts.
 */
async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('scale_definitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('scale_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scale_definitions_version_uq', ['clinic_id', 'scale_id', 'version'])
    .execute();

  await db.schema
    .createTable('scale_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('scale_id', 'text', (c) => c.notNull())
    .addColumn('informant', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('interval_days', 'integer')
    .addColumn('occurrences', 'integer', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .execute();
  await db.schema.createIndex('scale_assignments_patient_idx').on('scale_assignments').columns(['clinic_id', 'patient_id']).execute();

  await db.schema
    .createTable('scale_instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('assignment_id', 'text', (c) => c.references('scale_assignments.id'))
    .addColumn('scale_id', 'text', (c) => c.notNull())
    .addColumn('informant', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('draft_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('draft_updated_at', 'text')
    .addColumn('response_id', 'text')
    .addColumn('link_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scale_instances_patient_idx').on('scale_instances').columns(['clinic_id', 'patient_id', 'opens_at']).execute();
  await db.schema.createIndex('scale_instances_due_idx').on('scale_instances').columns(['status', 'opens_at', 'closes_at']).execute();

  await db.schema
    .createTable('scale_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('instance_id', 'text', (c) => c.unique().references('scale_instances.id'))
    .addColumn('scale_id', 'text', (c) => c.notNull())
    .addColumn('scale_version', 'text', (c) => c.notNull())
    .addColumn('informant', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scale_responses_idem_uq', ['clinic_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('scale_responses_patient_idx').on('scale_responses').columns(['clinic_id', 'patient_id', 'submitted_at']).execute();

  await db.schema
    .createTable('scale_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('response_id', 'text', (c) => c.notNull().references('scale_responses.id'))
    .addColumn('scale_id', 'text', (c) => c.notNull())
    .addColumn('scale_version', 'text', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('band', 'text')
    .addColumn('band_set', 'text')
    .addColumn('missing', 'integer', (c) => c.notNull())
    .addColumn('prorated', 'integer', (c) => c.notNull())
    .addColumn('subscales_json', 'text', (c) => c.notNull())
    .addColumn('flags_json', 'text', (c) => c.notNull())
    .addColumn('reason_json', 'text')
    .addColumn('scored_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scale_scores_response_idx').on('scale_scores').columns(['response_id']).execute();

  await db.schema
    .createTable('crisis_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('url', 'text')
    .addColumn('hours_ja', 'text')
    .addColumn('hours_en', 'text')
    .addColumn('source', 'text')
    .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  // A submitted response is a clinical record: never changed or removed (a correction is a new response).
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER scale_responses_no_update BEFORE UPDATE ON scale_responses BEGIN SELECT RAISE(ABORT, 'scale_responses are immutable'); END`.execute(db);
    await sql`CREATE TRIGGER scale_responses_no_delete BEFORE DELETE ON scale_responses BEGIN SELECT RAISE(ABORT, 'scale_responses are immutable'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION scale_responses_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'scale_responses are immutable'; END $$`.execute(db);
    await sql`CREATE TRIGGER scale_responses_no_change BEFORE UPDATE OR DELETE ON scale_responses FOR EACH ROW EXECUTE FUNCTION scale_responses_immutable()`.execute(db);
  }
}

export const scales0001: Migration = { id: 'scales-0001-tables', up };
