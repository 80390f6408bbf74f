import type { Issues } from '../fields/field-issues.ts';
import { checkNumber, checkOneOf } from '../fields/field-issues.ts';

/**
 * How the yen fraction of the consumption tax is removed. Japanese law leaves the method to the
 * business; truncation (切り捨て) is the most common and is the default here.
 */
export type TaxRounding = 'floor' | 'round' | 'ceil';
export const TAX_ROUNDINGS: ReadonlyArray<TaxRounding> = ['floor', 'round', 'ceil'];

/** A program's price: integer yen before tax, plus how tax is computed on it. */
export type ProgramPrice = {
  readonly amountExclTaxYen: number;
  /** Standard consumption tax rate is 10 %; self-pay (自由診療) care is taxable. */
  readonly taxRatePercent: number;
  readonly rounding: TaxRounding;
};

export type PriceBreakdown = {
  readonly exclTaxYen: number;
  readonly taxYen: number;
  readonly inclTaxYen: number;
  readonly taxRatePercent: number;
  readonly rounding: TaxRounding;
};

/**
 * Tax and total for a tax-exclusive price, in integer yen. The tax is computed once on the whole
 * amount (not per session) with integer arithmetic, so no floating-point error creeps in.
 *
 * @example
 * priceBreakdown({ amountExclTaxYen: 123_457, taxRatePercent: 10, rounding: 'floor' });
 * // { exclTaxYen: 123457, taxYen: 12345, inclTaxYen: 135802, taxRatePercent: 10, rounding: 'floor' }
 */
export function priceBreakdown(price: ProgramPrice): PriceBreakdown {
  const numerator = price.amountExclTaxYen * price.taxRatePercent;
  const whole = Math.floor(numerator / 100);
  const rest = numerator - whole * 100;
  const taxYen = price.rounding === 'floor' ? whole : price.rounding === 'ceil' ? whole + (rest > 0 ? 1 : 0) : whole + (rest >= 50 ? 1 : 0);
  return Object.freeze({
    exclTaxYen: price.amountExclTaxYen,
    taxYen,
    inclTaxYen: price.amountExclTaxYen + taxYen,
    taxRatePercent: price.taxRatePercent,
    rounding: price.rounding,
  });
}

/** Validates a price (used by `defineProgram`). */
export function checkPrice(issues: Issues, path: string, v: Partial<ProgramPrice> | undefined): ProgramPrice | undefined {
  if (!v) {
    issues.add(path, 'programs.field.required');
    return undefined;
  }
  const amount = checkNumber(issues, `${path}.amountExclTaxYen`, v.amountExclTaxYen, {
    integer: true,
    min: 0,
    max: 100_000_000,
    unit: '円',
  });
  const rate = checkNumber(issues, `${path}.taxRatePercent`, v.taxRatePercent ?? 10, { integer: true, min: 0, max: 100 });
  const rounding = checkOneOf(issues, `${path}.rounding`, v.rounding ?? 'floor', TAX_ROUNDINGS);
  if (amount === undefined || rate === undefined || rounding === undefined) return undefined;
  return { amountExclTaxYen: amount, taxRatePercent: rate, rounding };
}
