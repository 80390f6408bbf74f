import { clinicDate } from './clinic-date.ts';
import { addDays } from './local-date.ts';
import type { TimeZone } from './time-zone.ts';
import { zonedToInstant } from './zoned-to-instant.ts';

/**
 * The instant a clinic date ends: midnight at the clinic that starts the next date (epoch
 * milliseconds). Something "valid for the day of the visit" — the WEB問診 of a first visit — expires
 * then, whatever the hour of the visit and on a day a DST change makes shorter or longer.
 *
 * @example
 * endOfClinicDay(Date.parse('2026-12-02T01:30:00Z'), 'Asia/Tokyo'); // Date.parse('2026-12-02T15:00:00Z')
 */
export function endOfClinicDay(instant: number, zone: TimeZone): number {
  return zonedToInstant({ date: addDays(clinicDate(instant, zone), 1), time: '00:00', zone });
}
