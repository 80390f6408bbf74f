import { statsError } from './stats-error.ts';

export type ChangeCategory = 'improved' | 'unchanged' | 'deteriorated';

export interface ReliableChangeSummary {
  /** 1.96 × S_diff, S_diff = √2 · SD · √(1 − reliability). */
  readonly threshold: number;
  readonly sd: number;
  readonly improved: number;
  readonly unchanged: number;
  readonly deteriorated: number;
}

/**
 * Jacobson–Truax reliable change threshold: a change (after − before) is reliable when its absolute
 * value exceeds 1.96 · S_diff, S_diff = √(2 · SE²), SE = SD · √(1 − reliability).
 * @example reliableChangeThreshold({ sd: 7.5, reliability: 0.9 }) // ≈ 6.574
 */
export function reliableChangeThreshold(input: { readonly sd: number; readonly reliability: number }): number {
  if (!(input.reliability >= 0 && input.reliability < 1)) throw statsError('reliability must be in [0, 1)');
  if (!(input.sd > 0)) throw statsError('the SD must be positive');
  const se = input.sd * Math.sqrt(1 - input.reliability);
  return 1.96 * Math.sqrt(2 * se * se);
}

/**
 * Classifies one change. Default: lower scores are better, so a drop beyond the threshold is
 * "improved"; a change exactly at the threshold is "unchanged".
 * @example classifyChange({ change: -8, threshold: 6.5 }) // 'improved'
 */
export function classifyChange(input: { readonly change: number; readonly threshold: number; readonly higherIsBetter?: boolean }): ChangeCategory {
  const c = input.higherIsBetter ? input.change : -input.change;
  if (c > input.threshold) return 'improved';
  if (c < -input.threshold) return 'deteriorated';
  return 'unchanged';
}

/**
 * Counts of reliably improved / unchanged / deteriorated patients over complete pairs.
 * @example reliableChange({ before: [20, 20], after: [10, 21], sd: 7.5, reliability: 0.9 }).improved // 1
 */
export function reliableChange(input: {
  readonly before: ReadonlyArray<number>;
  readonly after: ReadonlyArray<number>;
  readonly sd: number;
  readonly reliability: number;
  readonly higherIsBetter?: boolean;
}): ReliableChangeSummary {
  const threshold = reliableChangeThreshold(input);
  const counts = { improved: 0, unchanged: 0, deteriorated: 0 };
  input.after.forEach((a, i) => {
    counts[classifyChange({ change: a - input.before[i], threshold, higherIsBetter: input.higherIsBetter })]++;
  });
  return { threshold, sd: input.sd, ...counts };
}

/**
 * Jacobson–Truax cut-off "c" between a dysfunctional and a functional population:
 * (SD₀·M₁ + SD₁·M₀) / (SD₀ + SD₁). Clinically significant change = reliable improvement that ends on
 * the functional side of this cut-off.
 * @example clinicalCutoff({ dysfunctional: { mean: 30, sd: 8 }, functional: { mean: 8, sd: 6 } }) // ≈ 17.43
 */
export function clinicalCutoff(input: {
  readonly dysfunctional: { readonly mean: number; readonly sd: number };
  readonly functional: { readonly mean: number; readonly sd: number };
}): number {
  const { dysfunctional: d, functional: f } = input;
  return (d.sd * f.mean + f.sd * d.mean) / (d.sd + f.sd);
}

/**
 * Clinically significant change (Jacobson–Truax): reliably improved and past the cut-off.
 * @example clinicallySignificant({ before: 30, after: 10, threshold: 6.5, cutoff: 17 }) // true
 */
export function clinicallySignificant(input: {
  readonly before: number;
  readonly after: number;
  readonly threshold: number;
  readonly cutoff: number;
  readonly higherIsBetter?: boolean;
}): boolean {
  const improved = classifyChange({ change: input.after - input.before, threshold: input.threshold, higherIsBetter: input.higherIsBetter }) === 'improved';
  const functional = input.higherIsBetter ? input.after > input.cutoff : input.after < input.cutoff;
  return improved && functional;
}
