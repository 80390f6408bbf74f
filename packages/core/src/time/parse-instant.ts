import { DomainError } from '../errors/domain-error.ts';

// An offset (Z or ±HH:MM) is required: a bare "2026-12-01T09:00" would be read in the machine's zone.
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds of an ISO 8601 instant that states its offset (`Z` or `±HH:MM`). Anything
 * else — including a date-time without an offset, which would silently take the machine's zone —
 * throws a `validation` DomainError with key `instant_invalid`.
 *
 * @example
 * parseInstant('2026-12-01T09:00:00+09:00'); // 1796083200000
 * parseInstant('2026-12-01T09:00');          // throws
 */
export function parseInstant(value: unknown, field = 'instant'): number {
  const ms = typeof value === 'string' ? parseOrNaN(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new DomainError('validation', { key: 'instant_invalid', params: { field }, issues: [{ path: field, key: 'instant_invalid' }] });
  }
  return ms;
}

function parseOrNaN(value: string): number {
  const m = INSTANT_RE.exec(value);
  if (!m) return NaN;
  const y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5];
  const s = m[6] === undefined ? 0 : +m[6];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return NaN;
  const frac = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
  const base = Date.UTC(y, mo - 1, d, h, mi, s, frac);
  // Date.UTC rolls 2026-02-30 over to March; a real date keeps its day.
  if (new Date(base).getUTCDate() !== d) return NaN;
  const off = m[8];
  if (off === 'Z') return base;
  const offH = +off.slice(1, 3);
  const offM = +off.slice(4, 6);
  if (offH > 18 || offM > 59) return NaN;
  return base - (off[0] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
}

/**
 * True for an ISO instant with an explicit offset (`Z` or `±hh:mm`): what `parseInstant` accepts.
 *
 * @example
 * isIsoInstant('2026-03-02T10:00:00+09:00'); // true
 * isIsoInstant('2026-03-02T10:00:00');       // false: which zone?
 */
export function isIsoInstant(s: unknown): s is string {
  return typeof s === 'string' && !Number.isNaN(parseOrNaN(s));
}
