import { DomainError } from '../errors/domain-error.ts';
import { instantToZoned, isLocalDate, isTimeZone, parseInstant, zonedToInstant } from '../time/index.ts';
import type { Issues } from './field-issues.ts';
import { isPresent } from './field-issues.ts';

/**
 * The few date helpers programs need on top of `packages/core/src/time/`: field validators that
 * collect issues instead of throwing, and readers for the shapes programs receive (an instant that
 * must carry its offset, a lab export's wall-clock time). All arithmetic is the time module's.
 */

/**
 * True for an ISO instant with an explicit offset (`Z` or `±hh:mm`).
 *
 * @example
 * isIsoInstant('2026-03-02T10:00:00+09:00'); // true
 * isIsoInstant('2026-03-02T10:00:00');       // false: which zone?
 */
export function isIsoInstant(s: unknown): s is string {
  try {
    parseInstant(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * Milliseconds since the epoch of an instant with an offset (throws `instant_invalid` otherwise).
 *
 * @example
 * instantMs('1970-01-01T09:00:00+09:00'); // 0
 */
export function instantMs(instant: string): number {
  return parseInstant(instant);
}

/**
 * The calendar date of an instant in an IANA zone (the clinic's zone, normally Asia/Tokyo).
 *
 * @example
 * localDate('2026-03-01T16:30:00Z', 'Asia/Tokyo'); // '2026-03-02'
 */
export function localDate(instant: string, zone: string): string {
  if (!isTimeZone(zone)) {
    throw new DomainError('validation', {
      key: 'programs.field.invalid_zone',
      params: { field: 'zone', zone },
      details: [{ path: 'zone', message: 'programs.field.invalid_zone' }],
    });
  }
  return instantToZoned(parseInstant(instant), zone).date;
}

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

/** Records an issue unless `v` is a valid `YYYY-MM-DD` date; returns the date when valid. */
export function checkDate(issues: Issues, path: string, v: unknown, opts: { readonly required?: boolean } = {}): string | undefined {
  if (!isPresent(v)) {
    if (opts.required ?? true) issues.add(path, 'programs.field.required');
    return undefined;
  }
  if (!isLocalDate(v)) {
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
