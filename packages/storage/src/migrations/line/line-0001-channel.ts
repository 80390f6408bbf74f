import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * LINE as a patient channel beside mail: the clinic's channel (secret and token sealed with the key
 * file), one-time link codes, the LINE users bound to a patient, the webhook events already handled
 * (by `webhookEventId`, so a redelivery is ignored), and on the shared outbox the channel of each
 * message, LINE's retry key and the LINE message a fallback mail stands in for.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('line_channels')
    .addColumn('clinic_id', 'text', (c) => c.primaryKey().references('clinics.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('bot_basic_id', 'text')
    .addColumn('bot_name', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('check_error', 'text')
    .addColumn('quota_limit', 'integer')
    .addColumn('quota_used', 'integer')
    .addColumn('quota_checked_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('line_link_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('as_guardian', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('line_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('line_user_id', 'text', (c) => c.notNull())
    .addColumn('as_guardian', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('preference', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('line_links_user_uq', ['clinic_id', 'line_user_id'])
    .execute();
  await db.schema.createIndex('line_links_patient_idx').on('line_links').columns(['clinic_id', 'patient_id']).execute();
  await db.schema
    .createTable('line_webhook_events')
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('webhook_event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('line_webhook_events_pk', ['clinic_id', 'webhook_event_id'])
    .execute();
  await db.schema.alterTable('outbox').addColumn('channel', 'text', (c) => c.notNull().defaultTo('mail')).execute();
  await db.schema.alterTable('outbox').addColumn('retry_key', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('fallback_of', 'text').execute();
  await db.schema.createIndex('outbox_channel_due_idx').on('outbox').columns(['channel', 'status', 'next_attempt_at']).execute();
}

export const line0001: Migration = { id: 'line-0001-channel', up };
