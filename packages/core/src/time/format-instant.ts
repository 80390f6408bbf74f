import { instantToZoned } from './instant-to-zoned.ts';
import type { TimeZone } from './time-zone.ts';

/**
 * The ISO 8601 form of an instant on the wall clock of `zone`, with its offset and whole seconds
 * (`2026-12-01T09:00:00+09:00`). Use `new Date(ms).toISOString()` for UTC.
 *
 * @example
 * formatInstant(Date.UTC(2026, 11, 1, 0, 0), 'Asia/Tokyo'); // '2026-12-01T09:00:00+09:00'
 */
export function formatInstant(ms: number, zone: TimeZone): string {
  const z = instantToZoned(ms, zone);
  const sec = Math.floor((((ms % 60_000) + 60_000) % 60_000) / 1000);
  return `${z.date}T${z.time}:${String(sec).padStart(2, '0')}${formatOffset(z.offsetMinutes)}`;
}

/**
 * An ISO 8601 offset from minutes east of UTC.
 *
 * @example
 * formatOffset(540);  // '+09:00'
 * formatOffset(-420); // '-07:00'
 */
export function formatOffset(offsetMinutes: number): string {
  const off = Math.abs(offsetMinutes);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${sign}${String(Math.floor(off / 60)).padStart(2, '0')}:${String(off % 60).padStart(2, '0')}`;
}
