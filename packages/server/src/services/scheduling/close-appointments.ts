import { DomainError } from '@mimamori/core';
import { appointmentsClosedBy, clinicDay, type ClinicCalendar } from '@mimamori/core/scheduling/index';
import { instantToZoned } from '@mimamori/core/time/instant-to-zoned';
import { deactivateUnits, listAppointments, updateAppointmentIfVersion, type AppointmentRow, type Db } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { RequestContext, StaffActor } from '../../request-context.ts';
import { queueAppointmentMail } from './appointment-mail.ts';
import { appointmentViews } from './appointment-view.ts';
import type { ClinicScheduling } from './scheduling-context.ts';
import type { ClosedAppointment, ClosedAppointmentsChoice } from './closed-appointment.ts';

export type { ClosedAppointment, ClosedAppointmentsChoice } from './closed-appointment.ts';

function closedReason(after: ClinicCalendar, date: string): string {
  const day = clinicDay(after, date);
  return day.closure?.reason ?? (day.notes.join('、') || '');
}

/**
 * The upcoming confirmed or held appointments that the new calendar closes (inside the old hours,
 * outside the new). Without a choice, or when the admin saw another list, it refuses with the list
 * (`booking.closure_has_appointments` / `booking.closure_list_changed`, extra `closedAppointments`)
 * so nothing is saved silently; with one, it cancels (notice queued for each patient) or marks them,
 * each audited — in the caller's transaction, the one that saves the calendar.
 */
export async function settleClosedAppointments(
  ctx: RequestContext,
  tx: Db,
  o: { readonly cfg: ClinicScheduling; readonly after: ClinicCalendar; readonly actor: StaffActor; readonly choice: ClosedAppointmentsChoice | undefined },
): Promise<number> {
  const { cfg, after, actor } = o;
  const nowMs = ctx.clock().getTime();
  const nowIso = new Date(nowMs).toISOString();
  const active = await listAppointments(tx, { clinicId: cfg.clinicId, fromMs: nowMs, statuses: ['confirmed', 'held'], limit: 10_000 });
  const live = active.filter((r) => r.status === 'confirmed' || (r.hold_expires_at !== null && r.hold_expires_at > nowIso));
  const hit = appointmentsClosedBy({ before: cfg.calendar, after, appointments: live.map((r) => ({ row: r, startMs: r.start_ms, endMs: r.end_ms })) }).map((h) => h.row);
  if (hit.length === 0) return 0;
  const seen = [...(o.choice?.ids ?? [])].sort().join(',');
  if (!o.choice || seen !== hit.map((r) => r.id).sort().join(',')) {
    const views = await appointmentViews(tx, cfg, hit, { forPatient: false, nowMs });
    const closedAppointments: ClosedAppointment[] = views.map((v) => ({
      id: v.id, date: v.date, startTime: v.startTime, endTime: v.endTime, status: v.status,
      patient: v.patient ? { nameKanji: v.patient.nameKanji, patientNumber: v.patient.patientNumber } : null,
      serviceName: v.serviceName, serviceNameEn: v.serviceNameEn, reason: closedReason(after, v.date),
    }));
    throw new DomainError('precondition_failed', {
      key: o.choice ? 'booking.closure_list_changed' : 'booking.closure_has_appointments',
      params: { count: hit.length },
      extra: { closedAppointments },
    });
  }
  for (const row of hit) await settleOne(ctx, tx, { cfg, row, actor, action: o.choice.action, reason: closedReason(after, instantToZoned(row.start_ms, cfg.zone).date), nowIso });
  return hit.length;
}

async function settleOne(
  ctx: RequestContext,
  tx: Db,
  o: { cfg: ClinicScheduling; row: AppointmentRow; actor: StaffActor; action: 'cancel' | 'keep'; reason: string; nowIso: string },
): Promise<void> {
  const { cfg, row, actor, nowIso } = o;
  const reasonText = o.reason ? `臨時休診（${o.reason}）` : '臨時休診';
  const patch = o.action === 'cancel'
    ? { status: 'cancelled', cancelled_at: nowIso, cancel_reason: reasonText, updated_at: nowIso, hold_expires_at: null }
    : { move_reason: reasonText, updated_at: nowIso };
  const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id: row.id, expectedVersion: row.version, patch, requireStatus: ['confirmed', 'held'] });
  if (!ok) throw new DomainError('conflict');
  const updated: AppointmentRow = { ...row, ...patch, version: row.version + 1 };
  const action = o.action === 'cancel' ? 'appointment.cancelled' : 'appointment.move_needed';
  await audit(ctx, tx, { action, resource: 'appointment', resourceId: row.id, patientId: row.patient_id, clinicId: actor.clinicId, detail: 'by=calendar_closure' });
  if (o.action !== 'cancel') return;
  await deactivateUnits(tx, actor.clinicId, row.id);
  if (row.status === 'confirmed') {
    await queueAppointmentMail(ctx, tx, {
      cfg, row: updated, kind: 'cancellation',
      lead: `誠に申し訳ございません。${reasonText}のため、以下のご予約をキャンセルさせていただきました。別の日時のご予約は、お電話またはオンラインでお願いいたします。`,
    });
  }
}
