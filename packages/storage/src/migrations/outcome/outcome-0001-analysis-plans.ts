import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/** Versioned analysis plans: one row per program version; locking sets sha256 and locked_at once. */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analysis_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('amendment_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('analysis_plans_version_uq', ['clinic_id', 'program_id', 'version'])
    .execute();
}

export const outcome0001: Migration = { id: 'outcome-0001-analysis-plans', up };
