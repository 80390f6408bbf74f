import { formatOffset } from './format-instant.ts';
import { instantToZoned } from './instant-to-zoned.ts';
import type { TimeZone } from './time-zone.ts';

/**
 * An instant on the wall clock of `zone`, with the zone named, for people reading a console or a
 * log: `2026-12-02 19:00 (Asia/Tokyo, UTC+09:00)`.
 *
 * @example
 * formatWallClock(Date.UTC(2026, 11, 2, 10, 0), 'Asia/Tokyo'); // '2026-12-02 19:00 (Asia/Tokyo, UTC+09:00)'
 */
export function formatWallClock(ms: number, zone: TimeZone): string {
  const z = instantToZoned(ms, zone);
  return `${z.date} ${z.time} (${zone}, UTC${formatOffset(z.offsetMinutes)})`;
}
