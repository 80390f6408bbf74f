/**
 * The clinic's calendar: weekly opening hours as sessions, national holidays, closures and one-day
 * overrides — and {@link clinicDay}, which resolves them into the sessions of one date.
 *
 * Precedence, strongest first: a day override → a clinic closure → a national holiday → the weekly
 * hours. So staff can open one Saturday inside the summer closure, or a holiday, on purpose.
 */
import { addDays, assertLocalDate, datesBetween, weekdayOf, type LocalDate, type Weekday } from '../time/local-date.ts';
import { minutesToTime, timeToMinutes, type LocalTime } from '../time/local-time.ts';
import type { TimeZone } from '../time/time-zone.ts';
import { normalizeIntervals, subtractIntervals, type Interval } from './interval-set.ts';
import { japaneseHoliday, type NationalHoliday } from './japanese-holidays.ts';

/** A block of opening hours on one day, `start` < `end`, in the clinic's zone (e.g. 09:00–13:00). */
export interface Session {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** Sessions per weekday; a missing or empty weekday is closed. */
export type WeeklyHours = Readonly<Partial<Record<Weekday, ReadonlyArray<Session>>>>;

/** A whole-day closure of the clinic. */
export type ClinicClosure =
  /** Dates `from`–`to`, both included (e.g. a one-off closure or this year's summer break). */
  | { readonly kind: 'dates'; readonly from: LocalDate; readonly to: LocalDate; readonly reason: string }
  /** Every year from `MM-DD` to `MM-DD`, both included; may wrap the new year (年末年始 12-29 → 01-03). */
  | { readonly kind: 'annual'; readonly from: string; readonly to: string; readonly reason: string };

/** A change to one date only. */
export type DayOverride =
  /** The date has exactly these sessions (opens a normally closed day, or changes its hours). */
  | { readonly kind: 'open'; readonly date: LocalDate; readonly sessions: ReadonlyArray<Session>; readonly reason?: string }
  /** Closes `start`–`end` of the date (one session, part of one), or the whole date without times. */
  | { readonly kind: 'close'; readonly date: LocalDate; readonly start?: LocalTime; readonly end?: LocalTime; readonly reason?: string };

/** Everything that decides when the clinic is open. Plain data, loaded by storage. */
export interface ClinicCalendar {
  /** IANA zone of the clinic; all dates and times of the calendar are read in it. */
  readonly zone: TimeZone;
  readonly weeklyHours: WeeklyHours;
  /** Closed on Japanese national holidays (including 振替休日 and 国民の休日). */
  readonly closedOnNationalHolidays: boolean;
  readonly closures: ReadonlyArray<ClinicClosure>;
  readonly overrides: ReadonlyArray<DayOverride>;
}

/** Why a day (or part of it) is closed. */
export type ClosedReason = 'weekly' | 'national_holiday' | 'closure' | 'override';

/** The clinic's hours on one date, after holidays, closures and overrides. */
export interface ClinicDay {
  readonly date: LocalDate;
  readonly weekday: Weekday;
  readonly open: boolean;
  /** Sessions in time order; empty when closed. */
  readonly sessions: ReadonlyArray<Session>;
  /** Set when the whole day is closed. */
  readonly closedReason?: ClosedReason;
  /** The national holiday on this date, also when an override opens it. */
  readonly holiday?: NationalHoliday;
  /** The closure covering this date, if any. */
  readonly closure?: ClinicClosure;
  /** Reasons of the overrides applied to this date. */
  readonly notes: ReadonlyArray<string>;
}

function closureCovers(c: ClinicClosure, date: LocalDate): boolean {
  if (c.kind === 'dates') return date >= c.from && date <= c.to;
  const md = date.slice(5);
  return c.from <= c.to ? md >= c.from && md <= c.to : md >= c.from || md <= c.to;
}

function toMinuteIntervals(sessions: ReadonlyArray<Session>): ReadonlyArray<Interval> {
  return normalizeIntervals(sessions.map((s) => [timeToMinutes(s.start, 'start'), timeToMinutes(s.end, 'end')] as const));
}

function toSessions(list: ReadonlyArray<Interval>): ReadonlyArray<Session> {
  return list.map(([a, b]) => ({ start: minutesToTime(a), end: minutesToTime(b) }));
}

/**
 * The clinic's sessions on one date.
 *
 * @example
 * clinicDay(seedClinicCalendar, '2026-12-02').sessions; // [{ start: '09:00', end: '13:00' }, { start: '15:00', end: '18:00' }]
 * clinicDay(seedClinicCalendar, '2026-11-03').closedReason; // 'national_holiday' (文化の日)
 */
export function clinicDay(calendar: ClinicCalendar, date: LocalDate): ClinicDay {
  assertLocalDate(date);
  const weekday = weekdayOf(date);
  const holiday = japaneseHoliday(date);
  const closure = calendar.closures.find((c) => closureCovers(c, date));
  const overrides = calendar.overrides.filter((o) => o.date === date);
  const notes = overrides.map((o) => o.reason).filter((r): r is string => typeof r === 'string' && r.length > 0);
  const opening = overrides.filter((o) => o.kind === 'open').at(-1);

  let minutes: ReadonlyArray<Interval>;
  let baseReason: ClosedReason | undefined;
  if (opening) {
    minutes = toMinuteIntervals(opening.sessions);
  } else if (closure) {
    minutes = [];
    baseReason = 'closure';
  } else if (holiday && calendar.closedOnNationalHolidays) {
    minutes = [];
    baseReason = 'national_holiday';
  } else {
    minutes = toMinuteIntervals(calendar.weeklyHours[weekday] ?? []);
    if (minutes.length === 0) baseReason = 'weekly';
  }
  const closing = overrides.filter((o) => o.kind === 'close');
  if (closing.length > 0 && minutes.length > 0) {
    const cut = normalizeIntervals(
      closing.map((o) => [o.start ? timeToMinutes(o.start, 'start') : 0, o.end ? timeToMinutes(o.end, 'end') : 1440] as const),
    );
    minutes = subtractIntervals(minutes, cut);
    if (minutes.length === 0) baseReason = 'override';
  }
  const sessions = toSessions(minutes);
  return {
    date,
    weekday,
    open: sessions.length > 0,
    sessions,
    ...(baseReason ? { closedReason: baseReason } : {}),
    ...(holiday ? { holiday } : {}),
    ...(closure ? { closure } : {}),
    notes,
  };
}

/**
 * {@link clinicDay} for every date from `from` to `to`, both included — what a week or month view shows.
 *
 * @example
 * clinicDays(seedClinicCalendar, '2026-12-28', '2027-01-04').filter((d) => d.open).map((d) => d.date);
 * // ['2026-12-28', '2027-01-04']
 */
export function clinicDays(calendar: ClinicCalendar, from: LocalDate, to: LocalDate): ReadonlyArray<ClinicDay> {
  return datesBetween(from, to).map((d) => clinicDay(calendar, d));
}

/**
 * The first open date on or after `date` (within `maxDays`), or `undefined`.
 *
 * @example
 * nextOpenDay(seedClinicCalendar, '2026-12-29'); // '2027-01-04'
 */
export function nextOpenDay(calendar: ClinicCalendar, date: LocalDate, maxDays = 366): LocalDate | undefined {
  for (let i = 0; i <= maxDays; i++) {
    const d = addDays(date, i);
    if (clinicDay(calendar, d).open) return d;
  }
  return undefined;
}
