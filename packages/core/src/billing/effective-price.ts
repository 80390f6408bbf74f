/** One version of a price-list item: valid from its date until the next version's. */
export interface PriceVersion {
  readonly code: string;
  /** `YYYY-MM-DD` in the clinic's zone. */
  readonly effectiveFrom: string;
}

/**
 * The version of an item in force on a clinic date: the latest whose `effectiveFrom` is on or
 * before it, or undefined before the first. A price change is a new version, so a charge made on an
 * earlier date keeps the earlier price.
 *
 * @example
 * effectivePrice([{ code: 'TMS', effectiveFrom: '2026-01-01' }, { code: 'TMS', effectiveFrom: '2026-12-10' }], '2026-12-09')
 * // { code: 'TMS', effectiveFrom: '2026-01-01' }
 */
export function effectivePrice<T extends PriceVersion>(versions: ReadonlyArray<T>, date: string): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom) best = v;
  }
  return best;
}
