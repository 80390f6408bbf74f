/**
 * Wall-clock times `HH:MM` (24-hour) in the clinic's zone, and their minute-of-day form.
 */
import { DomainError } from '../errors/domain-error.ts';

/** A wall-clock time `HH:MM`, 00:00–24:00 (24:00 only as the end of a day). */
export type LocalTime = string;

const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

/**
 * Whether `value` is a time `HH:MM` between 00:00 and 24:00.
 *
 * @example
 * isLocalTime('09:30'); // true
 * isLocalTime('9:30');  // false
 */
export function isLocalTime(value: unknown): value is LocalTime {
  if (typeof value !== 'string') return false;
  const m = TIME_RE.exec(value);
  return m !== null && (m[1] !== '24' || m[2] === '00');
}

/**
 * Minutes since midnight of an `HH:MM` time; throws a `validation` DomainError (key `time_invalid`)
 * on anything else.
 *
 * @example
 * timeToMinutes('15:00'); // 900
 */
export function timeToMinutes(time: LocalTime, field = 'time'): number {
  if (!isLocalTime(time)) {
    throw new DomainError('validation', { key: 'time_invalid', params: { field }, issues: [{ path: field, key: 'time_invalid' }] });
  }
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The `HH:MM` form of a minute of the day (0–1440).
 *
 * @example
 * minutesToTime(570); // '09:30'
 */
export function minutesToTime(minutes: number): LocalTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
