import { DomainError } from '@mimamori/core';
import { bookingRejection, freshClinicCalendar, roleParams } from '@mimamori/core/scheduling/index';
import { getClinic, getSchedulingConfig, isAppointmentUnitOverlap, seedSchedulingConfig, type Db } from '@mimamori/storage';
import { appState } from '../../app-state.ts';
import type { AppDeps } from '../../context.ts';
import { requirePatient, type PatientActor, type RequestContext, type StaffActor } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import type { ClinicScheduling } from './scheduling-state.ts';

export type { ClinicScheduling } from './scheduling-state.ts';

/** Patient-link purpose of the patient's appointment pages (and of the code sign-in). */
export const APPOINTMENTS_PURPOSE = 'appointments';

/** Who may act on appointments: a staff member, or a patient in an `appointments` session. */
export type BookingActor = StaffActor | PatientActor;

/** The context's staff member, or its patient in an `appointments` session (else `forbidden`). */
export function bookingActor(ctx: RequestContext): BookingActor {
  return ctx.actor.kind === 'staff' ? ctx.actor : requirePatient(ctx, APPOINTMENTS_PURPOSE);
}

/** The booking channel core's rules apply: staff at the desk, or the patient online. */
export function channelOf(actor: BookingActor): 'staff' | 'patient' {
  return actor.kind === 'staff' ? 'staff' : 'patient';
}

/**
 * The clinic's scheduling configuration; a clinic that has none gets an empty one the first time —
 * no opening hours, no resources, no phone or address, the usual services — which the administrator
 * fills in through the setup walk-through (the demo clinic's facts are seeded by the demo only).
 */
export async function loadClinicScheduling(deps: AppDeps, db: Db, clinicId: string): Promise<ClinicScheduling> {
  const clinic = await getClinic(db, clinicId);
  if (!clinic) throw new DomainError('not_found');
  let config = await getSchedulingConfig(db, clinicId, clinic.timeZone);
  if (!config) {
    await seedSchedulingConfig(db, { clinicId, now: deps.clock().toISOString(), calendar: freshClinicCalendar(clinic.timeZone), resources: [] });
    config = await getSchedulingConfig(db, clinicId, clinic.timeZone);
  }
  if (!config) throw new DomainError('internal');
  return { ...config, clinicName: clinic.name, zone: clinic.timeZone };
}

/** The longest horizon a clinic may set (days), which `withoutStaffHorizon` lifts staff bookings to. */
const LONGEST_HORIZON_DAYS = 3660;

/**
 * The clinic's configuration with the staff booking horizon lifted, for booking a program's
 * treatment course: the program defines how far its course reaches, and staff must be able to book
 * all of it at once (the horizon is for ordinary appointments; patients' online limits never apply
 * to staff). Notice, hours, closures and capacity still apply.
 */
export function withoutStaffHorizon(cfg: ClinicScheduling): ClinicScheduling {
  const staff = { ...cfg.policy.limits.staff, horizonDays: LONGEST_HORIZON_DAYS };
  return { ...cfg, policy: { ...cfg.policy, limits: { ...cfg.policy.limits, staff } } };
}

/**
 * {@link loadClinicScheduling} for availability, whose answers are advisory and already reused for
 * a moment: the configuration is reused under the same rules (every scheduling write of this app
 * drops it). On PostgreSQL this saves three of the five round trips an availability request made
 * (clinic, settings, services and resources); writes still read it in their transaction.
 */
export function loadClinicSchedulingForRead(deps: AppDeps, clinicId: string): Promise<ClinicScheduling> {
  return appState(deps).scheduling.configs(clinicId, deps.clock().getTime(), () => loadClinicScheduling(deps, deps.db.db, clinicId));
}

/**
 * A scheduling write: {@link writeTx}, then the app's availability caches are emptied; the
 * database's "unit already taken" becomes the same 409 as the check's `booking.over_capacity`, so
 * the caller cannot tell which layer stopped it.
 */
export async function writeSchedulingTx<T>(deps: AppDeps, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    const result = await writeTx(deps, fn);
    appState(deps).scheduling.invalidate();
    return result;
  } catch (err) {
    if (isAppointmentUnitOverlap(err)) throw bookingRejection('booking.over_capacity', roleParams(''));
    throw err;
  }
}
