import { mean, sd, variance } from './descriptives.ts';
import { qt, twoSidedTP } from './distributions.ts';
import { statsError } from './stats-error.ts';

/** Result of a t-test: the estimate is a mean (one-sample/paired) or a difference of means. */
export interface TTestResult {
  readonly estimate: number;
  readonly se: number;
  readonly t: number;
  readonly df: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly ci95: readonly [number, number];
}

function fromEstimate(estimate: number, se: number, df: number, level = 0.95): TTestResult {
  const t = estimate / se;
  const q = qt(1 - (1 - level) / 2, df);
  return { estimate, se, t, df, p: twoSidedTP(t, df), ci95: [estimate - q * se, estimate + q * se] };
}

/**
 * One-sample t-test of mean(x) = 0 (R's `t.test(x)`).
 * @example oneSampleTTest([1, 2, 3]).df // 2
 */
export function oneSampleTTest(x: ReadonlyArray<number>): TTestResult {
  if (x.length < 2) throw statsError('a t-test needs at least 2 values');
  const s = sd(x);
  if (!(s > 0)) throw statsError('the values are all equal; the t statistic is undefined');
  return fromEstimate(mean(x), s / Math.sqrt(x.length), x.length - 1);
}

/**
 * Paired t-test on change = after − before (R's `t.test(after, before, paired = TRUE)`).
 * Pairs must be complete; drop missing rows first.
 * @example pairedTTest({ before: [1, 2, 3], after: [2, 4, 5] }).estimate // 1.666…
 */
export function pairedTTest(input: { readonly before: ReadonlyArray<number>; readonly after: ReadonlyArray<number> }): TTestResult {
  const { before, after } = input;
  if (before.length !== after.length) throw statsError('before and after must have the same length');
  return oneSampleTTest(after.map((a, i) => a - before[i]));
}

/**
 * Two-sample t-test of mean(x) − mean(y): Welch (default, R's default) or Student with pooled
 * variance (`equalVariance: true`).
 * @example twoSampleTTest({ x: [1, 2, 3], y: [4, 5, 7] }).df // Welch–Satterthwaite df
 */
export function twoSampleTTest(input: {
  readonly x: ReadonlyArray<number>;
  readonly y: ReadonlyArray<number>;
  readonly equalVariance?: boolean;
}): TTestResult {
  const { x, y } = input;
  const nx = x.length;
  const ny = y.length;
  if (nx < 2 || ny < 2) throw statsError('each group needs at least 2 values');
  const vx = variance(x);
  const vy = variance(y);
  const est = mean(x) - mean(y);
  if (input.equalVariance) {
    const df = nx + ny - 2;
    let v = 0;
    if (nx > 1) v = (nx - 1) * vx;
    if (ny > 1) v += (ny - 1) * vy;
    v /= df;
    const se = Math.sqrt(v * (1 / nx + 1 / ny));
    if (!(se > 0)) throw statsError('both groups have zero variance');
    return fromEstimate(est, se, df);
  }
  const sx = vx / nx;
  const sy = vy / ny;
  const se = Math.sqrt(sx + sy);
  if (!(se > 0)) throw statsError('both groups have zero variance');
  const df = (se * se) ** 2 / (sx ** 2 / (nx - 1) + sy ** 2 / (ny - 1));
  return fromEstimate(est, se, df);
}
