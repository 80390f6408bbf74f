import { pt, qt } from '../stats/distributions.ts';

/** One row of the δ grid: the primary estimate when the missing participants are shifted by δ. */
export interface TippingRow {
  readonly delta: number;
  readonly estimate: number;
  readonly ci95: readonly [number, number];
  readonly p: number;
}

export interface TippingPoint {
  /** Participants in the primary analysis (dosed, with a baseline). */
  readonly n: number;
  /** Of them, those without an observation at the primary visit. */
  readonly missing: number;
  /** missing / n: how much a shift δ of the missing moves the estimate. */
  readonly fraction: number;
  /** What the primary analysis concludes: the 95 % CI below 0, above 0, or containing 0. */
  readonly conclusion: 'decrease' | 'increase' | 'no_change';
  /**
   * The shift (scale points, added to every missing participant's primary-visit outcome beyond
   * what the model predicts under MAR) at which the 95 % CI reaches 0 and the conclusion changes;
   * for `no_change`, the smallest shift either way that would make it significant. Null when
   * nobody is missing (there is nothing to shift).
   */
  readonly delta: number | null;
  /**
   * Whether |δ*| exceeds the whole range of the scale (max − min): no shift the scale allows could
   * change the conclusion. Null when the range is not known or there is no tipping point.
   */
  readonly beyondScale: boolean | null;
  /** δ from 0 towards the tipping point, in round steps, the tipping point included. */
  readonly grid: ReadonlyArray<TippingRow>;
}

const steps = [0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100];

/**
 * Tipping-point analysis of the primary estimate for missing data, by δ-adjustment: the missing
 * participants' outcomes at the primary visit are assumed to be δ points higher than the MMRM
 * predicts from their observed data under missing at random (δ = 0). Adding δ to the m imputed
 * values among n participants moves the complete-data mean by δ·m/n and leaves its variance
 * unchanged, so the δ-adjusted estimate is θ̂ + δ·m/n with the primary MMRM's SE and Satterthwaite
 * df, a deterministic closed form of the δ-adjusted pattern-mixture analysis (the MMRM standing in
 * for multiple imputation under MAR, to which it is asymptotically equivalent). The tipping point
 * is the δ at which the 95 % CI first touches 0.
 *
 * @example
 * tippingPoint({ estimate: -7.3, se: 0.8, df: 18, n: 25, missing: 6 }).delta; // ≈ 23.4 points
 */
export function tippingPoint(input: { readonly estimate: number; readonly se: number; readonly df: number; readonly n: number; readonly missing: number; readonly scaleSpan?: number | null }): TippingPoint {
  const { estimate, se, df, n, missing } = input;
  const fraction = n > 0 ? missing / n : 0;
  const h = qt(0.975, df) * se;
  const lo = estimate - h;
  const hi = estimate + h;
  const conclusion = hi < 0 ? 'decrease' : lo > 0 ? 'increase' : 'no_change';
  const row = (delta: number): TippingRow => {
    const e = estimate + delta * fraction;
    return { delta, estimate: e, ci95: [e - h, e + h], p: 2 * pt(-Math.abs(e / se), df) };
  };
  if (fraction === 0) return { n, missing, fraction, conclusion, delta: null, beyondScale: null, grid: [row(0)] };
  const toLower = -lo / fraction; // the δ that moves the lower bound to 0
  const toUpper = -hi / fraction; // the δ that moves the upper bound to 0
  const delta = conclusion === 'decrease' ? toUpper : conclusion === 'increase' ? toLower : Math.abs(toLower) <= Math.abs(toUpper) ? toLower : toUpper;
  const step = steps.find((s) => Math.abs(delta) / s <= 8) ?? Math.ceil(Math.abs(delta) / 8);
  const sign = Math.sign(delta) || 1;
  const grid: TippingRow[] = [];
  for (let k = 0; k * step < Math.abs(delta); k++) grid.push(row(sign * k * step));
  grid.push(row(delta));
  const beyondScale = input.scaleSpan === undefined || input.scaleSpan === null ? null : Math.abs(delta) > input.scaleSpan;
  return { n, missing, fraction, conclusion, delta, beyondScale, grid };
}
