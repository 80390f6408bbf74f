import { qgamma } from './distributions.ts';
import { statsError } from './stats-error.ts';

export interface PoissonRate {
  /** events / exposure. */
  readonly rate: number;
  /** Exact (Garwood) 95% interval for the rate, as R's `poisson.test(events, exposure)`. */
  readonly ci95: readonly [number, number];
}

/**
 * Event rate with the exact Poisson interval (gamma quantiles).
 * @example poissonRateCi({ events: 0, exposure: 100 }).ci95[0] // 0
 */
export function poissonRateCi(input: { readonly events: number; readonly exposure?: number; readonly level?: number }): PoissonRate {
  const x = input.events;
  const T = input.exposure ?? 1;
  if (!Number.isInteger(x) || x < 0) throw statsError('events must be a non-negative whole number');
  if (!(T > 0)) throw statsError('exposure must be positive');
  const alpha = 1 - (input.level ?? 0.95);
  const lower = x === 0 ? 0 : qgamma(alpha / 2, x);
  const upper = qgamma(1 - alpha / 2, x + 1);
  return { rate: x / T, ci95: [lower / T, upper / T] };
}

/**
 * Upper 95% bound on the event probability when 0 events were seen in n: the rule of three (3/n)
 * and its exact one-sided value 1 − 0.05^(1/n).
 * @example ruleOfThree(300).upper // 0.01
 */
export function ruleOfThree(n: number): { readonly upper: number; readonly exactUpper: number } {
  if (!Number.isInteger(n) || n <= 0) throw statsError('n must be a positive whole number');
  return { upper: 3 / n, exactUpper: 1 - Math.pow(0.05, 1 / n) };
}
