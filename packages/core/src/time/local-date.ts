/**
 * Calendar dates in the clinic's zone, written `YYYY-MM-DD`. They carry no zone and no time, so
 * arithmetic on them is done in UTC milliseconds, where every day has exactly 24 hours — never with
 * the machine's local time.
 */
import { DomainError } from '../errors/domain-error.ts';

/** A calendar date `YYYY-MM-DD` (in the clinic's zone unless said otherwise). */
export type LocalDate = string;

/** Days of the week, Monday first (the Japanese clinic week). */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** The seven weekdays in order, Monday first. */
export const WEEKDAYS: ReadonlyArray<Weekday> = Object.freeze(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(date: LocalDate): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms;
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isLocalDate('2026-02-28'); // true
 * isLocalDate('2026-02-30'); // false
 */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && toUtcMs(value) !== undefined;
}

/**
 * Throws a `validation` DomainError (key `date_invalid`) unless `value` is a real `YYYY-MM-DD` date.
 *
 * @example
 * assertLocalDate('2026-13-01', 'date'); // throws DomainError('validation', { key: 'date_invalid' })
 */
export function assertLocalDate(value: unknown, field = 'date'): asserts value is LocalDate {
  if (!isLocalDate(value)) {
    throw new DomainError('validation', { key: 'date_invalid', params: { field }, issues: [{ path: field, key: 'date_invalid' }] });
  }
}

/**
 * The date `days` days after `date` (negative to go back).
 *
 * @example
 * addDays('2026-12-31', 1); // '2027-01-01'
 */
export function addDays(date: LocalDate, days: number): LocalDate {
  assertLocalDate(date);
  return fromUtcMs((toUtcMs(date) as number) + days * DAY_MS);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween('2026-12-29', '2027-01-03'); // 5
 */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  assertLocalDate(from, 'from');
  assertLocalDate(to, 'to');
  return Math.round(((toUtcMs(to) as number) - (toUtcMs(from) as number)) / DAY_MS);
}

/**
 * The weekday of a date.
 *
 * @example
 * weekdayOf('2026-12-01'); // 'tue'
 */
export function weekdayOf(date: LocalDate): Weekday {
  assertLocalDate(date);
  // 1970-01-01 was a Thursday; getUTCDay is 0 for Sunday.
  const js = new Date(toUtcMs(date) as number).getUTCDay();
  return WEEKDAYS[(js + 6) % 7];
}

/**
 * The Monday that starts the (Monday-first) week containing `date`.
 *
 * @example
 * startOfWeek('2026-12-03'); // '2026-11-30'
 */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/**
 * Every date from `from` to `to`, both included (empty when `to` is before `from`).
 *
 * @example
 * datesBetween('2026-12-30', '2027-01-01'); // ['2026-12-30', '2026-12-31', '2027-01-01']
 */
export function datesBetween(from: LocalDate, to: LocalDate): ReadonlyArray<LocalDate> {
  const n = daysBetween(from, to);
  const start = toUtcMs(from) as number;
  const out: LocalDate[] = [];
  for (let i = 0; i <= n; i++) out.push(fromUtcMs(start + i * DAY_MS));
  return out;
}
