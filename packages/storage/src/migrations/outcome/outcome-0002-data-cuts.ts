import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * Frozen data cuts made from the staff app: the pseudonymised files as they were cut (never
 * changed), their fingerprint (SHA-256 of manifest.json, which lists every file's hash) and the
 * plan version they carry.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_cuts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('plan_version', 'integer')
    .addColumn('plan_sha256', 'text', (c) => c.notNull())
    .addColumn('plan_locked_at', 'text')
    .addColumn('files_json', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('excluded_no_data_use', 'integer', (c) => c.notNull())
    .addColumn('cut_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('data_cuts_program_idx').on('data_cuts').columns(['clinic_id', 'program_id', 'cut_at']).execute();
}

export const outcome0002: Migration = { id: 'outcome-0002-data-cuts', up };
