import type { TaxRounding } from '../programs/price.ts';

/**
 * `numerator / denominator` rounded to whole yen by the clinic's method, in integer arithmetic
 * (no floating point). Both must be non-negative integers and the denominator positive; a negative
 * numerator (a refund) is rounded by its magnitude so that a refund mirrors the charge.
 *
 * @example divideYen({ numerator: 33_000 * 10, denominator: 110, rounding: 'floor' }) // 3000
 * @example divideYen({ numerator: 1_001 * 10, denominator: 110, rounding: 'floor' }) // 91
 */
export function divideYen(o: { readonly numerator: number; readonly denominator: number; readonly rounding: TaxRounding }): number {
  if (!Number.isSafeInteger(o.numerator) || !Number.isSafeInteger(o.denominator) || o.denominator <= 0) {
    throw new RangeError('divideYen: integers only, denominator > 0');
  }
  const sign = o.numerator < 0 ? -1 : 1;
  const n = Math.abs(o.numerator);
  const whole = Math.floor(n / o.denominator);
  const rest = n - whole * o.denominator;
  const up = o.rounding === 'ceil' ? rest > 0 : o.rounding === 'round' ? rest * 2 >= o.denominator : false;
  return sign * (whole + (up ? 1 : 0)) || 0;
}
