import { DomainError } from '../errors/domain-error.ts';
import { formatInstant } from '../time/format-instant.ts';
import { clinicDate } from '../time/clinic-date.ts';
import { addDays } from '../time/local-date.ts';
import { parseInstant } from '../time/parse-instant.ts';
import { assertTimeZone, type TimeZone } from '../time/time-zone.ts';
import { zonedToInstant } from '../time/zoned-to-instant.ts';
import type { ChangeCutoffRule } from './booking-policy.ts';

/** Options of {@link checkOnlineChange}. */
export interface CheckOnlineChangeOptions {
  readonly rule: ChangeCutoffRule;
  /** Start of the appointment: ISO instant with offset, or epoch milliseconds. */
  readonly appointmentStart: string | number;
  readonly now: string | number;
  /** The clinic's zone: "18:00 the day before" is read on its wall clock. */
  readonly zone: TimeZone;
  /** Put into the error's params so the page can say which number to call. */
  readonly clinicPhone?: string;
}

/** Whether the patient may still change or cancel online, and until when. */
export type OnlineChangeDecision =
  | { readonly allowed: true; readonly deadline: string; readonly deadlineMs: number }
  | { readonly allowed: false; readonly deadline: string; readonly deadlineMs: number; readonly error: DomainError };

/**
 * The online change/cancel deadline of an appointment under the clinic's rule, and whether `now`
 * is still before it. Online changes are allowed strictly before the deadline: with "until 18:00
 * the day before", 17:59:59 is allowed and 18:00:00 is not. After it the patient must phone: the
 * error is `cutoff_passed` with key `booking.cutoff_passed` (or `booking.appointment_started` once
 * the appointment has begun) and params `{ deadline, phone }`.
 *
 * @example
 * checkOnlineChange({
 *   rule: { kind: 'day_before_at', time: '18:00' }, zone: 'Asia/Tokyo', clinicPhone: '03-0000-0000',
 *   appointmentStart: '2026-12-03T10:00:00+09:00', now: '2026-12-02T18:00:00+09:00',
 * }); // { allowed: false, deadline: '2026-12-02T18:00:00+09:00', error: DomainError(cutoff_passed) … }
 */
export function checkOnlineChange(options: CheckOnlineChangeOptions): OnlineChangeDecision {
  const { rule, zone } = options;
  assertTimeZone(zone);
  const start = typeof options.appointmentStart === 'number' ? options.appointmentStart : parseInstant(options.appointmentStart, 'appointmentStart');
  const now = typeof options.now === 'number' ? options.now : parseInstant(options.now, 'now');
  let deadlineMs: number;
  if (rule.kind === 'day_before_at') {
    const date = addDays(clinicDate(start, zone), -(rule.daysBefore ?? 1));
    deadlineMs = Math.min(start, zonedToInstant({ date, time: rule.time, zone }));
  } else {
    deadlineMs = start - rule.hours * 3_600_000;
  }
  const deadline = formatInstant(deadlineMs, zone);
  if (now < deadlineMs) return { allowed: true, deadline, deadlineMs };
  const params = { deadline, phone: options.clinicPhone ?? null };
  const key = now >= start ? 'booking.appointment_started' : 'booking.cutoff_passed';
  return { allowed: false, deadline, deadlineMs, error: new DomainError('cutoff_passed', { key, params }) };
}
