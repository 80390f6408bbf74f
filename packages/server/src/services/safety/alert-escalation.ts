import { escalationChain, escalationMinutesOf, nextClinicDayStart, nextClinicOpening, onCallAt } from '@mimamori/core/safety/on-call';
import {
  addAlertEvent, advanceDispatch, getAlert, getClinic, getSchedulingConfig, listDueDispatches, listOnCallShifts, listStaff, listStaffChannels,
  type Db,
} from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { systemContext, type RequestContext } from '../../request-context.ts';
import { createPeriodicJob, type PeriodicJob } from '../periodic-job.ts';
import { writeTx } from '../write-tx.ts';
import { alertChannels } from './alert-channels.ts';

/** How often the job looks for alerts to send, escalate or re-send. */
export const ALERT_DISPATCH_INTERVAL_MS = 30_000;

/** The job's name in the audit trail: its rows have role `system` and request id `job:alert-dispatch`. */
export const ALERT_DISPATCH_JOB = 'alert-dispatch';

/** The context the job acts in for one clinic's alert. */
const jobContext = (deps: AppDeps, clinicId: string): RequestContext => systemContext(deps, { job: ALERT_DISPATCH_JOB, clinicId });

async function auditSystem(ctx: RequestContext, tx: Db, e: { clinicId: string; action: string; alertId: string; patientId: string; detail: string }) {
  await audit(ctx, tx, { clinicId: e.clinicId, action: e.action, resource: 'alert', resourceId: e.alertId, patientId: e.patientId, detail: e.detail });
}

/** Sends the alert to one staff member on each of their channels (their account mail when they set none). */
async function sendTo(ctx: RequestContext, tx: Db, o: { clinicId: string; alertId: string; patientId: string; staffId: string; email: string | null; level: number; now: string }): Promise<number> {
  const set = await listStaffChannels(tx, { clinicId: o.clinicId, staffId: o.staffId });
  const targets = set.length > 0 ? set.map((c) => ({ channel: c.channel, address: c.address })) : o.email ? [{ channel: 'mail', address: o.email }] : [];
  let sent = 0;
  for (const t of targets) {
    const ch = alertChannels[t.channel];
    if (!ch) continue;
    const { ref } = await ch.send(ctx, tx, { clinicId: o.clinicId, staffId: o.staffId, address: t.address, alertId: o.alertId, level: o.level, now: o.now });
    await addAlertEvent(tx, { clinicId: o.clinicId, alertId: o.alertId, at: o.now, type: 'sent', staffId: o.staffId, detail: { channel: t.channel, ref, level: o.level } });
    await auditSystem(ctx, tx, { clinicId: o.clinicId, action: 'alert.send', alertId: o.alertId, patientId: o.patientId, detail: `to=${o.staffId} channel=${t.channel} level=${o.level}` });
    sent++;
  }
  if (sent === 0) {
    await addAlertEvent(tx, { clinicId: o.clinicId, alertId: o.alertId, at: o.now, type: 'unreachable', staffId: o.staffId, detail: { level: o.level } });
  }
  return sent;
}

/**
 * One step for one due alert, in one transaction:
 * - `urgent`: send to the next person of the chain (on call in order, then the administrators);
 *   the first send is at once, each later one an escalation after the clinic's escalation time
 *   (default 15 min) without acknowledgement. When the chain is used up the alert stays on the
 *   dashboard, marked `exhausted` in its history.
 * - `high`: wait for the clinic's next opening, send to whoever is on call first (else every
 *   doctor), and send again at the start of each clinic day until acknowledged.
 * Acknowledged alerts are closed. A step already taken by a concurrent run is skipped.
 */
async function step(deps: AppDeps, due: { alert_id: string; clinic_id: string; level: number; next_at: string | null }): Promise<'sent' | 'waiting' | 'closed' | 'skipped'> {
  const ctx = jobContext(deps, due.clinic_id);
  return writeTx(ctx, async (tx) => {
    const nowMs = ctx.clock().getTime();
    const now = new Date(nowMs).toISOString();
    const alert = await getAlert(tx, due.clinic_id, due.alert_id);
    const move = (level: number, nextAt: string | null, status: string) =>
      advanceDispatch(tx, { alertId: due.alert_id, fromLevel: due.level, fromNextAt: due.next_at, level, nextAt, status, now });
    if (!alert || alert.acknowledged_at) return (await move(due.level, null, 'done')) ? 'closed' : 'skipped';
    const clinic = await getClinic(tx, alert.clinic_id);
    const staff = (await listStaff(tx, alert.clinic_id)).filter((s) => s.status === 'active');
    const shifts = await listOnCallShifts(tx, { clinicId: alert.clinic_id, from: now, to: new Date(nowMs + 1).toISOString() });
    const onCall = onCallAt(shifts, now).filter((id) => staff.some((s) => s.id === id));
    const who = (id: string) => staff.find((s) => s.id === id);

    if (alert.severity === 'urgent') {
      const chain = escalationChain({ onCall, administrators: staff.filter((s) => s.role === 'admin').map((s) => s.id) });
      if (due.level >= chain.length) {
        if (!(await move(due.level, null, 'exhausted'))) return 'skipped';
        await addAlertEvent(tx, { clinicId: alert.clinic_id, alertId: alert.id, at: now, type: 'exhausted', detail: { level: due.level } });
        await auditSystem(ctx, tx, { clinicId: alert.clinic_id, action: 'alert.exhausted', alertId: alert.id, patientId: alert.patient_id, detail: `level=${due.level}` });
        return 'waiting';
      }
      const to = chain[due.level]!;
      const next = new Date(nowMs + escalationMinutesOf(clinic?.settings) * 60_000).toISOString();
      if (!(await move(due.level + 1, next, 'waiting'))) return 'skipped';
      if (due.level > 0) {
        await addAlertEvent(tx, { clinicId: alert.clinic_id, alertId: alert.id, at: now, type: 'escalated', staffId: to, detail: { level: due.level } });
        await auditSystem(ctx, tx, { clinicId: alert.clinic_id, action: 'alert.escalate', alertId: alert.id, patientId: alert.patient_id, detail: `to=${to} level=${due.level}` });
      }
      const sent = await sendTo(ctx, tx, { clinicId: alert.clinic_id, alertId: alert.id, patientId: alert.patient_id, staffId: to, email: who(to)?.email ?? null, level: due.level, now });
      // Nobody reachable at this step: go on to the next person on the next run, not in 15 minutes.
      if (sent === 0) await tx.updateTable('alert_dispatch').set({ next_at: now }).where('alert_id', '=', alert.id).execute();
      return 'sent';
    }

    // high
    const calendar = (await getSchedulingConfig(tx, alert.clinic_id, clinic?.timeZone ?? 'Asia/Tokyo'))?.calendar;
    const opening = calendar ? nextClinicOpening(calendar, nowMs) : nowMs;
    if (opening === null) return (await move(due.level, null, 'exhausted')) ? 'waiting' : 'skipped';
    if (opening > nowMs) return (await move(due.level, new Date(opening).toISOString(), 'waiting')) ? 'waiting' : 'skipped';
    const recipients = onCall.length > 0 ? [onCall[0]!] : staff.filter((s) => s.role === 'doctor').map((s) => s.id);
    const morning = calendar ? nextClinicDayStart(calendar, nowMs) : nowMs + 86_400_000;
    if (!(await move(due.level + 1, morning === null ? null : new Date(morning).toISOString(), morning === null ? 'exhausted' : 'waiting'))) return 'skipped';
    for (const id of recipients) await sendTo(ctx, tx, { clinicId: alert.clinic_id, alertId: alert.id, patientId: alert.patient_id, staffId: id, email: who(id)?.email ?? null, level: due.level, now });
    return 'sent';
  });
}

/** Records, once each, sends whose delivery is now known (the outbox delivered or gave up). */
async function recordDeliveries(deps: AppDeps): Promise<number> {
  const db = deps.db.db;
  const since = new Date(deps.clock().getTime() - 7 * 86_400_000).toISOString();
  const sends = await db.selectFrom('alert_events').innerJoin('alerts', 'alerts.id', 'alert_events.alert_id')
    .select(['alert_events.id', 'alert_events.alert_id', 'alert_events.clinic_id', 'alert_events.staff_id', 'alert_events.detail_json', 'alerts.patient_id'])
    .where('alert_events.type', '=', 'sent').where('alert_events.at', '>=', since).execute();
  let n = 0;
  for (const s of sends) {
    const d = JSON.parse(s.detail_json) as { channel: string; ref: string; level: number };
    const ch = alertChannels[d.channel];
    if (!ch) continue;
    const ctx = jobContext(deps, s.clinic_id);
    const recorded = await writeTx(ctx, async (tx) => {
      const known = await tx.selectFrom('alert_events').select('detail_json').where('alert_id', '=', s.alert_id).where('type', 'in', ['delivered', 'delivery_failed']).execute();
      if (known.some((k) => (JSON.parse(k.detail_json) as { ref?: string }).ref === d.ref)) return false;
      const ok = await ch.delivered(tx, d.ref);
      if (ok === null) return false;
      const now = ctx.clock().toISOString();
      await addAlertEvent(tx, { clinicId: s.clinic_id, alertId: s.alert_id, at: now, type: ok ? 'delivered' : 'delivery_failed', staffId: s.staff_id, detail: { channel: d.channel, ref: d.ref, level: d.level } });
      await auditSystem(ctx, tx, { clinicId: s.clinic_id, action: ok ? 'alert.delivered' : 'alert.delivery_failed', alertId: s.alert_id, patientId: s.patient_id, detail: `to=${s.staff_id ?? ''} channel=${d.channel}` });
      return true;
    });
    // Counted after the commit: a retried transaction counts once.
    if (recorded) n++;
  }
  return n;
}

/** One run of the job: every due step, then the deliveries learned since the last run. */
export async function runAlertDispatch(deps: AppDeps): Promise<{ sent: number; waiting: number; closed: number; delivered: number }> {
  const out = { sent: 0, waiting: 0, closed: 0, delivered: 0 };
  for (const due of await listDueDispatches(deps.db.db, { now: deps.clock().toISOString(), limit: 200 })) {
    const r = await step(deps, due);
    if (r !== 'skipped') out[r]++;
  }
  out.delivered = await recordDeliveries(deps);
  return out;
}

/** The periodic job started by `main.ts`. */
export function createAlertDispatchJob(deps: AppDeps, o: { onError?: (err: unknown) => void } = {}): PeriodicJob {
  return createPeriodicJob(() => runAlertDispatch(deps), { intervalMs: ALERT_DISPATCH_INTERVAL_MS, ...(o.onError ? { onError: o.onError } : {}) });
}
