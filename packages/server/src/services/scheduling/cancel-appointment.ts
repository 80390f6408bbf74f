import { deactivateUnits, updateAppointmentIfVersion, type AppointmentRow } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { queueAppointmentMail } from './appointment-mail.ts';
import type { AppointmentView } from './appointment-view.ts';
import { assertOnlineChange, changeOwnAppointment, notActive, stale } from './own-appointment.ts';

/** Cancels (or, by staff, records a late cancellation); the slot is free again at once. */
export async function cancelAppointment(
  ctx: RequestContext,
  id: string,
  body: { readonly version: number; readonly reason?: string | null; readonly late?: boolean },
): Promise<AppointmentView> {
  return changeOwnAppointment(ctx, id, async ({ tx, cfg, row, actor, nowMs, nowIso }) => {
    if (row.status !== 'confirmed' && row.status !== 'held') throw notActive();
    if (row.version !== body.version) throw stale();
    assertOnlineChange({ cfg, actor, row, nowMs });
    const status = body.late === true && actor.kind === 'staff' ? 'late_cancel' : 'cancelled';
    const patch = { status, cancelled_at: nowIso, cancel_reason: body.reason ?? null, updated_at: nowIso, hold_expires_at: null };
    const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id, expectedVersion: body.version, patch, requireStatus: ['confirmed', 'held'] });
    if (!ok) throw stale();
    await deactivateUnits(tx, actor.clinicId, id);
    const updated: AppointmentRow = { ...row, ...patch, version: body.version + 1 };
    await audit(ctx, tx, { action: `appointment.${status}`, resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId });
    if (row.status === 'confirmed') await queueAppointmentMail(ctx, tx, { cfg, row: updated, kind: 'cancellation' });
    return updated;
  });
}
