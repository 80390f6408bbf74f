import { instantToZoned } from '../time/instant-to-zoned.ts';
import { timeToMinutes } from '../time/local-time.ts';
import { clinicDay, type ClinicCalendar } from './clinic-calendar.ts';

/** What {@link appointmentsClosedBy} needs of an appointment. */
export interface TimedAppointment {
  readonly startMs: number;
  readonly endMs: number;
}

/** Whether [startMs, endMs) lies inside one open session of the calendar. */
export function withinOpenHours(calendar: ClinicCalendar, a: TimedAppointment): boolean {
  const s = instantToZoned(a.startMs, calendar.zone);
  const from = timeToMinutes(s.time);
  const to = from + (a.endMs - a.startMs) / 60_000;
  return clinicDay(calendar, s.date).sessions.some((x) => timeToMinutes(x.start, 'start') <= from && to <= timeToMinutes(x.end, 'end'));
}

/**
 * The appointments a calendar change closes: inside opening hours under `before`, outside them under
 * `after` (a 臨時休診, a closure period, shorter weekly hours). An appointment that was already
 * outside the hours (booked by staff on purpose) is not the change's doing and is not listed.
 *
 * @example
 * // The day of a booked 10:00 closed by an override: that appointment is listed.
 * appointmentsClosedBy({ before, after: { ...before, overrides: [{ kind: 'close', date: '2026-12-09' }] }, appointments });
 */
export function appointmentsClosedBy<T extends TimedAppointment>(o: {
  readonly before: ClinicCalendar;
  readonly after: ClinicCalendar;
  readonly appointments: ReadonlyArray<T>;
}): T[] {
  return o.appointments.filter((a) => withinOpenHours(o.before, a) && !withinOpenHours(o.after, a));
}
