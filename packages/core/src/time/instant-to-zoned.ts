import type { LocalDate } from './local-date.ts';
import type { LocalTime } from './local-time.ts';
import { zoneOffsetMinutes, type TimeZone } from './time-zone.ts';

/** An instant read on the clinic's wall clock. */
export interface ZonedDateTime {
  readonly date: LocalDate;
  /** `HH:MM` (seconds dropped). */
  readonly time: LocalTime;
  /** Minutes since local midnight (0–1439). */
  readonly minuteOfDay: number;
  /** Offset from UTC in minutes at that instant. */
  readonly offsetMinutes: number;
}

/**
 * The clinic-zone date and time of an instant (epoch milliseconds).
 *
 * @example
 * instantToZoned(Date.parse('2026-12-01T15:30:00Z'), 'Asia/Tokyo');
 * // { date: '2026-12-02', time: '00:30', minuteOfDay: 30, offsetMinutes: 540 }
 */
export function instantToZoned(ms: number, zone: TimeZone): ZonedDateTime {
  const offsetMinutes = zoneOffsetMinutes(ms, zone);
  const localMinutes = Math.floor((ms + offsetMinutes * 60_000) / 60_000);
  const days = Math.floor(localMinutes / 1440);
  const minuteOfDay = localMinutes - days * 1440;
  return { date: dateOfDay(days), time: TIMES[minuteOfDay], minuteOfDay, offsetMinutes };
}

// Availability formats thousands of slots: the 1440 times are built once, and dates come from a
// small cache of day numbers instead of a Date round trip each time.
const TIMES: ReadonlyArray<string> = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);
const dateCache = new Map<number, string>();

function dateOfDay(days: number): string {
  let d = dateCache.get(days);
  if (d === undefined) {
    if (dateCache.size > 20_000) dateCache.clear();
    d = new Date(days * 86_400_000).toISOString().slice(0, 10);
    dateCache.set(days, d);
  }
  return d;
}
