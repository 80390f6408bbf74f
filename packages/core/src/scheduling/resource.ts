/**
 * Staff and equipment that services need. Both are "resources": a doctor, a nurse, an infusion chair
 * and the TMS device are booked the same way, each with a capacity and the hours it is available.
 */
import type { LocalDate } from '../time/local-date.ts';
import type { LocalTime } from '../time/local-time.ts';
import type { WeeklyHours } from './clinic-calendar.ts';

/**
 * What a resource can do. Open vocabulary (admins add their own); the demo clinic uses `doctor`,
 * `psychologist`, `nurse`, `tms_operator`, `infusion_chair` and `tms_device`.
 */
export type ResourceRole = string;

/** Time a resource is away: whole days `from`–`to`, or `start`–`end` on each of those days. */
export interface Absence {
  readonly from: LocalDate;
  /** Last day, included; defaults to `from`. */
  readonly to?: LocalDate;
  readonly start?: LocalTime;
  readonly end?: LocalTime;
  readonly reason?: string;
}

/** A doctor, nurse, room, chair or device. */
export interface Resource {
  readonly id: string;
  readonly name: string;
  readonly roles: ReadonlyArray<ResourceRole>;
  /** How many bookings it takes at once (a chair: 1; a group room: 4). Default 1. */
  readonly capacity?: number;
  /**
   * When it works, within the clinic's open hours. Absent: whenever the clinic is open (typical of
   * equipment). A staff member who only works Monday mornings lists just that.
   */
  readonly weeklyHours?: WeeklyHours;
  /** Leave, training, maintenance. */
  readonly absences?: ReadonlyArray<Absence>;
  /** Inactive resources are never offered. */
  readonly active?: boolean;
  /**
   * The staff account of the person this resource is (a doctor's account ↔ the doctor who is
   * booked), so that who may approve a double booking and who can be booked are one list.
   */
  readonly staffId?: string;
}
