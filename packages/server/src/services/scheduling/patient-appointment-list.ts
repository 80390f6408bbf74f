import { DomainError } from '@mimamori/core';
import { getPatient, listAppointments } from '@mimamori/storage';
import { auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { appointmentViews, type AppointmentView } from './appointment-view.ts';
import { loadClinicScheduling } from './scheduling-context.ts';

/** How many past appointments the patient page lists (newest first); upcoming ones are all listed. */
export const PAST_APPOINTMENTS_SHOWN = 50;

/**
 * One patient's appointments for the patient page: every upcoming one (soonest first) and the most
 * recent past ones (newest first), cancelled and no-shows included with their status. Audited as a
 * read of that patient's appointments.
 */
export async function patientAppointmentList(
  ctx: RequestContext,
  input: { readonly patientId: string },
): Promise<{ readonly upcoming: AppointmentView[]; readonly past: AppointmentView[]; readonly morePast: boolean }> {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const patient = await getPatient(db, actor.clinicId, input.patientId);
  if (!patient) throw new DomainError('not_found');
  const cfg = await loadClinicScheduling(ctx, db, actor.clinicId);
  const nowMs = ctx.clock().getTime();
  const rows = await listAppointments(db, { clinicId: actor.clinicId, patientId: input.patientId, limit: 5000 });
  // An appointment under way (started, not yet ended) still counts as upcoming: it is today's.
  const upcomingRows = rows.filter((r) => r.end_ms > nowMs);
  const pastRows = rows.filter((r) => r.end_ms <= nowMs).reverse();
  const shownPast = pastRows.slice(0, PAST_APPOINTMENTS_SHOWN);
  await auditAlone(ctx, {
    action: 'appointment.list', resource: 'appointment', clinicId: actor.clinicId, patientId: input.patientId,
    detail: `patient_page;upcoming=${upcomingRows.length};past=${shownPast.length}`,
  });
  const views = await appointmentViews(db, cfg, [...upcomingRows, ...shownPast], { forPatient: false, nowMs });
  return { upcoming: views.slice(0, upcomingRows.length), past: views.slice(upcomingRows.length), morePast: pastRows.length > shownPast.length };
}
