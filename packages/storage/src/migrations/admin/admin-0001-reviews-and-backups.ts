import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * Administration: when an administrator reviewed an emergency (break-glass) use, and the record of
 * every backup `mimamori db backup` wrote (the backups screen reads it; the database spans every
 * clinic in it, so the record has no clinic).
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('break_glass_grants').addColumn('reviewed_at', 'text').execute();
  await db.schema.alterTable('break_glass_grants').addColumn('reviewed_by', 'text').execute();
  await db.schema
    .createTable('backup_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('backup_runs_finished_idx').on('backup_runs').column('finished_at').execute();
}

export const admin0001: Migration = { id: 'admin-0001-reviews-and-backups', up };
