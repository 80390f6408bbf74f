import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * Link codes hardened: the wrong codes each LINE user sent (so a sender who guesses is locked out
 * for a while), and the LINE display name of a bound user (staff and the patient see which LINE
 * account is linked).
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('line_link_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('line_user_id', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('line_link_failures_user_idx').on('line_link_failures').columns(['clinic_id', 'line_user_id', 'failed_at']).execute();
  await db.schema.alterTable('line_links').addColumn('display_name', 'text').execute();
}

export const line0002: Migration = { id: 'line-0002-link-hardening', up };
