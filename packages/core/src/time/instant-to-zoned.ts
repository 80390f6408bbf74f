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
  const iso = new Date(ms + offsetMinutes * 60_000).toISOString();
  const minuteOfDay = Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), minuteOfDay, offsetMinutes };
}
