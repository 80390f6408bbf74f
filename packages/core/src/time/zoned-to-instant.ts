import { assertLocalDate, type LocalDate } from './local-date.ts';
import { timeToMinutes, type LocalTime } from './local-time.ts';
import { zoneOffsetMinutes, type TimeZone } from './time-zone.ts';

/** Options of {@link zonedToInstant}. */
export interface ZonedToInstantOptions {
  readonly date: LocalDate;
  /** `HH:MM`; `24:00` means the midnight that ends `date`. */
  readonly time: LocalTime;
  readonly zone: TimeZone;
}

/**
 * The instant (epoch milliseconds) at which the wall clock in `zone` reads `date time`.
 *
 * Around daylight-saving changes it behaves like Temporal's `compatible` disambiguation: a time
 * skipped by a spring-forward gap moves forward by the gap, and a time that occurs twice in a
 * fall-back overlap resolves to the earlier instant.
 *
 * @example
 * new Date(zonedToInstant({ date: '2026-12-01', time: '09:00', zone: 'Asia/Tokyo' })).toISOString();
 * // '2026-12-01T00:00:00.000Z'
 */
export function zonedToInstant({ date, time, zone }: ZonedToInstantOptions): number {
  assertLocalDate(date);
  const minutes = timeToMinutes(time);
  const local = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * 60_000;
  // Offsets a day either side bracket at most one transition (true of every real zone).
  const before = zoneOffsetMinutes(local - 86_400_000, zone) * 60_000;
  const after = zoneOffsetMinutes(local + 86_400_000, zone) * 60_000;
  // No transition nearby (every day in Tokyo): the one offset is the answer.
  if (before === after) return local - before;
  const candidates = [local - before, local - after].filter((c) => zoneOffsetMinutes(c, zone) * 60_000 === local - c);
  if (candidates.length === 0) return local - before; // in a gap: shift forward
  return Math.min(...candidates);
}
