/**
 * The consumption-tax class of a billed item. Self-pay (自由診療) care, health checks and document
 * fees are taxable at the standard 10 %; care under the public insurance laws is non-taxable
 * (非課税, 消費税法 別表第二 第6号); deposits and other amounts that are not a supply are outside the
 * tax (不課税). Sources in docs/billing.md.
 */
export type TaxCategory = 'taxable_10' | 'non_taxable' | 'not_subject';
export const TAX_CATEGORIES: ReadonlyArray<TaxCategory> = ['taxable_10', 'non_taxable', 'not_subject'];

/**
 * The tax rate of a class, in percent.
 *
 * @example taxRatePercent('taxable_10') // 10
 */
export function taxRatePercent(category: TaxCategory): number {
  return category === 'taxable_10' ? 10 : 0;
}

/** @example isTaxCategory('taxable_10') // true */
export function isTaxCategory(s: unknown): s is TaxCategory {
  return typeof s === 'string' && (TAX_CATEGORIES as ReadonlyArray<string>).includes(s);
}
