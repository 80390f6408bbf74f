import { pnorm } from './distributions.ts';
import { midRanks } from './ranks.ts';
import { pwilcox } from './rank-sum-distribution.ts';
import { statsError } from './stats-error.ts';

export interface MannWhitneyResult {
  /** R's W: rank sum of x minus nx(nx+1)/2 (the number of pairs with x > y, ties counting ½). */
  readonly W: number;
  readonly p: number;
  readonly method: 'exact' | 'normal-continuity-corrected' | 'normal';
  readonly z: number | null;
}

/**
 * Wilcoxon rank-sum (Mann–Whitney) test of x against y, as R's `wilcox.test(x, y)`: exact when both
 * groups have fewer than 50 values and there are no ties, otherwise the normal approximation with tie
 * correction and continuity correction.
 * @example mannWhitney({ x: [1, 2, 3], y: [4, 5, 6] }).W // 0
 */
export function mannWhitney(input: {
  readonly x: ReadonlyArray<number>;
  readonly y: ReadonlyArray<number>;
  readonly exact?: boolean;
  readonly correct?: boolean;
}): MannWhitneyResult {
  const { x, y } = input;
  const nx = x.length;
  const ny = y.length;
  if (nx === 0 || ny === 0) throw statsError('each group needs at least 1 value');
  const { ranks, ties } = midRanks([...x, ...y]);
  let rx = 0;
  for (let i = 0; i < nx; i++) rx += ranks[i];
  const W = rx - (nx * (nx + 1)) / 2;
  const hasTies = ties.some((t) => t > 1);
  const exact = (input.exact ?? (nx < 50 && ny < 50)) && !hasTies;
  if (exact) {
    const p = W > (nx * ny) / 2 ? pwilcox({ q: W - 1, m: nx, n: ny, lowerTail: false }) : pwilcox({ q: W, m: nx, n: ny });
    return { W, p: Math.min(2 * p, 1), method: 'exact', z: null };
  }
  const correct = input.correct ?? true;
  let z = W - (nx * ny) / 2;
  const tieSum = ties.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt((nx * ny / 12) * (nx + ny + 1 - tieSum / ((nx + ny) * (nx + ny - 1))));
  if (!(sigma > 0)) throw statsError('the rank-sum statistic has zero variance');
  z = (z - (correct ? Math.sign(z) * 0.5 : 0)) / sigma;
  return { W, p: 2 * Math.min(pnorm(z), pnorm(-z)), method: correct ? 'normal-continuity-corrected' : 'normal', z };
}
