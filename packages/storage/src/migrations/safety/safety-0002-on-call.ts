import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/** The on-call rota, staff alert channels, and the sending state of urgent and high alerts. */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oncall_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('oncall_shifts_clinic_idx').on('oncall_shifts').columns(['clinic_id', 'ends_at']).execute();
  await db.schema
    .createTable('staff_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('staff_channels_uq', ['staff_id', 'channel'])
    .execute();
  await db.schema
    .createTable('alert_dispatch')
    .addColumn('alert_id', 'text', (c) => c.primaryKey().references('alerts.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_dispatch_due_idx').on('alert_dispatch').columns(['status', 'next_at']).execute();
}

export const safety0002: Migration = { id: 'safety-0002-on-call', up };
