/**
 * The printed number of a statement: its year and its place in that year's sequence, which has no
 * gaps per clinic (docs/billing.md).
 *
 * @example formatStatementNumber({ year: 2026, seq: 42 }) // '2026-000042'
 */
export function formatStatementNumber(o: { readonly year: number; readonly seq: number }): string {
  return `${o.year}-${String(o.seq).padStart(6, '0')}`;
}

/** The name of a clinic's statement counter for a year. @example statementCounterName(2026) // 'statement:2026' */
export function statementCounterName(year: number): string {
  return `statement:${year}`;
}
