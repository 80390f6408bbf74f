/**
 * The search form of a lot number: NFKC (full-width "ＬＯＴ１２" → "LOT12"), no surrounding or
 * inner spaces, upper case. Storage indexes this so "which patients received lot X" is one lookup
 * however the nurse typed it.
 *
 * @example
 * normaliseLot(' exo-２０２６-041 '); // 'EXO-2026-041'
 */
export function normaliseLot(lot: string): string {
  return lot.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * Records that used a lot, however it was typed.
 *
 * @example
 * recordsWithLot(infusions, 'exo-2026-041').map((r) => r.enrolmentId);
 */
export function recordsWithLot<T extends { readonly lotKey: string }>(records: ReadonlyArray<T>, lot: string): ReadonlyArray<T> {
  const key = normaliseLot(lot);
  return records.filter((r) => r.lotKey === key);
}
