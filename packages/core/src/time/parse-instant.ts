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
  const m = typeof value === 'string' ? INSTANT_RE.exec(value) : null;
  const fail = (): never => {
    throw new DomainError('validation', { key: 'instant_invalid', params: { field }, details: [{ path: field, message: 'instant_invalid' }] });
  };
  if (!m) return fail();
  const [, y, mo, d, h, mi, s = '0', frac = '0', off] = m as unknown as string[];
  if (Number(mo) < 1 || Number(mo) > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return fail();
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.floor(Number(`0.${frac}`) * 1000));
  if (new Date(base).getUTCDate() !== Number(d)) return fail();
  if (off === 'Z') return base;
  const sign = off[0] === '-' ? -1 : 1;
  const offH = Number(off.slice(1, 3));
  const offM = Number(off.slice(4, 6));
  if (offH > 18 || offM > 59) return fail();
  return base - sign * (offH * 60 + offM) * 60_000;
}
