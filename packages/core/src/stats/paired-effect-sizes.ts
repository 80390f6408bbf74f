import { mean, sd } from './descriptives.ts';
import { statsError } from './stats-error.ts';

export interface PairedEffectSizes {
  /** Cohen's d_z = mean(change) / SD(change). */
  readonly dz: number;
  /** Hedges' g_z = d_z · J with J = 1 − 3 / (4·df − 1), df = n − 1. */
  readonly hedgesGz: number;
  /** Standardised response mean = mean(change) / SD(change); equal to d_z by definition. */
  readonly srm: number;
}

/**
 * Effect sizes of a within-person change (change = after − before).
 * @example pairedEffectSizes([1, 2, 3]).dz // 2
 */
export function pairedEffectSizes(change: ReadonlyArray<number>): PairedEffectSizes {
  if (change.length < 3) throw statsError('effect sizes need at least 3 complete pairs');
  const s = sd(change);
  if (!(s > 0)) throw statsError('the changes are all equal; standardised effect sizes are undefined');
  const dz = mean(change) / s;
  const df = change.length - 1;
  return { dz, hedgesGz: dz * (1 - 3 / (4 * df - 1)), srm: dz };
}
