import type { EnrolmentSchedule } from '@mimamori/core/programs/index';
import { instantToZoned } from '@mimamori/core/time/instant-to-zoned';
import { deactivateUnits, getAppointment, updateAppointmentIfVersion, type Db } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';

/**
 * The booked visit a recorded session replaces. Given on the booked day, the visit is marked
 * `completed`; given on another day, the booking is cancelled and its chair and nurse are free again
 * (a booking still held for a dose already given would block them and read as done). Audited.
 */
export async function releaseSessionAppointment(ctx: RequestContext, tx: Db, o: {
  readonly clinicId: string;
  readonly schedule: EnrolmentSchedule | null;
  readonly sessionNumber: number;
  /** Clinic date the session was given. */
  readonly sessionDate: string;
  readonly zone: string;
  readonly now: string;
}): Promise<{ readonly appointmentId: string; readonly status: 'completed' | 'cancelled' } | null> {
  const link = o.schedule?.booking?.appointments.find((a) => a.sessionNumber === o.sessionNumber);
  if (!link) return null;
  const a = await getAppointment(tx, o.clinicId, link.appointmentId);
  if (!a || (a.status !== 'confirmed' && a.status !== 'held')) return null;
  const sameDay = instantToZoned(a.start_ms, o.zone).date === o.sessionDate;
  const patch = sameDay
    ? { status: 'completed', updated_at: o.now }
    : { status: 'cancelled', cancelled_at: o.now, cancel_reason: `session ${o.sessionNumber} given on ${o.sessionDate}`, updated_at: o.now, hold_expires_at: null };
  if (!(await updateAppointmentIfVersion(tx, { clinicId: o.clinicId, id: a.id, expectedVersion: a.version, patch, requireStatus: ['confirmed', 'held'] }))) return null;
  if (!sameDay) await deactivateUnits(tx, o.clinicId, a.id);
  await audit(ctx, tx, {
    action: `appointment.${patch.status}`, resource: 'appointment', resourceId: a.id, patientId: a.patient_id, clinicId: o.clinicId,
    detail: `program_session=${o.sessionNumber};given=${o.sessionDate}`,
  });
  return { appointmentId: a.id, status: sameDay ? 'completed' : 'cancelled' };
}
