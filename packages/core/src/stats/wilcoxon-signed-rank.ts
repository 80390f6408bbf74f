import { pnorm } from './distributions.ts';
import { midRanks } from './ranks.ts';
import { psignrank } from './signed-rank-distribution.ts';
import { statsError } from './stats-error.ts';

export type SignedRankMethod = 'exact' | 'normal-continuity-corrected' | 'normal';

export interface SignedRankResult {
  /** Sum of the (mid-)ranks of |d| over the positive differences d. */
  readonly V: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly method: SignedRankMethod;
  /** Number of non-zero differences used. */
  readonly n: number;
  readonly nZero: number;
  /** Standardised statistic of the normal approximation (null for the exact test). */
  readonly z: number | null;
}

/**
 * Wilcoxon signed-rank test of the differences d (e.g. after − before), making R's choices
 * (`wilcox.test(d)` with default `exact = NULL, correct = TRUE`): zero differences are dropped;
 * the exact null distribution is used when fewer than 50 differences remain and there are no ties
 * and no zeros; otherwise the normal approximation with tie-corrected variance and a continuity
 * correction (`correct: false` removes it). `exact: false` forces the approximation.
 * @example wilcoxonSignedRank([1.5, 2, -0.5, 3]).V // 9
 */
export function wilcoxonSignedRank(
  differences: ReadonlyArray<number>,
  options: { readonly exact?: boolean; readonly correct?: boolean } = {},
): SignedRankResult {
  const nonZero = differences.filter((d) => d !== 0);
  const nZero = differences.length - nonZero.length;
  const n = nonZero.length;
  if (n === 0) throw statsError('all differences are zero; the signed-rank test is undefined');
  const { ranks, ties } = midRanks(nonZero.map(Math.abs));
  let V = 0;
  for (let i = 0; i < n; i++) if (nonZero[i] > 0) V += ranks[i];
  const hasTies = ties.some((t) => t > 1);
  const exact = (options.exact ?? n < 50) && !hasTies && nZero === 0;
  if (exact) {
    const p = V > (n * (n + 1)) / 4 ? psignrank({ q: V - 1, n, lowerTail: false }) : psignrank({ q: V, n });
    return { V, p: Math.min(2 * p, 1), method: 'exact', n, nZero, z: null };
  }
  const correct = options.correct ?? true;
  let z = V - (n * (n + 1)) / 4;
  const tieSum = ties.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  if (!(sigma > 0)) throw statsError('the signed-rank statistic has zero variance');
  const correction = correct ? Math.sign(z) * 0.5 : 0;
  z = (z - correction) / sigma;
  const p = 2 * Math.min(pnorm(z), pnorm(-z));
  return { V, p, method: correct ? 'normal-continuity-corrected' : 'normal', n, nZero, z };
}
