import { isLocalDate } from './local-date.ts';
import { instantToZoned } from './instant-to-zoned.ts';
import { isTimeZone } from './time-zone.ts';
import { zonedToInstant } from './zoned-to-instant.ts';

const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a wall-clock time without offset (`2026-04-08 09:30` or `2026-04-08T09:30:00`) as local time
 * in an IANA zone and returns the instant in UTC (`…Z`). Returns `undefined` for a malformed value
 * or a wall time that does not exist (skipped by a DST change); an ambiguous time (repeated by a
 * DST change) resolves to the earlier instant. Lab exports write collection times this way.
 *
 * @example
 * zonedTimeToInstant('2026-04-08 09:30', 'Asia/Tokyo'); // '2026-04-08T00:30:00.000Z'
 */
export function zonedTimeToInstant(local: string, zone: string): string | undefined {
  const m = LOCAL_RE.exec(local);
  if (!m || !isLocalDate(m[1]) || !isTimeZone(zone)) return undefined;
  const [h, mi, se] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || mi > 59 || se > 59) return undefined;
  const time = `${m[2]}:${m[3]}`;
  const ms = zonedToInstant({ date: m[1]!, time, zone });
  // zonedToInstant moves a time inside a DST gap forward; a lab time that never existed is refused.
  const back = instantToZoned(ms, zone);
  if (back.date !== m[1] || back.time !== time) return undefined;
  return new Date(ms + se * 1000).toISOString();
}
