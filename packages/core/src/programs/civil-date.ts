import { DomainError } from '../errors/domain-error.ts';
import type { Issues } from './field-issues.ts';
import { isPresent } from './field-issues.ts';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings (dates in the clinic's zone) and instants written as
 * ISO strings with an explicit offset. No function here reads the machine's clock or zone: plain
 * dates are computed in UTC, where days are always 24 hours long, and instants are turned into
 * local dates only through an IANA zone passed in.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The offset is mandatory: "2026-03-02T10:00" would be read in the machine's zone.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isIsoDate('2026-02-29'); // false
 */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * True for an ISO instant with an explicit offset (`Z` or `±hh:mm`).
 *
 * @example
 * isIsoInstant('2026-03-02T10:00:00+09:00'); // true
 * isIsoInstant('2026-03-02T10:00:00');       // false: which zone?
 */
export function isIsoInstant(s: unknown): s is string {
  return typeof s === 'string' && INSTANT_RE.test(s) && !Number.isNaN(Date.parse(s));
}

/** Milliseconds since the epoch of a validated instant. */
export function instantMs(instant: string): number {
  return Date.parse(instant);
}

function dateMs(date: string): number {
  const m = DATE_RE.exec(date)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function msToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Adds whole days to a calendar date.
 *
 * @example
 * addDays('2026-03-30', 3); // '2026-04-02'
 */
export function addDays(date: string, days: number): string {
  return msToDate(dateMs(date) + days * DAY_MS);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween('2026-03-01', '2026-03-15'); // 14
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/**
 * The calendar date of an instant in an IANA zone (the clinic's zone, normally Asia/Tokyo).
 *
 * @example
 * localDate('2026-03-01T16:30:00Z', 'Asia/Tokyo'); // '2026-03-02'
 */
export function localDate(instant: string, zone: string): string {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw new DomainError('validation', {
      key: 'programs.field.invalid_zone',
      params: { field: 'zone', zone },
      details: [{ path: 'zone', message: 'programs.field.invalid_zone' }],
    });
  }
  const parts = fmt.formatToParts(new Date(instantMs(instant)));
  const get = (t: string): string => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

function zoneOffsetMs(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

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
  if (!m || !isIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return undefined;
  const [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || se > 59) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, mi, se);
  // Try the offsets in force a day either side; keep candidates that map back to the same wall time.
  const candidates = [zoneOffsetMs(wall - DAY_MS, zone), zoneOffsetMs(wall, zone), zoneOffsetMs(wall + DAY_MS, zone)]
    .map((off) => wall - off)
    .filter((ms) => ms + zoneOffsetMs(ms, zone) === wall)
    .sort((a, b) => a - b);
  return candidates.length === 0 ? undefined : new Date(candidates[0]!).toISOString();
}

/**
 * Age in completed years on a date. Follows the Japanese rule (年齢計算ニ関スル法律): a person
 * born on 29 February turns a year older on 1 March in common years.
 *
 * @example
 * ageOn('2010-04-02', '2026-04-01'); // 15
 * ageOn('2010-04-02', '2026-04-02'); // 16
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function isoWeekday(date: string): number {
  const wd = new Date(dateMs(date)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Records an issue unless `v` is a valid `YYYY-MM-DD` date; returns the date when valid. */
export function checkDate(issues: Issues, path: string, v: unknown, opts: { readonly required?: boolean } = {}): string | undefined {
  if (!isPresent(v)) {
    if (opts.required ?? true) issues.add(path, 'programs.field.required');
    return undefined;
  }
  if (!isIsoDate(v)) {
    issues.add(path, 'programs.field.invalid_date');
    return undefined;
  }
  return v;
}

/** Records an issue unless `v` is an ISO instant with an offset; returns it when valid. */
export function checkInstant(issues: Issues, path: string, v: unknown, opts: { readonly required?: boolean } = {}): string | undefined {
  if (!isPresent(v)) {
    if (opts.required ?? true) issues.add(path, 'programs.field.required');
    return undefined;
  }
  if (!isIsoInstant(v)) {
    issues.add(path, 'programs.field.invalid_instant');
    return undefined;
  }
  return v;
}
