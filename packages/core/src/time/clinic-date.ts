import type { LocalDate } from './local-date.ts';
import { instantToZoned } from './instant-to-zoned.ts';
import { parseInstant } from './parse-instant.ts';
import { assertTimeZone, type TimeZone } from './time-zone.ts';

/**
 * The clinic date of an instant: the `YYYY-MM-DD` the clinic's wall calendar shows at that moment
 * in its IANA zone. The one way to ask "which day is it at the clinic" — for "today", pass the
 * clock's reading. Takes epoch milliseconds or an ISO instant with its offset; an instant without an
 * offset throws `instant_invalid`, an unknown zone `time_zone_invalid`.
 *
 * @example
 * clinicDate('2026-03-01T16:30:00Z', 'Asia/Tokyo');            // '2026-03-02'
 * clinicDate(Date.parse('2026-03-01T14:59:59Z'), 'Asia/Tokyo'); // '2026-03-01'
 */
export function clinicDate(instant: number | string, zone: TimeZone): LocalDate {
  assertTimeZone(zone);
  return instantToZoned(typeof instant === 'number' ? instant : parseInstant(instant), zone).date;
}
