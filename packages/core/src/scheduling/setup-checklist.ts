/**
 * The walk-through of a new clinic: what the administrator has set up, read from the data (never
 * ticked by hand), and whether the clinic can take its first booking.
 */
import type { ClinicCalendar } from './clinic-calendar.ts';
import type { Resource } from './resource.ts';
import type { Service } from './service.ts';

export type SetupStepId = 'facts' | 'hours' | 'services' | 'staff' | 'resources' | 'booking';

export interface SetupStep {
  readonly id: SetupStepId;
  readonly done: boolean;
}

export interface SetupChecklistInput {
  readonly facts: { readonly name: string; readonly phone: string; readonly address: string | null };
  readonly calendar: Pick<ClinicCalendar, 'weeklyHours'>;
  readonly services: ReadonlyArray<Service>;
  readonly resources: ReadonlyArray<Resource>;
  /** Staff accounts that see patients (doctor, nurse), invited or active. */
  readonly clinicalStaff: number;
  readonly appointments: number;
}

/** Whether the clinic opens on at least one weekday. */
export function hasOpeningHours(calendar: Pick<ClinicCalendar, 'weeklyHours'>): boolean {
  return Object.values(calendar.weeklyHours).some((sessions) => (sessions?.length ?? 0) > 0);
}

/** The active services whose every required role some active resource can fill. */
export function bookableServices(services: ReadonlyArray<Service>, resources: ReadonlyArray<Resource>): ReadonlyArray<Service> {
  const roles = new Set(resources.filter((r) => r.active !== false).flatMap((r) => r.roles));
  return services.filter((s) => s.active !== false && s.requires.every((q) => roles.has(q.role)));
}

/**
 * Whether a clinic can be booked at all: it has opening hours and at least one active resource.
 *
 * @example
 * bookingReady({ calendar: { weeklyHours: {} }, resources: [] }); // false
 */
export function bookingReady(o: { readonly calendar: Pick<ClinicCalendar, 'weeklyHours'>; readonly resources: ReadonlyArray<Resource> }): boolean {
  return hasOpeningHours(o.calendar) && o.resources.some((r) => r.active !== false);
}

/**
 * The steps of the walk-through in order — clinic facts, hours and closures, services, staff, rooms
 * and devices, the first booking — each done or not from the data.
 *
 * @example
 * setupChecklist({ facts: { name: 'A', phone: '', address: null }, calendar: { weeklyHours: {} }, services: [], resources: [], clinicalStaff: 0, appointments: 0 })
 *   .every((s) => !s.done); // true
 */
export function setupChecklist(o: SetupChecklistInput): ReadonlyArray<SetupStep> {
  return [
    { id: 'facts', done: o.facts.name.trim() !== '' && o.facts.phone !== '' && (o.facts.address ?? '') !== '' },
    { id: 'hours', done: hasOpeningHours(o.calendar) },
    { id: 'services', done: bookableServices(o.services, o.resources).length > 0 },
    { id: 'staff', done: o.clinicalStaff > 0 },
    { id: 'resources', done: o.resources.some((r) => r.active !== false) },
    { id: 'booking', done: o.appointments > 0 },
  ];
}
