import { mean, sum } from './descriptives.ts';
import { qnorm, twoSidedTP } from './distributions.ts';
import { midRanks } from './ranks.ts';
import { spearmanTail } from './spearman-distribution.ts';
import { statsError } from './stats-error.ts';

export interface CorrelationResult {
  readonly estimate: number;
  readonly n: number;
  /** t statistic on n − 2 df and its two-sided p-value. */
  readonly t: number;
  readonly df: number;
  readonly p: number;
  /** Fisher-z interval: tanh(atanh(r) ± z₀.₉₇₅ / √(n − 3)). */
  readonly ci95: readonly [number, number];
}

function pearsonR(x: ReadonlyArray<number>, y: ReadonlyArray<number>): number {
  const mx = mean(x);
  const my = mean(y);
  const dx = x.map((v) => v - mx);
  const dy = y.map((v) => v - my);
  return sum(dx.map((v, i) => v * dy[i])) / Math.sqrt(sum(dx.map((v) => v * v)) * sum(dy.map((v) => v * v)));
}

function withInference(r: number, n: number): CorrelationResult {
  const df = n - 2;
  const t = (Math.sqrt(df) * r) / Math.sqrt(1 - r * r);
  const z = Math.atanh(r);
  const half = qnorm(0.975) / Math.sqrt(n - 3);
  return { estimate: r, n, t, df, p: twoSidedTP(t, df), ci95: n > 3 ? [Math.tanh(z - half), Math.tanh(z + half)] : [NaN, NaN] };
}

function check(x: ReadonlyArray<number>, y: ReadonlyArray<number>): void {
  if (x.length !== y.length) throw statsError('x and y must have the same length');
  if (x.length < 3) throw statsError('a correlation test needs at least 3 complete pairs');
}

/**
 * Pearson correlation with R's `cor.test` t-test and Fisher-z 95% interval.
 * @example pearsonCorrelation({ x: [1, 2, 3, 4], y: [2, 4, 5, 9] }).estimate // 0.96…
 */
export function pearsonCorrelation(input: { readonly x: ReadonlyArray<number>; readonly y: ReadonlyArray<number> }): CorrelationResult {
  check(input.x, input.y);
  const r = pearsonR(input.x, input.y);
  if (!Number.isFinite(r)) throw statsError('a variable is constant; the correlation is undefined');
  return withInference(r, input.x.length);
}

/**
 * Spearman rank correlation (Pearson correlation of mid-ranks) with R's `cor.test(method =
 * "spearman")` p-value: without ties and n < 1290 the AS 89 null distribution of S (exact for
 * n ≤ 9, Edgeworth series above); with ties (or `exact: false`) the t approximation on n − 2 df.
 * The interval is Fisher-z with SE 1/√(n − 3), which R does not report.
 * @example spearmanCorrelation({ x: [1, 2, 3, 4], y: [1, 3, 2, 4] }).estimate // 0.8
 */
export function spearmanCorrelation(input: { readonly x: ReadonlyArray<number>; readonly y: ReadonlyArray<number>; readonly exact?: boolean }): CorrelationResult & { readonly method: 'exact' | 't-approximation' } {
  check(input.x, input.y);
  const rx = midRanks(input.x);
  const ry = midRanks(input.y);
  const r = pearsonR(rx.ranks, ry.ranks);
  if (!Number.isFinite(r)) throw statsError('a variable is constant; the correlation is undefined');
  const n = input.x.length;
  const ties = rx.ties.some((t) => t > 1) || ry.ties.some((t) => t > 1);
  const base = withInference(r, n);
  if (!(input.exact ?? n < 1290) || ties) return { ...base, method: 't-approximation' };
  const q = ((n * n * n - n) * (1 - r)) / 6;
  // As R: P(S ≥ round(q)) in the upper tail, P(S < round(q) + 2) in the lower one.
  const one = q > (n * n * n - n) / 6 ? spearmanTail({ s: Math.round(q), n, lowerTail: false }) : spearmanTail({ s: Math.round(q) + 2, n, lowerTail: true });
  return { ...base, p: Math.min(2 * one, 1), method: 'exact' };
}
