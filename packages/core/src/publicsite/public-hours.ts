/**
 * The opening hours a public page shows, derived from the same scheduling calendar that booking
 * uses (`scheduling/clinic-calendar.ts`), so the two can never disagree: the weekly table (morning
 * and afternoon sessions per weekday, closed weekdays), whether national holidays close the clinic,
 * the annual closures (年末年始), and the dated closures coming up (holidays, closures, one-day
 * overrides) in a window from "today".
 */
import { addDays, type LocalDate, type Weekday } from '../time/local-date.ts';
import { clinicDays, type ClinicCalendar, type ClinicDay, type Session } from '../scheduling/clinic-calendar.ts';

export const WEEKDAYS: ReadonlyArray<Weekday> = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** One weekday row of the table: its sessions split at noon into morning (午前) and afternoon (午後). */
export interface WeekdayHours {
  readonly weekday: Weekday;
  readonly open: boolean;
  readonly morning: ReadonlyArray<Session>;
  readonly afternoon: ReadonlyArray<Session>;
}

/** A run of closed dates that the weekly table alone would show as open. */
export interface UpcomingClosure {
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** `national_holiday` (with its names), `closure` (with its reason) or `override` (one-day change, with its note). */
  readonly kind: 'national_holiday' | 'closure' | 'override';
  /** Japanese names of the holidays, or the closure's / override's reason. */
  readonly label: string;
  /** English names of the holidays; for closures the same reason as `label`. */
  readonly labelEn: string;
}

/** A date the clinic opens although the weekly table says closed, or with changed hours. */
export interface SpecialOpening {
  readonly date: LocalDate;
  readonly sessions: ReadonlyArray<Session>;
  readonly note: string;
}

export interface PublicHours {
  readonly weekly: ReadonlyArray<WeekdayHours>;
  readonly closedOnNationalHolidays: boolean;
  /** Annual closures as `MM-DD` ranges with their reason (e.g. 12-29 → 01-03 年末年始). */
  readonly annualClosures: ReadonlyArray<{ readonly from: string; readonly to: string; readonly reason: string }>;
  /** Closed runs in the window that differ from the weekly table, in date order. */
  readonly upcomingClosures: ReadonlyArray<UpcomingClosure>;
  readonly specialOpenings: ReadonlyArray<SpecialOpening>;
  /** The window the upcoming closures were read in, both included. */
  readonly window: { readonly from: LocalDate; readonly to: LocalDate };
}

const NOON = '12:00';

function split(sessions: ReadonlyArray<Session>): { morning: Session[]; afternoon: Session[] } {
  return {
    morning: sessions.filter((s) => s.start < NOON),
    afternoon: sessions.filter((s) => s.start >= NOON),
  };
}

function sameSessions(a: ReadonlyArray<Session>, b: ReadonlyArray<Session>): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i]!.start && s.end === b[i]!.end);
}

function closureOf(day: ClinicDay): Omit<UpcomingClosure, 'from' | 'to'> | undefined {
  if (day.open) return undefined;
  if (day.closedReason === 'closure' && day.closure) return { kind: 'closure', label: day.closure.reason, labelEn: day.closure.reason };
  if (day.closedReason === 'national_holiday' && day.holiday) return { kind: 'national_holiday', label: day.holiday.name, labelEn: day.holiday.nameEn };
  if (day.closedReason === 'override') {
    const note = day.notes.join('、');
    return { kind: 'override', label: note, labelEn: note };
  }
  return undefined;
}

/**
 * The public hours of the clinic: the weekly table from the calendar's weekly hours, and what
 * differs in the `days` dates from `today` (holidays, closures, overrides), merged into runs.
 *
 * @example
 * const h = publicHours(seedClinicCalendar, { today: '2026-12-21', days: 21 });
 * h.weekly.find((w) => w.weekday === 'tue')!.open; // false
 * h.upcomingClosures.map((c) => [c.from, c.to, c.label]);
 * // [['2026-12-29', '2027-01-03', '年末年始']]  (12-29 is the first day the weekly table says open)
 */
export function publicHours(calendar: ClinicCalendar, o: { readonly today: LocalDate; readonly days: number }): PublicHours {
  const weekly = WEEKDAYS.map((weekday) => {
    const sessions = [...(calendar.weeklyHours[weekday] ?? [])].sort((a, b) => (a.start < b.start ? -1 : 1));
    return { weekday, open: sessions.length > 0, ...split(sessions) };
  });
  const to = addDays(o.today, Math.max(0, o.days - 1));
  const days = clinicDays(calendar, o.today, to);
  const upcoming: UpcomingClosure[] = [];
  const special: SpecialOpening[] = [];
  let last: { c: UpcomingClosure; date: LocalDate } | undefined;
  for (const day of days) {
    const regular = calendar.weeklyHours[day.weekday] ?? [];
    // A holiday that falls on a weekly closed day changes nothing for the patient: the table already says closed.
    const c = day.closedReason === 'national_holiday' && regular.length === 0 ? undefined : closureOf(day);
    if (c) {
      // A closed run continues over weekly closed days in between (年末年始 over a Sunday stays one run).
      if (last && last.c.kind === c.kind && last.c.label === c.label && allWeeklyClosedBetween(days, last.date, day.date)) {
        last.c = { ...last.c, to: day.date };
        upcoming[upcoming.length - 1] = last.c;
        last.date = day.date;
      } else {
        const run = { ...c, from: day.date, to: day.date };
        upcoming.push(run);
        last = { c: run, date: day.date };
      }
      continue;
    }
    if (day.open && !sameSessions(day.sessions, [...regular].sort((a, b) => (a.start < b.start ? -1 : 1)))) {
      special.push({ date: day.date, sessions: day.sessions, note: day.notes.join('、') });
    }
  }
  return {
    weekly,
    closedOnNationalHolidays: calendar.closedOnNationalHolidays,
    annualClosures: calendar.closures.filter((c) => c.kind === 'annual').map((c) => ({ from: c.from, to: c.to, reason: c.reason })),
    upcomingClosures: upcoming,
    specialOpenings: special,
    window: { from: o.today, to },
  };
}

function allWeeklyClosedBetween(days: ReadonlyArray<ClinicDay>, a: LocalDate, b: LocalDate): boolean {
  return days.filter((d) => d.date > a && d.date < b).every((d) => !d.open && (d.closedReason === 'weekly' || d.closedReason === 'national_holiday'));
}
