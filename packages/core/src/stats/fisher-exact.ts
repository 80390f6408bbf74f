import { statsError } from './stats-error.ts';

export interface FisherExactResult {
  /** Two-sided p-value: sum of the table probabilities no larger than the observed one. */
  readonly p: number;
  /** Sample odds ratio (a·d)/(b·c). */
  readonly sampleOddsRatio: number;
}

/**
 * Fisher's exact test for a 2 × 2 table [[a, b], [c, d]], two-sided as R's `fisher.test` (tables whose
 * probability is at most the observed one times 1 + 1e-7 count as "as extreme").
 * @example fisherExact([[3, 1], [1, 3]]).p // 0.4857…
 */
export function fisherExact(table: readonly [readonly [number, number], readonly [number, number]]): FisherExactResult {
  const [[a, b], [c, d]] = table;
  if ([a, b, c, d].some((v) => !Number.isInteger(v) || v < 0)) throw statsError('table entries must be non-negative whole numbers');
  const m = a + c; // first column total
  const n = b + d; // second column total
  const k = a + b; // first row total
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  // Relative hypergeometric weights by the exact ratio recurrence, rescaled to sum to 1.
  // Kept on the log scale so large tables do not overflow.
  const lw: number[] = [0];
  for (let x = lo; x < hi; x++) {
    lw.push(lw[lw.length - 1] + Math.log(((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1))));
  }
  const maxLw = Math.max(...lw);
  const w = lw.map((v) => Math.exp(v - maxLw));
  const total = w.reduce((s, v) => s + v, 0);
  const prob = w.map((v) => v / total);
  const obs = prob[a - lo];
  let p = 0;
  for (const q of prob) if (q <= obs * (1 + 1e-7)) p += q;
  return { p: Math.min(1, p), sampleOddsRatio: (a * d) / (b * c) };
}
