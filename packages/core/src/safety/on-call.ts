import { clinicDay, nextOpenDay, type ClinicCalendar } from '../scheduling/clinic-calendar.ts';
import { clinicDate } from '../time/clinic-date.ts';
import { zonedToInstant } from '../time/zoned-to-instant.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';

/**
 * One line of the on-call rota: a staff member answers urgent alerts from `startsAt` (included) to
 * `endsAt` (excluded). Shifts are instants, so nights, weekends and closed days are rota lines like
 * any other. `position` 1 is called first, 2 next, ….
 */
export interface OnCallShift {
  readonly staffId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly position: number;
}

/**
 * Who is on call at an instant, in the order they are called (position, then start), each once.
 *
 * @example
 * onCallAt([{ staffId: 'b', startsAt: '2026-12-05T09:00:00Z', endsAt: '2026-12-06T00:00:00Z', position: 2 }, { staffId: 'a', …, position: 1 }], '2026-12-05T13:00:00Z'); // ['a', 'b']
 */
export function onCallAt(shifts: ReadonlyArray<OnCallShift>, at: string): ReadonlyArray<string> {
  const t = Date.parse(at);
  const now = shifts.filter((s) => Date.parse(s.startsAt) <= t && t < Date.parse(s.endsAt));
  now.sort((a, b) => a.position - b.position || Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return [...new Set(now.map((s) => s.staffId))];
}

/**
 * The order an urgent alert is sent in: whoever is on call (first, then the next), then the
 * clinic's administrators. Nobody on call: the administrators at once.
 *
 * @example
 * escalationChain({ onCall: ['dr-a', 'dr-b'], administrators: ['admin-1'] }); // ['dr-a', 'dr-b', 'admin-1']
 */
export function escalationChain(o: { readonly onCall: ReadonlyArray<string>; readonly administrators: ReadonlyArray<string> }): ReadonlyArray<string> {
  return [...new Set([...o.onCall, ...o.administrators])];
}

/** Minutes an urgent alert may stay unacknowledged before the next person is called (default). */
export const DEFAULT_ESCALATION_MINUTES = 15;

/**
 * The clinic's escalation time from its settings: a whole number of minutes from 1 to 240, else
 * the default of 15.
 */
export function escalationMinutesOf(settings: Readonly<Record<string, unknown>> | undefined): number {
  const v = settings?.escalationMinutes;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 240 ? v : DEFAULT_ESCALATION_MINUTES;
}

function sessionStarts(calendar: ClinicCalendar, date: LocalDate): ReadonlyArray<{ start: number; end: number }> {
  return clinicDay(calendar, date).sessions.map((s) => ({
    start: zonedToInstant({ date, time: s.start, zone: calendar.zone }),
    end: zonedToInstant({ date, time: s.end, zone: calendar.zone }),
  }));
}

/**
 * When the clinic next has someone reading: `at` itself when it falls inside opening hours, else
 * the start of the next session (later today, or the next open day). Null when the calendar has no
 * open day within a year.
 *
 * @example
 * nextClinicOpening(calendar, Date.parse('2026-12-05T13:00:00Z')); // Saturday night → Monday 09:00 JST
 */
export function nextClinicOpening(calendar: ClinicCalendar, at: number): number | null {
  const today = clinicDate(at, calendar.zone);
  for (const s of sessionStarts(calendar, today)) {
    if (at < s.end) return Math.max(at, s.start);
  }
  const next = nextOpenDay(calendar, addDays(today, 1));
  return next ? (sessionStarts(calendar, next)[0]?.start ?? null) : null;
}

/**
 * The first opening of the clinic day after the one `at` falls on (the morning re-send of an
 * unacknowledged `high` alert).
 *
 * @example
 * nextClinicDayStart(calendar, Date.parse('2026-12-01T01:00:00Z')); // Wednesday 09:00 JST
 */
export function nextClinicDayStart(calendar: ClinicCalendar, at: number): number | null {
  const today = clinicDate(at, calendar.zone);
  const next = nextOpenDay(calendar, addDays(today, 1));
  return next ? (sessionStarts(calendar, next)[0]?.start ?? null) : null;
}
