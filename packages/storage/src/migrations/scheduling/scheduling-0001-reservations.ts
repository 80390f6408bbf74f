import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../dialect.ts';
import type { Migration } from '../migration.ts';

/**
 * Calendar configuration, appointments, series, resource units and patient sign-in codes.
 *
 * Double booking is made impossible by the database on both engines: each appointment takes
 * concrete units of its resources (`appointment_units`), and two active rows of one unit never
 * overlap in time — an exclusion constraint on PostgreSQL (btree_gist), a trigger on SQLite.
 */
async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const ms = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('scheduling_settings')
    .addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinics.id'))
    .addColumn('calendar_json', 'text', (c) => c.notNull())
    .addColumn('policy_json', 'text', (c) => c.notNull())
    .addColumn('clinic_phone', 'text', (c) => c.notNull())
    .addColumn('clinic_address', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  for (const table of ['scheduling_services', 'scheduling_resources'] as const) {
    let t = db.schema
      .createTable(table)
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
      .addColumn('id', 'text', (c) => c.notNull());
    if (table === 'scheduling_resources') t = t.addColumn('name', 'text', (c) => c.notNull()).addColumn('capacity', 'integer', (c) => c.notNull());
    await t
      .addColumn('data_json', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['clinic_id', 'id'])
      .execute();
  }

  await db.schema
    .createTable('appointment_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('pattern_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('start_ms', ms, (c) => c.notNull())
    .addColumn('end_ms', ms, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('held','confirmed','cancelled','no_show','completed','late_cancel')`))
    .addColumn('hold_expires_at', 'text')
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('staff','patient')`))
    .addColumn('series_id', 'text', (c) => c.references('appointment_series.id'))
    .addColumn('assignments_json', 'text', (c) => c.notNull())
    .addColumn('buffer_before_minutes', 'integer', (c) => c.notNull())
    .addColumn('buffer_after_minutes', 'integer', (c) => c.notNull())
    .addColumn('double_booked', 'integer', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('override_approved_by', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text')
    .addColumn('note', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('appointments_override_ck', sql`double_booked = 0 OR (override_reason IS NOT NULL AND override_approved_by IS NOT NULL)`)
    .execute();
  await db.schema.createIndex('appointments_range_idx').on('appointments').columns(['clinic_id', 'start_ms']).execute();
  await db.schema.createIndex('appointments_patient_idx').on('appointments').columns(['clinic_id', 'patient_id', 'start_ms']).execute();
  await db.schema.createIndex('appointments_series_idx').on('appointments').columns(['series_id']).execute();
  await db.schema.createIndex('appointments_idem_uq').on('appointments').columns(['clinic_id', 'idempotency_key']).unique().execute();

  await db.schema
    .createTable('appointment_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('unit_no', 'integer', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('start_ms', ms, (c) => c.notNull())
    .addColumn('end_ms', ms, (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('expires_ms', ms)
    .addCheckConstraint('appointment_units_range_ck', sql`start_ms < end_ms`)
    .execute();
  await db.schema.createIndex('appointment_units_appt_idx').on('appointment_units').columns(['appointment_id']).execute();

  if (dialect === 'postgres') {
    await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
    await sql`ALTER TABLE appointment_units ADD CONSTRAINT appointment_units_no_overlap
      EXCLUDE USING gist (unit_key WITH =, tstzrange(to_timestamp(start_ms / 1000.0), to_timestamp(end_ms / 1000.0), '[)') WITH &&)
      WHERE (active = 1)`.execute(db);
  } else {
    await db.schema.createIndex('appointment_units_key_idx').on('appointment_units').columns(['unit_key', 'start_ms']).execute();
    await sql`CREATE TRIGGER appointment_units_no_overlap_ins BEFORE INSERT ON appointment_units
      WHEN NEW.active = 1
      BEGIN
        SELECT RAISE(ABORT, 'appointment_units_no_overlap') WHERE EXISTS (
          SELECT 1 FROM appointment_units u
          WHERE u.unit_key = NEW.unit_key AND u.active = 1 AND u.start_ms < NEW.end_ms AND u.end_ms > NEW.start_ms);
      END`.execute(db);
    await sql`CREATE TRIGGER appointment_units_no_overlap_upd BEFORE UPDATE ON appointment_units
      WHEN NEW.active = 1 AND (OLD.active = 0 OR NEW.unit_key <> OLD.unit_key OR NEW.start_ms <> OLD.start_ms OR NEW.end_ms <> OLD.end_ms)
      BEGIN
        SELECT RAISE(ABORT, 'appointment_units_no_overlap') WHERE EXISTS (
          SELECT 1 FROM appointment_units u
          WHERE u.id <> NEW.id AND u.unit_key = NEW.unit_key AND u.active = 1 AND u.start_ms < NEW.end_ms AND u.end_ms > NEW.start_ms);
      END`.execute(db);
  }

  await db.schema
    .createTable('patient_login_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('patient_login_codes_patient_idx').on('patient_login_codes').columns(['clinic_id', 'patient_id', 'created_at']).execute();
}

export const scheduling0001: Migration = { id: 'scheduling-0001-reservations', up };
