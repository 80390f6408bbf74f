import { pchisqUpper, qnorm } from './distributions.ts';
import { statsError } from './stats-error.ts';

export interface DifferenceOfProportions {
  /** p1 − p2. */
  readonly estimate: number;
  readonly p1: number;
  readonly p2: number;
  /** Wald interval, as R's `prop.test(c(k1, k2), c(n1, n2), correct = FALSE)`. */
  readonly ci95: readonly [number, number];
  /** Pearson chi-square statistic (1 df) and its p-value. */
  readonly chiSquare: number;
  readonly p: number;
}

/**
 * Difference of two independent proportions with R's `prop.test` interval and test
 * (`correct: true` applies Yates' correction to both, as R's default does).
 * @example differenceOfProportions({ successes1: 15, n1: 30, successes2: 5, n2: 30 }).estimate // 0.333…
 */
export function differenceOfProportions(input: {
  readonly successes1: number;
  readonly n1: number;
  readonly successes2: number;
  readonly n2: number;
  readonly correct?: boolean;
}): DifferenceOfProportions {
  const { successes1: x1, n1, successes2: x2, n2 } = input;
  for (const [k, n] of [[x1, n1], [x2, n2]]) {
    if (!Number.isInteger(k) || !Number.isInteger(n) || n <= 0 || k < 0 || k > n) throw statsError('counts must satisfy 0 ≤ successes ≤ n, n > 0');
  }
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const delta = p1 - p2;
  const sumInvN = 1 / n1 + 1 / n2;
  const yates = input.correct ? Math.min(0.5, Math.abs(delta) / sumInvN) : 0;
  const z = qnorm(0.975);
  const width = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2) + yates * sumInvN;
  const tab = [[x1, n1 - x1], [x2, n2 - x2]];
  const rs = [n1, n2];
  const cs = [x1 + x2, n1 + n2 - x1 - x2];
  const n = n1 + n2;
  let stat = 0;
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      const e = (rs[i] * cs[j]) / n;
      stat += (Math.abs(tab[i][j] - e) - yates) ** 2 / e;
    }
  }
  return { estimate: delta, p1, p2, ci95: [Math.max(delta - width, -1), Math.min(delta + width, 1)], chiSquare: stat, p: pchisqUpper(stat, 1) };
}
