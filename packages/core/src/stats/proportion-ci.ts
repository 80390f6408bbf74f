import { qbeta, qnorm } from './distributions.ts';
import { statsError } from './stats-error.ts';

export interface ProportionCi {
  readonly estimate: number;
  /** Wilson score interval without continuity correction (R's `prop.test(k, n, correct = FALSE)`). */
  readonly wilson: readonly [number, number];
  /** Exact Clopper–Pearson interval (R's `binom.test(k, n)`). */
  readonly clopperPearson: readonly [number, number];
}

function checkCounts(k: number, n: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n <= 0 || k < 0 || k > n) {
    throw statsError('successes and n must be whole numbers with 0 ≤ successes ≤ n and n > 0', { k, n });
  }
}

/**
 * Wilson score interval (no continuity correction), computed as R's `prop.test` does.
 * @example wilsonInterval({ successes: 7, n: 20 }) // [0.181…, 0.567…]
 */
export function wilsonInterval(input: { readonly successes: number; readonly n: number; readonly level?: number }): readonly [number, number] {
  const { successes: x, n } = input;
  checkCounts(x, n);
  const level = input.level ?? 0.95;
  const est = x / n;
  const z = qnorm((1 + level) / 2);
  const z22n = (z * z) / (2 * n);
  const upper = est >= 1 ? 1 : (est + z22n + z * Math.sqrt((est * (1 - est)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  const lower = est <= 0 ? 0 : (est + z22n - z * Math.sqrt((est * (1 - est)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  return [lower, upper];
}

/**
 * Exact (Clopper–Pearson) interval from beta quantiles, as R's `binom.test`.
 * @example clopperPearsonInterval({ successes: 0, n: 10 })[0] // 0
 */
export function clopperPearsonInterval(input: { readonly successes: number; readonly n: number; readonly level?: number }): readonly [number, number] {
  const { successes: x, n } = input;
  checkCounts(x, n);
  const alpha = 1 - (input.level ?? 0.95);
  const lower = x === 0 ? 0 : qbeta(alpha / 2, x, n - x + 1);
  const upper = x === n ? 1 : qbeta(1 - alpha / 2, x + 1, n - x);
  return [lower, upper];
}

/**
 * A proportion with its Wilson and Clopper–Pearson 95% intervals.
 * @example proportionCi({ successes: 7, n: 20 }).estimate // 0.35
 */
export function proportionCi(input: { readonly successes: number; readonly n: number }): ProportionCi {
  return {
    estimate: input.successes / input.n,
    wilson: wilsonInterval(input),
    clopperPearson: clopperPearsonInterval(input),
  };
}
