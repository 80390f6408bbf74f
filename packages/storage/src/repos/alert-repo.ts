import type { Selectable } from 'kysely';
import { isMoreSevere, type AlertSeverity } from '@mimamori/core/safety/alert-severity';
import { newId } from '../security/tokens.ts';
import type { AlertTable } from '../schema.ts';
import type { AlertEventTable } from '../schema/safety-tables.ts';
import type { Db } from './db.ts';

export type AlertRow = Selectable<AlertTable>;
export type AlertEventRow = Selectable<AlertEventTable>;

export interface NewAlert {
  readonly id: string;
  readonly clinicId: string;
  readonly patientId: string;
  /** `suicidality` (a scale's safety item), `sae` (serious adverse event), … */
  readonly kind: string;
  readonly severity: AlertSeverity;
  readonly sourceType: string;
  readonly sourceId: string;
  /** Message key and params for the dashboard; no free text. */
  readonly summary: { readonly key: string; readonly params?: Readonly<Record<string, string | number>> };
  readonly now: string;
}

/** Appends one entry to an alert's history (in the caller's transaction). */
export async function addAlertEvent(db: Db, e: { clinicId: string; alertId: string; at: string; type: string; staffId?: string | null; detail?: Readonly<Record<string, unknown>> }): Promise<void> {
  const last = await db.selectFrom('alert_events').select((eb) => eb.fn.max('seq').as('seq')).where('alert_id', '=', e.alertId).executeTakeFirst();
  await db.insertInto('alert_events').values({
    id: newId(), clinic_id: e.clinicId, alert_id: e.alertId, at: e.at, seq: Number(last?.seq ?? 0) + 1, type: e.type, staff_id: e.staffId ?? null, detail_json: JSON.stringify(e.detail ?? {}),
  }).execute();
}

/** An alert's history, oldest first. */
export async function listAlertEvents(db: Db, clinicId: string, alertId: string) {
  return db
    .selectFrom('alert_events')
    .leftJoin('staff', 'staff.id', 'alert_events.staff_id')
    .selectAll('alert_events')
    .select('staff.display_name as staff_name')
    .where('alert_events.clinic_id', '=', clinicId)
    .where('alert_events.alert_id', '=', alertId)
    .orderBy('alert_events.seq', 'asc')
    .execute();
}

/** The alert raised by a source (an intake, a questionnaire, an adverse event), if any. */
export async function findAlertBySource(db: Db, o: { clinicId: string; sourceType: string; sourceId: string; kind?: string }): Promise<AlertRow | undefined> {
  let q = db.selectFrom('alerts').selectAll().where('clinic_id', '=', o.clinicId).where('source_type', '=', o.sourceType).where('source_id', '=', o.sourceId);
  if (o.kind) q = q.where('kind', '=', o.kind);
  return q.orderBy('created_at', 'asc').executeTakeFirst();
}

/**
 * `urgent` and `high` alerts are sent to people (see `server/src/services/safety/alert-escalation.ts`):
 * the periodic job picks them up from `next_at`. A `review` alert is read in the staff app only.
 * Raising a `high` alert to `urgent` starts the urgent sending from its beginning.
 */
async function scheduleDispatch(db: Db, o: { clinicId: string; alertId: string; severity: AlertSeverity; now: string }): Promise<void> {
  if (o.severity === 'review') return;
  const cur = await db.selectFrom('alert_dispatch').select('alert_id').where('alert_id', '=', o.alertId).executeTakeFirst();
  if (cur) await db.updateTable('alert_dispatch').set({ level: 0, next_at: o.now, status: 'waiting', updated_at: o.now }).where('alert_id', '=', o.alertId).execute();
  else await db.insertInto('alert_dispatch').values({ alert_id: o.alertId, clinic_id: o.clinicId, level: 0, next_at: o.now, status: 'waiting', updated_at: o.now }).execute();
}

export interface RaisedAlert {
  readonly id: string;
  /** False when the source already had this alert (it was kept, or its severity raised). */
  readonly created: boolean;
  readonly severity: AlertSeverity;
}

/**
 * Writes a safety alert in the caller's transaction — the same transaction as the answer or event
 * that raised it, so the one is never stored without the other. Idempotent per source and kind:
 * raising again keeps the first alert, but a more pressing severity replaces a lesser one (a
 * draft with PHQ-9 item 9 = 1, then 3 on submit, is one alert, now urgent). Each step is in the
 * alert's history.
 */
export async function raiseAlert(db: Db, a: NewAlert): Promise<RaisedAlert> {
  const existing = await db.selectFrom('alerts').select(['id', 'severity']).where('source_type', '=', a.sourceType).where('source_id', '=', a.sourceId).where('kind', '=', a.kind).executeTakeFirst();
  if (existing) {
    const was = existing.severity as AlertSeverity;
    if (!isMoreSevere(a.severity, was)) return { id: existing.id, created: false, severity: was };
    await db.updateTable('alerts').set({ severity: a.severity, summary_json: JSON.stringify(a.summary) }).where('id', '=', existing.id).execute();
    await addAlertEvent(db, { clinicId: a.clinicId, alertId: existing.id, at: a.now, type: 'severity_raised', detail: { from: was, to: a.severity, summary: a.summary } });
    await scheduleDispatch(db, { clinicId: a.clinicId, alertId: existing.id, severity: a.severity, now: a.now });
    return { id: existing.id, created: false, severity: a.severity };
  }
  await db
    .insertInto('alerts')
    .values({
      id: a.id, clinic_id: a.clinicId, patient_id: a.patientId, kind: a.kind, severity: a.severity, source_type: a.sourceType, source_id: a.sourceId,
      summary_json: JSON.stringify(a.summary), created_at: a.now, acknowledged_at: null, acknowledged_by: null, ack_note: null,
    })
    .execute();
  await addAlertEvent(db, { clinicId: a.clinicId, alertId: a.id, at: a.now, type: 'raised', detail: { severity: a.severity, summary: a.summary } });
  await scheduleDispatch(db, { clinicId: a.clinicId, alertId: a.id, severity: a.severity, now: a.now });
  return { id: a.id, created: true, severity: a.severity };
}

export async function listAlerts(db: Db, o: { clinicId: string; open?: boolean; patientId?: string; kind?: string; limit: number }) {
  let q = db
    .selectFrom('alerts')
    .innerJoin('patients', 'patients.id', 'alerts.patient_id')
    .leftJoin('staff', 'staff.id', 'alerts.acknowledged_by')
    .selectAll('alerts')
    .select(['patients.patient_number', 'patients.name_kanji', 'patients.name_kana', 'patients.birth_date', 'staff.display_name as acknowledged_by_name'])
    .where('alerts.clinic_id', '=', o.clinicId);
  if (o.open !== undefined) q = o.open ? q.where('alerts.acknowledged_at', 'is', null) : q.where('alerts.acknowledged_at', 'is not', null);
  if (o.patientId) q = q.where('alerts.patient_id', '=', o.patientId);
  if (o.kind) q = q.where('alerts.kind', '=', o.kind);
  return q.orderBy('alerts.created_at', 'asc').limit(o.limit).execute();
}

export async function getAlert(db: Db, clinicId: string, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** Acknowledges an open alert (compare-and-swap); false when it was already acknowledged. */
export async function acknowledgeAlert(db: Db, o: { clinicId: string; id: string; staffId: string; note: string; now: string }): Promise<boolean> {
  const r = await db
    .updateTable('alerts')
    .set({ acknowledged_at: o.now, acknowledged_by: o.staffId, ack_note: o.note })
    .where('clinic_id', '=', o.clinicId)
    .where('id', '=', o.id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.updateTable('alert_dispatch').set({ status: 'done', next_at: null, updated_at: o.now }).where('alert_id', '=', o.id).execute();
  await addAlertEvent(db, { clinicId: o.clinicId, alertId: o.id, at: o.now, type: 'acknowledged', staffId: o.staffId });
  return true;
}
