import { DomainError } from '@mimamori/core';
import { acknowledgeAlert, getAlert, getClinic, listAlerts, updateClinicSettings } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';

/** Default: an alert unacknowledged for an hour is highlighted, unless the clinic sets its own time. */
export const DEFAULT_ALERT_OVERDUE_MINUTES = 60;

export function alertOverdueMinutes(settings: Readonly<Record<string, unknown>> | undefined): number {
  const v = settings?.alertOverdueMinutes;
  return typeof v === 'number' && Number.isInteger(v) && v >= 5 ? v : DEFAULT_ALERT_OVERDUE_MINUTES;
}

/** The dashboard's alerts (open, acknowledged or all), each marked overdue when unacknowledged past the clinic's time; the read is audited. */
export async function listAlertsView(ctx: RequestContext, q: { status: 'open' | 'acknowledged' | 'all'; patientId?: string; kind?: string; limit: number }) {
  const a = requireStaff(ctx);
  const db = ctx.db.db;
  const rows = await listAlerts(db, { clinicId: a.clinicId, open: q.status === 'all' ? undefined : q.status === 'open', patientId: q.patientId, kind: q.kind, limit: q.limit });
  const overdueMinutes = alertOverdueMinutes((await getClinic(db, a.clinicId))?.settings);
  const now = ctx.clock().getTime();
  await auditAlone(ctx, { action: 'alert.list', resource: 'alert', patientId: q.patientId ?? null, detail: `results=${rows.length}` });
  return {
    overdueMinutes,
    items: rows.map((x) => ({
      id: x.id, kind: x.kind, severity: x.severity, sourceType: x.source_type, sourceId: x.source_id,
      summary: JSON.parse(x.summary_json) as { key: string; params?: Record<string, string | number> },
      createdAt: x.created_at, acknowledgedAt: x.acknowledged_at, acknowledgedBy: x.acknowledged_by_name ?? null, ackNote: x.ack_note,
      patient: { id: x.patient_id, patientNumber: x.patient_number, nameKanji: x.name_kanji, nameKana: x.name_kana, birthDate: x.birth_date },
      overdue: !x.acknowledged_at && now - Date.parse(x.created_at) > overdueMinutes * 60_000,
    })),
  };
}

/** The patients with an open urgent alert — never the alert's kind or content (for reception). */
export async function urgentAlertPatients(ctx: RequestContext): Promise<{ patientIds: string[] }> {
  const a = requireStaff(ctx);
  const rows = await ctx.db.db.selectFrom('alerts').select('patient_id').distinct()
    .where('clinic_id', '=', a.clinicId).where('acknowledged_at', 'is', null).where('severity', '=', 'urgent').execute();
  await auditAlone(ctx, { action: 'alert.urgent_patients', resource: 'alert', detail: `results=${rows.length}` });
  return { patientIds: rows.map((x) => x.patient_id).sort() };
}

/** The clinic's time after which an unacknowledged alert is overdue. */
export async function setAlertOverdueMinutes(ctx: RequestContext, overdueMinutes: number): Promise<void> {
  const a = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    await updateClinicSettings(tx, a.clinicId, { alertOverdueMinutes: overdueMinutes });
    await audit(ctx, tx, { action: 'alert.settings', resource: 'clinic', resourceId: a.clinicId, detail: `overdue_minutes=${overdueMinutes}` });
  });
}

/** A doctor acknowledges an alert with a note; acknowledged once only. */
export async function acknowledgeAlertWithNote(ctx: RequestContext, o: { alertId: string; note: string }): Promise<void> {
  const a = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    const alert = await getAlert(tx, a.clinicId, o.alertId);
    if (!alert) throw new DomainError('not_found');
    if (!(await acknowledgeAlert(tx, { clinicId: a.clinicId, id: alert.id, staffId: a.staffId, note: o.note, now: ctx.clock().toISOString() }))) {
      throw new DomainError('conflict', { key: 'alert_already_acknowledged' });
    }
    await audit(ctx, tx, { action: 'alert.acknowledge', resource: 'alert', resourceId: alert.id, patientId: alert.patient_id });
  });
}
