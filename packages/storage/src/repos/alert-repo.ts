import type { Selectable } from 'kysely';
import type { AlertTable } from '../schema.ts';
import type { Db } from './db.ts';

export type AlertRow = Selectable<AlertTable>;

export interface NewAlert {
  readonly id: string;
  readonly clinicId: string;
  readonly patientId: string;
  /** `suicidality` (a scale's safety item), `sae` (serious adverse event), … */
  readonly kind: string;
  readonly severity: 'high' | 'critical';
  readonly sourceType: string;
  readonly sourceId: string;
  /** Message key and params for the dashboard; no free text. */
  readonly summary: { readonly key: string; readonly params?: Readonly<Record<string, string | number>> };
  readonly now: string;
}

/**
 * Writes a safety alert in the caller's transaction — the same transaction as the answer or event
 * that raised it, so the one is never stored without the other. Idempotent per source.
 */
export async function raiseAlert(db: Db, a: NewAlert): Promise<void> {
  const existing = await db.selectFrom('alerts').select('id').where('source_type', '=', a.sourceType).where('source_id', '=', a.sourceId).where('kind', '=', a.kind).executeTakeFirst();
  if (existing) return;
  await db
    .insertInto('alerts')
    .values({
      id: a.id, clinic_id: a.clinicId, patient_id: a.patientId, kind: a.kind, severity: a.severity, source_type: a.sourceType, source_id: a.sourceId,
      summary_json: JSON.stringify(a.summary), created_at: a.now, acknowledged_at: null, acknowledged_by: null, ack_note: null,
    })
    .execute();
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
  return Number(r.numUpdatedRows) === 1;
}
