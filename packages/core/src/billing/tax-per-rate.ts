import type { TaxRounding } from '../programs/price.ts';
import { divideYen } from './round-yen.ts';
import { TAX_CATEGORIES, taxRatePercent, type TaxCategory } from './tax-category.ts';

/** One line of a document as far as tax goes: its tax-inclusive amount in yen and its class. */
export interface TaxedLine {
  readonly amountYen: number;
  readonly taxCategory: TaxCategory;
}

/** The total of one tax class on one document and the consumption tax in it. */
export interface RateTotal {
  readonly taxCategory: TaxCategory;
  readonly ratePercent: number;
  /** Tax-inclusive total of the lines of this class. */
  readonly totalYen: number;
  /** Consumption tax contained in `totalYen`, rounded once for the class (0 unless taxable). */
  readonly taxYen: number;
}

/**
 * Totals per tax rate of one document and the tax in each, as the qualified-invoice rules want
 * them: the tax is computed once per rate from the rate's tax-inclusive total (total × r / (100 + r))
 * and rounded once — never per line and summed (消費税法施行令 70条の10; sources in docs/billing.md).
 * Prices are tax-inclusive (総額表示). Classes without lines are left out; the order is fixed
 * (10 %, 非課税, 不課税).
 *
 * @example
 * taxPerRate({ lines: [{ amountYen: 1_001, taxCategory: 'taxable_10' }, { amountYen: 1_001, taxCategory: 'taxable_10' }], rounding: 'floor' })
 * // [{ taxCategory: 'taxable_10', ratePercent: 10, totalYen: 2002, taxYen: 182 }]  (per line: 91 + 91 = 182; 2002×10/110 = 182)
 */
export function taxPerRate(o: { readonly lines: ReadonlyArray<TaxedLine>; readonly rounding: TaxRounding }): RateTotal[] {
  const out: RateTotal[] = [];
  for (const category of TAX_CATEGORIES) {
    const lines = o.lines.filter((l) => l.taxCategory === category);
    if (lines.length === 0) continue;
    const totalYen = lines.reduce((s, l) => s + l.amountYen, 0);
    const ratePercent = taxRatePercent(category);
    const taxYen = ratePercent === 0 ? 0 : divideYen({ numerator: totalYen * ratePercent, denominator: 100 + ratePercent, rounding: o.rounding });
    out.push({ taxCategory: category, ratePercent, totalYen, taxYen });
  }
  return out;
}
