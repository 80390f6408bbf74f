/**
 * What a clinic starts with before its administrator enters its own facts: no opening hours, no
 * staff or equipment to book, no phone or address. Closed on national holidays (the usual rule in
 * Japan, shown and changeable on the calendar settings). The demo clinic's facts are in
 * `seed-clinic.ts` and apply to the demo only.
 */
import { DEFAULT_CLINIC_ZONE } from '../time/time-zone.ts';
import type { ClinicCalendar } from './clinic-calendar.ts';

/**
 * The calendar of a clinic that has not set its hours yet: open on no day.
 *
 * @example
 * freshClinicCalendar('Asia/Tokyo').weeklyHours; // {}
 */
export function freshClinicCalendar(zone: string = DEFAULT_CLINIC_ZONE): ClinicCalendar {
  return Object.freeze({ zone, weeklyHours: Object.freeze({}), closedOnNationalHolidays: true, closures: Object.freeze([]), overrides: Object.freeze([]) });
}
