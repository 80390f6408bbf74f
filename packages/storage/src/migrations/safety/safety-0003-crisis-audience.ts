import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/** Crisis contacts say whom they are for (everyone, adults, children) and when the clinic last checked them. */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('crisis_contacts').addColumn('audience', 'text', (c) => c.notNull().defaultTo('all')).execute();
  await db.schema.alterTable('crisis_contacts').addColumn('checked_on', 'text').execute();
}

export const safety0003: Migration = { id: 'safety-0003-crisis-audience', up };
