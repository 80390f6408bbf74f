import { auditAlone } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import type { AppointmentView } from './appointment-view.ts';
import { ownAppointment } from './own-appointment.ts';
import { bookingActor } from './scheduling-context.ts';
import { viewAppointment } from './view-appointment.ts';

/** One appointment (audited read); a patient's read of someone else's is "not found", and audited. */
export async function readAppointment(ctx: RequestContext, id: string): Promise<AppointmentView> {
  const actor = bookingActor(ctx);
  const row = await ownAppointment(ctx, ctx.db.db, { actor, id, auditDenial: true });
  await auditAlone(ctx, { action: 'appointment.read', resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId });
  return viewAppointment(ctx, { actor, row });
}
