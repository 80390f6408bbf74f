import { bookingReady, setupChecklist, type SetupStep } from '@mimamori/core/scheduling/index';
import { countAppointments, listStaff } from '@mimamori/storage';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { loadClinicScheduling } from '../scheduling/scheduling-context.ts';

export interface SetupChecklistView {
  readonly steps: ReadonlyArray<SetupStep>;
  /** Whether a booking can be taken (hours and at least one active resource). */
  readonly bookingReady: boolean;
  readonly complete: boolean;
}

/**
 * The setup walk-through of the administrator's home: each step done or not from the clinic's
 * data. Reads no patient data (a count of appointments only).
 */
export async function readSetupChecklist(ctx: RequestContext): Promise<SetupChecklistView> {
  const { clinicId } = requireStaff(ctx);
  const db = ctx.db.db;
  const [cfg, staff, appointments] = await Promise.all([loadClinicScheduling(ctx, db, clinicId), listStaff(db, clinicId), countAppointments(db, clinicId)]);
  const steps = setupChecklist({
    facts: { name: cfg.clinicName, phone: cfg.clinicPhone, address: cfg.clinicAddress },
    calendar: cfg.calendar,
    services: cfg.services,
    resources: cfg.resources,
    clinicalStaff: staff.filter((s) => s.status !== 'disabled' && (s.role === 'doctor' || s.role === 'nurse')).length,
    appointments,
  });
  return { steps, bookingReady: bookingReady(cfg), complete: steps.every((s) => s.done) };
}
