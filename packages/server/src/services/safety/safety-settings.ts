import { DomainError } from '@mimamori/core';
import { escalationMinutesOf } from '@mimamori/core/safety/on-call';
import {
  deleteOnCallShift, getAlert, getClinic, getStaff, insertOnCallShift, listAlertEvents, listOnCallShifts, listStaff, listStaffChannels, putStaffChannel, updateClinicSettings,
} from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import type { PsychiatricEmergencyCentre } from './patient-crisis-view.ts';

/** The on-call rota between two instants, the staff who may be on call, their alert channels and the escalation time. */
export async function onCallView(ctx: RequestContext, range: { from: string; to: string }) {
  const a = requireStaff(ctx);
  const db = ctx.db.db;
  const shifts = await listOnCallShifts(db, { clinicId: a.clinicId, from: range.from, to: range.to });
  const channels = await listStaffChannels(db, { clinicId: a.clinicId });
  const clinic = await getClinic(db, a.clinicId);
  const staff = (await listStaff(db, a.clinicId)).filter((x) => x.status === 'active').map((x) => ({ id: x.id, name: x.display_name, role: x.role }));
  return { staff, shifts, escalationMinutes: escalationMinutesOf(clinic?.settings), channels: channels.map((c) => ({ staffId: c.staff_id, channel: c.channel, address: c.address })) };
}

/** Adds a shift (at most 14 days) for an active staff member of the clinic; returns its id. */
export async function addOnCallShift(ctx: RequestContext, b: { staffId: string; startsAt: string; endsAt: string; position: number }): Promise<string> {
  const a = requireStaff(ctx);
  const len = Date.parse(b.endsAt) - Date.parse(b.startsAt);
  if (!(len > 0 && len <= 14 * 86_400_000)) throw new DomainError('validation', { key: 'oncall_shift_invalid' });
  return writeTx(ctx, async (tx) => {
    const s = await getStaff(tx, b.staffId);
    if (!s || s.clinic_id !== a.clinicId || s.status !== 'active') throw new DomainError('validation', { key: 'oncall_staff_unknown' });
    const id = await insertOnCallShift(tx, { clinicId: a.clinicId, shift: { staffId: b.staffId, startsAt: b.startsAt, endsAt: b.endsAt, position: b.position }, now: ctx.clock().toISOString(), by: a.staffId });
    await audit(ctx, tx, { action: 'oncall.add', resource: 'oncall_shift', resourceId: id, detail: `staff=${b.staffId} ${b.startsAt}..${b.endsAt} pos=${b.position}` });
    return id;
  });
}

export async function removeOnCallShift(ctx: RequestContext, id: string): Promise<void> {
  const a = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    if (!(await deleteOnCallShift(tx, { clinicId: a.clinicId, id }))) throw new DomainError('not_found', { key: 'oncall_shift_not_found' });
    await audit(ctx, tx, { action: 'oncall.remove', resource: 'oncall_shift', resourceId: id });
  });
}

/** Sets (or, with null, removes) the address a staff member's alerts are mailed to. */
export async function setStaffAlertMail(ctx: RequestContext, o: { staffId: string; mail: string | null }): Promise<void> {
  const a = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    const s = await getStaff(tx, o.staffId);
    if (!s || s.clinic_id !== a.clinicId) throw new DomainError('validation', { key: 'oncall_staff_unknown' });
    await putStaffChannel(tx, { clinicId: a.clinicId, staffId: s.id, channel: 'mail', address: o.mail, now: ctx.clock().toISOString() });
    await audit(ctx, tx, { action: 'oncall.channel', resource: 'staff', resourceId: s.id, detail: `mail=${o.mail ? 'set' : 'removed'}` });
  });
}

/** The escalation time and the prefecture's psychiatric emergency centre (only the fields given change). */
export async function updateSafetySettings(ctx: RequestContext, body: { escalationMinutes?: number; psychiatricEmergencyCentre?: PsychiatricEmergencyCentre | null }): Promise<void> {
  const a = requireStaff(ctx);
  const patch: Record<string, unknown> = {};
  if (body.escalationMinutes !== undefined) patch.escalationMinutes = body.escalationMinutes;
  if (body.psychiatricEmergencyCentre !== undefined) patch.psychiatricEmergencyCentre = body.psychiatricEmergencyCentre;
  await writeTx(ctx, async (tx) => {
    await updateClinicSettings(tx, a.clinicId, patch);
    await audit(ctx, tx, { action: 'oncall.settings', resource: 'clinic', resourceId: a.clinicId, detail: `fields=${Object.keys(patch).join(',')}` });
  });
}

/** An alert and everything that happened to it (raised, answers, sends, escalations, acknowledgement); the read is audited. */
export async function alertHistory(ctx: RequestContext, alertId: string) {
  const a = requireStaff(ctx);
  const db = ctx.db.db;
  const alert = await getAlert(db, a.clinicId, alertId);
  if (!alert) throw new DomainError('not_found', { key: 'alert_not_found' });
  const events = await listAlertEvents(db, a.clinicId, alert.id);
  await auditAlone(ctx, { action: 'alert.history', resource: 'alert', resourceId: alert.id, patientId: alert.patient_id });
  return {
    alert: { id: alert.id, kind: alert.kind, severity: alert.severity, createdAt: alert.created_at, acknowledgedAt: alert.acknowledged_at, patientId: alert.patient_id },
    events: events.map((e) => ({ at: e.at, type: e.type, staffId: e.staff_id, staffName: e.staff_name ?? null, detail: JSON.parse(e.detail_json) as Record<string, unknown> })),
  };
}
