import { DomainError } from '@mimamori/core';
import type { SlotAssignment } from '@mimamori/core/scheduling/index';
import { confirmUnits, countUnits, lockResources, updateAppointmentIfVersion } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { queueAppointmentMail } from './appointment-mail.ts';
import type { AppointmentView } from './appointment-view.ts';
import { changeOwnAppointment, stale } from './own-appointment.ts';

/** Confirms a hold: a compare-and-swap on (held, not expired, version); the confirmation mail goes out. */
export async function confirmHold(ctx: RequestContext, id: string, version: number): Promise<AppointmentView> {
  return changeOwnAppointment(ctx, id, async ({ tx, cfg, row, actor, nowIso }) => {
    if (row.status !== 'held') throw new DomainError('invalid_state', { key: 'booking.not_held' });
    const ids = (JSON.parse(row.assignments_json) as SlotAssignment[]).map((a) => a.resourceId);
    await lockResources(tx, { clinicId: actor.clinicId, resourceIds: ids });
    if (!row.hold_expires_at || row.hold_expires_at <= nowIso) throw new DomainError('invalid_state', { key: 'booking.hold_expired' });
    const total = await countUnits(tx, actor.clinicId, id);
    const kept = await confirmUnits(tx, actor.clinicId, id);
    if (kept !== total) throw new DomainError('invalid_state', { key: 'booking.hold_expired' });
    const ok = await updateAppointmentIfVersion(tx, {
      clinicId: actor.clinicId, id, expectedVersion: version, requireStatus: ['held'], patch: { status: 'confirmed', hold_expires_at: null, updated_at: nowIso },
    });
    if (!ok) throw stale();
    const updated = { ...row, status: 'confirmed', hold_expires_at: null, updated_at: nowIso, version: version + 1 };
    await audit(ctx, tx, { action: 'appointment.confirm', resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId });
    await queueAppointmentMail(ctx, tx, { cfg, row: updated, kind: 'confirmation' });
    return updated;
  });
}
