import { DomainError } from '@mimamori/core';
import { deactivateUnits, updateAppointmentIfVersion } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import type { AppointmentView } from './appointment-view.ts';
import { changeOwnAppointment, notActive, stale } from './own-appointment.ts';
import { chargeScreeningVisit } from '../billing/charge-service.ts';

/** Records a no-show, a completed visit or a late cancellation (staff). */
export async function markAppointment(
  ctx: RequestContext,
  id: string,
  body: { readonly status: 'no_show' | 'completed' | 'late_cancel'; readonly version: number },
): Promise<AppointmentView> {
  requireStaff(ctx);
  return changeOwnAppointment(ctx, id, async ({ tx, row, actor, nowMs, nowIso }) => {
    if (row.status !== 'confirmed') throw notActive();
    if (body.status !== 'late_cancel' && nowMs < row.start_ms) throw new DomainError('invalid_state', { key: 'booking.not_yet_started' });
    const patch = body.status === 'late_cancel' ? { status: body.status, cancelled_at: nowIso, updated_at: nowIso } : { status: body.status, updated_at: nowIso };
    const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id, expectedVersion: body.version, patch, requireStatus: ['confirmed'] });
    if (!ok) throw stale();
    if (body.status === 'late_cancel') await deactivateUnits(tx, actor.clinicId, id);
    await audit(ctx, tx, { action: `appointment.${body.status}`, resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId });
    // A completed program screening visit is charged from the price list in this same transaction.
    if (body.status === 'completed') await chargeScreeningVisit(ctx, tx, { clinicId: actor.clinicId, patientId: row.patient_id, appointmentId: id, startedAt: row.start_at });
    return { ...row, ...patch, version: body.version + 1 };
  });
}
