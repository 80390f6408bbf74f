import { DomainError } from '@mimamori/core';
import { parseInstant } from '@mimamori/core/time/parse-instant';
import { deactivateUnits, insertUnits, updateAppointmentIfVersion, type AppointmentRow } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { queueAppointmentMail } from './appointment-mail.ts';
import type { AppointmentView } from './appointment-view.ts';
import { assertApprovingDoctor } from './approving-doctors.ts';
import { assertOnlineChange, changeOwnAppointment, notActive, stale } from './own-appointment.ts';
import { place, unitRows } from './place.ts';

export interface ChangeAppointmentInput {
  readonly start: string;
  readonly version: number;
  readonly resourceIds?: ReadonlyArray<string>;
  readonly doubleBook?: { readonly reason: string; readonly approvedBy: string };
}

/** Moves an appointment to another time (and/or resources); same id, version + 1, a change mail. */
export async function changeAppointment(ctx: RequestContext, id: string, body: ChangeAppointmentInput): Promise<AppointmentView> {
  parseInstant(body.start, 'start');
  return changeOwnAppointment(ctx, id, async ({ tx, cfg, row, actor, nowMs, nowIso }) => {
    if (row.status !== 'confirmed' && !(row.status === 'held' && row.hold_expires_at && row.hold_expires_at > nowIso)) throw notActive();
    if (row.version !== body.version) throw stale();
    assertOnlineChange({ cfg, actor, row, nowMs });
    if (body.doubleBook) {
      if (actor.kind !== 'staff') throw new DomainError('forbidden');
      await assertApprovingDoctor(tx, { clinicId: cfg.clinicId, staffId: body.doubleBook.approvedBy });
    }
    const p = await place(ctx, tx, {
      cfg, actor, serviceId: row.service_id, patientId: row.patient_id, start: body.start, allowDouble: Boolean(body.doubleBook), hold: row.status === 'held', excludeId: row.id, nowMs,
      ...(body.resourceIds ? { resourceIds: body.resourceIds } : {}),
    });
    await deactivateUnits(tx, actor.clinicId, row.id);
    await insertUnits(tx, unitRows(row.id, p));
    const patch = {
      start_at: new Date(p.startMs).toISOString(), end_at: new Date(p.endMs).toISOString(), start_ms: p.startMs, end_ms: p.endMs,
      assignments_json: JSON.stringify(p.assignments), double_booked: p.doubleBooked ? 1 : 0,
      override_reason: p.doubleBooked ? (body.doubleBook?.reason ?? null) : null, override_approved_by: p.doubleBooked ? (body.doubleBook?.approvedBy ?? null) : null,
      updated_at: nowIso, checked_in_at: null, move_reason: null,
    };
    const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id, expectedVersion: body.version, patch, requireStatus: ['confirmed', 'held'] });
    if (!ok) throw stale();
    const updated: AppointmentRow = { ...row, ...patch, version: body.version + 1 };
    await audit(ctx, tx, {
      action: 'appointment.change', resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId,
      detail: `from=${row.start_at};to=${patch.start_at}${p.doubleBooked ? ';double_booked=1' : ''}`,
    });
    if (row.status === 'confirmed') await queueAppointmentMail(ctx, tx, { cfg, row: updated, kind: 'change' });
    return updated;
  });
}
