import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * Who answers an intake: the adult patient, a guardian, or the adolescent on their own link. Rows
 * written before stay null and are read by their audience (adult → patient, child → guardian).
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('intakes').addColumn('respondent', 'text').execute();
}

export const intake0002: Migration = { id: 'intake-0002-respondent', up };
