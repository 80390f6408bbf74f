export type DateStringInvalidReason = 'empty' | 'format' | 'not_a_date' | 'future' | 'implausible';

export type DateStringResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: DateStringInvalidReason };

export interface ValidateDateStringOptions {
  /** Today in the clinic's zone (`YYYY-MM-DD`); needed for `notFuture` and `birthDate`. */
  readonly today?: string;
  /** Reject dates after `today`. */
  readonly notFuture?: boolean;
  /**
   * A birth date: not in the future and at most `maxAgeYears` (default 120) before `today`.
   */
  readonly birthDate?: boolean;
  readonly maxAgeYears?: number;
  /** Earliest acceptable year (default 1900). */
  readonly minYear?: number;
}

/**
 * Whether year/month/day name a real day of the proleptic Gregorian calendar.
 *
 * @example
 * isRealDate(2024, 2, 29) // → true
 * isRealDate(2026, 2, 29) // → false
 */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * Reads what a patient typed as a date into `YYYY-MM-DD` when it is unambiguous: full-width digits,
 * `/`, `.` or `年月日` separators, one-digit months and days, or eight digits without separators.
 * Returns null when it cannot.
 *
 * @example
 * normalizeDateString('２０１２/５/１') // → '2012-05-01'
 * normalizeDateString('2012年5月1日') // → '2012-05-01'
 * normalizeDateString('１９９００６１５') // → '1990-06-15'
 */
export function normalizeDateString(input: string): string | null {
  const s = input.normalize('NFKC').trim();
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (digits) return `${digits[1]}-${digits[2]}-${digits[3]}`;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/**
 * Validates a date string: the `YYYY-MM-DD` form (after {@link normalizeDateString}), a real calendar
 * day (no 2026-02-30), optionally not in the future and, for birth dates, a plausible year.
 * String comparison is enough because both sides are zero-padded ISO dates in the same zone.
 *
 * @example
 * validateDateString('2026-02-30') // → { ok: false, reason: 'not_a_date' }
 * validateDateString('2030-01-01', { today: '2026-11-29', notFuture: true }) // → { ok: false, reason: 'future' }
 * validateDateString('1890-01-01', { today: '2026-11-29', birthDate: true }) // → { ok: false, reason: 'implausible' }
 */
export function validateDateString(input: string, options: ValidateDateStringOptions = {}): DateStringResult {
  if (input.trim() === '') return { ok: false, reason: 'empty' };
  const value = normalizeDateString(input);
  if (value === null) return { ok: false, reason: 'format' };
  const [y, m, d] = value.split('-').map(Number);
  if (!isRealDate(y, m, d)) return { ok: false, reason: 'not_a_date' };
  if (y < (options.minYear ?? 1900)) return { ok: false, reason: 'implausible' };
  const { today } = options;
  if (today !== undefined && (options.notFuture || options.birthDate) && value > today) {
    return { ok: false, reason: 'future' };
  }
  if (today !== undefined && options.birthDate) {
    const earliest = Number(today.slice(0, 4)) - (options.maxAgeYears ?? 120);
    if (y < earliest) return { ok: false, reason: 'implausible' };
  }
  return { ok: true, value };
}
