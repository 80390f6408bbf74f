import { DomainError } from '@mimamori/core';
import { bookingReady } from '@mimamori/core/scheduling/index';
import { endOfClinicDay } from '@mimamori/core/time/end-of-clinic-day';
import { getPatient, insertAppointment, insertUnits, listAppointments, newId, type AppointmentRow, type Db } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { sendIntake } from '../intake/send-intake.ts';
import { queueAppointmentMail } from './appointment-mail.ts';
import { assertApprovingDoctor } from './approving-doctors.ts';
import { place, unitRows } from './place.ts';
import { channelOf, type BookingActor, type ClinicScheduling } from './scheduling-context.ts';

export interface BookInput {
  readonly patientId: string;
  readonly serviceId: string;
  readonly start: string;
  readonly resourceIds?: ReadonlyArray<string>;
  readonly hold?: boolean;
  readonly note?: string | null;
  readonly doubleBook?: { readonly reason: string; readonly approvedBy: string };
  readonly seriesId?: string | null;
}

/** Inserts one booking inside `tx` (shared by single bookings and series), with its audit row, mail and first-visit intake. */
export async function insertBooking(
  ctx: RequestContext,
  tx: Db,
  o: { cfg: ClinicScheduling; actor: BookingActor; input: BookInput; idempotencyKey: string | null; hash: string | null; nowMs: number; mail: boolean },
): Promise<AppointmentRow> {
  const { cfg, actor, input } = o;
  const channel = channelOf(actor);
  // A new clinic books nothing until its hours and at least one doctor, room or device are entered.
  if (!bookingReady(cfg)) throw new DomainError('conflict', { key: 'booking.setup_incomplete' });
  const patient = await getPatient(tx, cfg.clinicId, input.patientId);
  if (!patient) throw new DomainError('not_found');
  if (input.doubleBook) {
    if (channel !== 'staff') throw new DomainError('forbidden');
    if (!input.doubleBook.reason.trim()) throw new DomainError('validation', { key: 'booking.override_reason', issues: [{ path: 'doubleBook.reason', key: 'booking.override_reason' }] });
    await assertApprovingDoctor(tx, { clinicId: cfg.clinicId, staffId: input.doubleBook.approvedBy });
  }
  const hold = input.hold === true;
  const p = await place(ctx, tx, {
    cfg, actor, serviceId: input.serviceId, patientId: input.patientId, start: input.start, allowDouble: Boolean(input.doubleBook), hold, nowMs: o.nowMs,
    ...(input.resourceIds ? { resourceIds: input.resourceIds } : {}),
  });
  const nowIso = new Date(o.nowMs).toISOString();
  // A patient booking online cannot be in two places: refuse a slot over their own booking (e.g. a 再診 on top of their 初診).
  if (channel === 'patient') {
    // A first visit is booked by phone, through staff: online booking needs a visit before this one (done or booked).
    const earlier = await listAppointments(tx, { clinicId: cfg.clinicId, patientId: input.patientId, toMs: p.startMs, statuses: ['confirmed', 'completed'], limit: 1 });
    if (earlier.length === 0) throw new DomainError('forbidden', { key: cfg.clinicPhone ? 'booking.first_visit_by_phone' : 'booking.first_visit_by_phone_no_phone', params: { phone: cfg.clinicPhone } });
    const own = await listAppointments(tx, { clinicId: cfg.clinicId, patientId: input.patientId, fromMs: p.startMs, toMs: p.endMs, statuses: ['confirmed', 'held'] });
    if (own.some((a) => a.status === 'confirmed' || (a.hold_expires_at !== null && a.hold_expires_at > nowIso))) throw new DomainError('slot_unavailable', { key: 'booking.patient_overlap' });
  }
  const row: AppointmentRow = {
    id: newId(),
    clinic_id: cfg.clinicId,
    patient_id: input.patientId,
    service_id: p.service.id,
    start_at: new Date(p.startMs).toISOString(),
    end_at: new Date(p.endMs).toISOString(),
    start_ms: p.startMs,
    end_ms: p.endMs,
    status: hold ? 'held' : 'confirmed',
    hold_expires_at: p.holdExpiresMs === null ? null : new Date(p.holdExpiresMs).toISOString(),
    channel,
    series_id: input.seriesId ?? null,
    assignments_json: JSON.stringify(p.assignments),
    buffer_before_minutes: p.service.bufferBeforeMinutes ?? 0,
    buffer_after_minutes: p.service.bufferAfterMinutes ?? 0,
    double_booked: p.doubleBooked ? 1 : 0,
    override_reason: p.doubleBooked ? (input.doubleBook?.reason ?? null) : null,
    override_approved_by: p.doubleBooked ? (input.doubleBook?.approvedBy ?? null) : null,
    idempotency_key: o.idempotencyKey,
    request_hash: o.hash,
    note: input.note ?? null,
    checked_in_at: null,
    cancelled_at: null,
    cancel_reason: null,
    move_reason: null,
    created_by: actor.kind === 'staff' ? actor.staffId : null,
    created_at: nowIso,
    updated_at: nowIso,
    version: 1,
  };
  await insertAppointment(tx, row);
  await insertUnits(tx, unitRows(row.id, p));
  await audit(ctx, tx, {
    action: hold ? 'appointment.hold' : 'appointment.book',
    resource: 'appointment',
    resourceId: row.id,
    patientId: row.patient_id,
    clinicId: cfg.clinicId,
    detail: `service=${row.service_id}${p.doubleBooked ? `;double_booked=1;approved_by=${row.override_approved_by}` : ''}${row.series_id ? `;series=${row.series_id}` : ''}`,
  });
  if (o.mail && !hold) await queueAppointmentMail(ctx, tx, { cfg, row, kind: 'confirmation' });
  // A first visit sends the WEB問診 in the same transaction: valid until the end of the visit day.
  if (!hold && p.service.sendsIntake) {
    const endOfDay = new Date(endOfClinicDay(p.startMs, cfg.zone)).toISOString();
    await sendIntake(ctx, tx, { clinicId: cfg.clinicId, patientId: row.patient_id, appointmentId: row.id, expiresAt: endOfDay, email: o.mail });
  }
  return row;
}
