import { DomainError } from '@mimamori/core';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { updateAppointmentIfVersion } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import type { AppointmentView } from './appointment-view.ts';
import { changeOwnAppointment, notActive, stale } from './own-appointment.ts';

/** Check-in at the desk (staff), on the appointment's clinic date only. */
export async function checkInAppointment(ctx: RequestContext, id: string, version: number): Promise<AppointmentView> {
  requireStaff(ctx);
  return changeOwnAppointment(ctx, id, async ({ tx, cfg, row, actor, nowMs, nowIso }) => {
    if (row.status !== 'confirmed') throw notActive();
    if (clinicDate(row.start_ms, cfg.zone) !== clinicDate(nowMs, cfg.zone)) throw new DomainError('invalid_state', { key: 'booking.not_today' });
    const patch = { checked_in_at: nowIso, updated_at: nowIso };
    const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id, expectedVersion: version, patch, requireStatus: ['confirmed'] });
    if (!ok) throw stale();
    await audit(ctx, tx, { action: 'appointment.check_in', resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId });
    return { ...row, ...patch, version: version + 1 };
  });
}
