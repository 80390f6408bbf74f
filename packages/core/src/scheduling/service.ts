/**
 * Bookable services (初診, 再診, TMS …): how long they take, which resources they need, who may
 * book them and for whom.
 */
import type { ResourceRole } from './resource.ts';

/** Who may book a service: staff only (e.g. 初診 by phone), or also the patient online. */
export type ServiceChannel = 'staff_only' | 'patient_online';

/** Who is booking right now. */
export type BookingChannel = 'staff' | 'patient';

/** `count` distinct resources having `role`, for the whole appointment. */
export interface ServiceRequirement {
  readonly role: ResourceRole;
  /** Default 1. */
  readonly count?: number;
}

/** A bookable service. Plain data, editable by an admin. */
export interface Service {
  readonly id: string;
  /** Japanese name, shown to staff. Not put in calendar files (see `appointmentIcs`). */
  readonly name: string;
  readonly nameEn: string;
  readonly durationMinutes: number;
  readonly requires: ReadonlyArray<ServiceRequirement>;
  /** Resources stay blocked this long before the appointment (preparation). Default 0. */
  readonly bufferBeforeMinutes?: number;
  /** Resources stay blocked this long after the appointment (cleaning, notes). Default 0. */
  readonly bufferAfterMinutes?: number;
  readonly channel: ServiceChannel;
  /** Only patients carrying this tag may have it, e.g. `program:exosome`. */
  readonly eligibilityTag?: string;
  /** Offered start times step by this many minutes from the start of each session. Default: the policy's. */
  readonly slotStepMinutes?: number;
  readonly active?: boolean;
  /** Booking it sends the patient the WEB問診 (the clinic's first visit, 初診). */
  readonly sendsIntake?: boolean;
}
