import { DomainError } from '../errors/domain-error.ts';
import type { ScaleDefinition } from './scale-definition.ts';

export type ChangeCategory = 'improved' | 'deteriorated' | 'no_reliable_change';

export interface ReliableChange {
  /** S_diff = √2 · SEM, SEM = SD · √(1 − r). */
  readonly sDiff: number;
  /** Smallest change that counts as reliable: 1.96 · S_diff. */
  readonly threshold: number;
  /** Jacobson–Truax RCI = (current − baseline) / S_diff. */
  readonly rci: number;
  readonly category: ChangeCategory;
}

export interface ReliableChangeOptions {
  readonly baseline: number;
  readonly current: number;
  readonly sd: number;
  readonly reliability: number;
  readonly direction: ScaleDefinition['direction'];
}

/**
 * Jacobson–Truax reliable change (J Consult Clin Psychol 1991;59:12–19): a change is reliable when
 * |RCI| > 1.96, i.e. when |current − baseline| > 1.96 · SD · √(2(1 − r)). Whether it is an
 * improvement depends on the scale's direction (WHO-5: higher is better).
 *
 * @example
 * reliableChange({ baseline: 18, current: 9, sd: 5.5, reliability: 0.84, direction: 'higher-is-worse' });
 * // { threshold: 6.1…, rci: -4.09…, category: 'improved', … }
 */
export function reliableChange(options: ReliableChangeOptions): ReliableChange {
  const { baseline, current, sd, reliability, direction } = options;
  if (!(sd > 0) || !(reliability >= 0 && reliability < 1)) {
    throw new DomainError('validation', {
      key: 'reliable_change_parameters',
      params: { sd, reliability },
      message: `reliable change needs SD > 0 and 0 ≤ reliability < 1 (got SD ${sd}, r ${reliability}) / 信頼性変化の計算には SD > 0 と 0 ≤ 信頼性係数 < 1 が必要です`,
    });
  }
  const sem = sd * Math.sqrt(1 - reliability);
  const sDiff = Math.SQRT2 * sem;
  const rci = (current - baseline) / sDiff;
  let category: ChangeCategory = 'no_reliable_change';
  if (Math.abs(rci) > 1.96) {
    const better = direction === 'higher-is-worse' ? rci < 0 : rci > 0;
    category = better ? 'improved' : 'deteriorated';
  }
  return { sDiff, threshold: 1.96 * sDiff, rci, category };
}
