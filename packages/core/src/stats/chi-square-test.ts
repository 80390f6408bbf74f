import { pchisqUpper } from './distributions.ts';
import { statsError } from './stats-error.ts';

export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Expected counts under independence. */
  readonly expected: ReadonlyArray<ReadonlyArray<number>>;
}

/**
 * Pearson's chi-square test of independence for an r × c table of counts (R's `chisq.test`), with
 * Yates' continuity correction for 2 × 2 tables unless `correct: false`.
 * @example chiSquareTest({ table: [[10, 20], [30, 40]] }).df // 1
 */
export function chiSquareTest(input: { readonly table: ReadonlyArray<ReadonlyArray<number>>; readonly correct?: boolean }): ChiSquareResult {
  const x = input.table;
  const r = x.length;
  const c = x[0]?.length ?? 0;
  if (r < 2 || c < 2 || x.some((row) => row.length !== c)) throw statsError('the table must be at least 2 × 2 and rectangular');
  if (x.some((row) => row.some((v) => !(v >= 0) || !Number.isFinite(v)))) throw statsError('table entries must be non-negative counts');
  const rs = x.map((row) => row.reduce((a, b) => a + b, 0));
  const cs = Array.from({ length: c }, (_, j) => x.reduce((a, row) => a + row[j], 0));
  const n = rs.reduce((a, b) => a + b, 0);
  if (rs.some((v) => v === 0) || cs.some((v) => v === 0)) throw statsError('a row or column total is zero');
  const E = rs.map((ri) => cs.map((cj) => (ri * cj) / n));
  const yates = (input.correct ?? true) && r === 2 && c === 2;
  let stat = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const dev = Math.abs(x[i][j] - E[i][j]);
      const y = yates ? Math.min(0.5, dev) : 0;
      stat += (dev - y) ** 2 / E[i][j];
    }
  }
  const df = (r - 1) * (c - 1);
  return { statistic: stat, df, p: pchisqUpper(stat, df), expected: E };
}
