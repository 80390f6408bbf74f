import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * A child form published without a scored youth self-harm screen carries the clinic's written
 * confirmation, as the administrator typed it.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('intake_definitions').addColumn('no_screen_confirmation', 'text').execute();
}

export const intake0003: Migration = { id: 'intake-0003-screen-confirmation', up };
