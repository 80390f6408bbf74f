import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** Emergency (break-glass) read access: who, why, from when until when, tied to one session. */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('break_glass_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('break_glass_session_idx').on('break_glass_grants').columns(['session_id', 'expires_at']).execute();
  await db.schema.createIndex('break_glass_clinic_idx').on('break_glass_grants').columns(['clinic_id', 'started_at']).execute();
}

export const migration0003: Migration = { id: '0003-break-glass', up };
