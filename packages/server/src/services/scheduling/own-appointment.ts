import { DomainError } from '@mimamori/core';
import { checkOnlineChange } from '@mimamori/core/scheduling/index';
import { getAppointment, type AppointmentRow, type Db } from '@mimamori/storage';
import { auditAlone } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { formatDeadline } from './appointment-mail.ts';
import type { AppointmentView } from './appointment-view.ts';
import { bookingActor, loadClinicScheduling, writeSchedulingTx, type BookingActor, type ClinicScheduling } from './scheduling-context.ts';
import { viewAppointment } from './view-appointment.ts';

/**
 * The appointment, if this actor may see it; patients get "not found" for anyone else's. Inside a
 * write transaction the denial is not audited here (SQLite has one connection, and the write rolls
 * back): pass `auditDenial` only outside one.
 */
export async function ownAppointment(
  ctx: RequestContext,
  db: Db,
  o: { readonly actor: BookingActor; readonly id: string; readonly auditDenial?: boolean },
): Promise<AppointmentRow> {
  const { actor, id } = o;
  const row = await getAppointment(db, actor.clinicId, id);
  if (!row || (actor.kind === 'patient' && row.patient_id !== actor.patientId)) {
    if (row && o.auditDenial) {
      await auditAlone(ctx, { action: 'appointment.access', resource: 'appointment', resourceId: id, outcome: 'denied', clinicId: actor.clinicId });
    }
    throw new DomainError('not_found');
  }
  return row;
}

/** Patients may change or cancel online only before the clinic's cutoff; the error says whom to call. */
export function assertOnlineChange(o: { readonly cfg: ClinicScheduling; readonly actor: BookingActor; readonly row: AppointmentRow; readonly nowMs: number }): void {
  const { cfg } = o;
  if (o.actor.kind !== 'patient') return;
  const d = checkOnlineChange({ rule: cfg.policy.changeCutoff, appointmentStart: o.row.start_ms, now: o.nowMs, zone: cfg.zone, clinicPhone: cfg.clinicPhone });
  if (d.allowed) return;
  const deadline = formatDeadline(d.deadlineMs, cfg.zone);
  throw new DomainError('cutoff_passed', { key: cfg.clinicPhone ? d.error.key : `${d.error.key}_no_phone`, params: { deadline, phone: cfg.clinicPhone }, extra: { phone: cfg.clinicPhone, deadline: d.deadline } });
}

/** The appointment is cancelled or finished. */
export function notActive(): DomainError {
  return new DomainError('invalid_state', { key: 'booking.not_active' });
}

/** Someone else changed the appointment first (its version moved on). */
export function stale(): DomainError {
  return new DomainError('conflict');
}

/** What a change of one appointment gets: the transaction, the clinic's configuration, the current row and the time. */
export interface AppointmentChange {
  readonly tx: Db;
  readonly cfg: ClinicScheduling;
  readonly row: AppointmentRow;
  readonly actor: BookingActor;
  readonly nowMs: number;
  readonly nowIso: string;
}

/**
 * The frame of every change to one appointment: ownership checked first (a patient's attempt on
 * someone else's appointment is audited), then one write transaction with the clinic's
 * configuration and the current row, and the view of the row the change returns.
 */
export async function changeOwnAppointment(
  ctx: RequestContext,
  id: string,
  change: (c: AppointmentChange) => Promise<AppointmentRow>,
): Promise<AppointmentView> {
  const actor = bookingActor(ctx);
  const nowMs = ctx.clock().getTime();
  const nowIso = new Date(nowMs).toISOString();
  if (actor.kind === 'patient') await ownAppointment(ctx, ctx.db.db, { actor, id, auditDenial: true });
  const { row, cfg } = await writeSchedulingTx(ctx, async (tx) => {
    const cfg = await loadClinicScheduling(ctx, tx, actor.clinicId);
    const current = await ownAppointment(ctx, tx, { actor, id });
    return { row: await change({ tx, cfg, row: current, actor, nowMs, nowIso }), cfg };
  });
  return viewAppointment(ctx, { actor, row, cfg });
}
