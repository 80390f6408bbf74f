import type { Kysely } from 'kysely';
import { legacyAlertSeverity } from '@mimamori/core/safety/alert-severity';
import type { Migration } from '../migration.ts';

/**
 * The history of each alert, and the three severity levels (`urgent` / `high` / `review`): alerts
 * stored as `critical` become `urgent`, and a `high` one whose summary records PHQ-9 item 9 ≥ 2 too.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('alert_events_alert_idx').on('alert_events').columns(['alert_id', 'seq']).execute();
  const rows = (await db.selectFrom('alerts').select(['id', 'severity', 'summary_json']).execute()) as Array<{ id: string; severity: string; summary_json: string }>;
  for (const r of rows) {
    const next = legacyAlertSeverity(r.severity, JSON.parse(r.summary_json) as { key?: string; params?: Record<string, unknown> });
    if (next !== r.severity) await db.updateTable('alerts').set({ severity: next }).where('id', '=', r.id).execute();
  }
}

export const safety0001: Migration = { id: 'safety-0001-alert-events', up };
