/**
 * Clinic-set booking rules: notice, horizon, slot step and the online change/cancel cutoff.
 */
import type { LocalTime } from '../time/local-time.ts';
import type { BookingChannel } from './service.ts';

/** Notice and horizon for one channel. */
export interface ChannelLimits {
  /** A booking must start at least this many minutes after "now". */
  readonly minNoticeMinutes: number;
  /** A booking may be at most this many days ahead (by clinic date; today + horizonDays is the last day). */
  readonly horizonDays: number;
}

/**
 * Until when a patient may change or cancel online; after it they phone the clinic.
 * - `day_before_at`: until `time` on the calendar day `daysBefore` (default 1) before the appointment.
 * - `hours_before`: until `hours` hours before the start.
 */
export type ChangeCutoffRule =
  | { readonly kind: 'day_before_at'; readonly time: LocalTime; readonly daysBefore?: number }
  | { readonly kind: 'hours_before'; readonly hours: number };

/** All booking rules of a clinic. */
export interface BookingPolicy {
  readonly limits: Readonly<Record<BookingChannel, ChannelLimits>>;
  /** Default step between offered start times, in minutes. */
  readonly slotStepMinutes: number;
  readonly changeCutoff: ChangeCutoffRule;
  /** How long a patient's hold lasts while they confirm, in minutes. */
  readonly holdMinutes: number;
}
