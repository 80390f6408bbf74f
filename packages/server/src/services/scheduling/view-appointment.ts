import type { AppointmentRow } from '@mimamori/storage';
import type { RequestContext } from '../../request-context.ts';
import { appointmentViews, type AppointmentView } from './appointment-view.ts';
import { loadClinicScheduling, type BookingActor, type ClinicScheduling } from './scheduling-context.ts';

/** One appointment as this actor sees it (a patient's view leaves out staff details). */
export async function viewAppointment(ctx: RequestContext, o: { readonly actor: BookingActor; readonly row: AppointmentRow; readonly cfg?: ClinicScheduling }): Promise<AppointmentView> {
  const db = ctx.db.db;
  const cfg = o.cfg ?? (await loadClinicScheduling(ctx, db, o.actor.clinicId));
  const [v] = await appointmentViews(db, cfg, [o.row], { forPatient: o.actor.kind === 'patient', nowMs: ctx.clock().getTime() });
  return v!;
}
