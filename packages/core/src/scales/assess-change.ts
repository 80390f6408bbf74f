import { reliableChange, type ReliableChange } from './reliable-change.ts';
import type { ScaleDefinition } from './scale-definition.ts';

export interface ChangeAssessment {
  readonly scaleId: string;
  readonly version: string;
  readonly baseline: number;
  readonly current: number;
  readonly change: number;
  /** (current − baseline) / baseline; null when the baseline is 0. */
  readonly fractionChange: number | null;
  /** Response (e.g. ≥ 50 % reduction); null when the scale defines none or baseline is 0. */
  readonly response: boolean | null;
  /** Remission by the scale's threshold; null when the scale defines none. */
  readonly remission: boolean | null;
  /** Null when no SD or reliability is known (published or the clinic's). */
  readonly reliableChange: ReliableChange | null;
  /** Which SD was used: the definition's published one or the clinic's own baseline SD. */
  readonly sdSource: 'definition' | 'clinic' | null;
}

export interface AssessChangeOptions {
  readonly definition: ScaleDefinition;
  readonly baseline: number;
  readonly current: number;
  /** The clinic's own baseline SD; replaces the definition's SD (Jacobson–Truax use the clinical SD). */
  readonly clinicSd?: number;
}

/**
 * Response, remission and reliable change of a later total against a baseline total, by the
 * definition's rules. Response counts a reduction for symptom scales and an increase for
 * higher-is-better scales.
 *
 * @example
 * assessChange({ definition: phq9, baseline: 16, current: 4 });
 * // { response: true, remission: true, reliableChange: { category: 'improved', … }, … }
 */
export function assessChange(options: AssessChangeOptions): ChangeAssessment {
  const { definition, baseline, current, clinicSd } = options;
  const change = current - baseline;
  const fractionChange = baseline === 0 ? null : change / baseline;
  let response: boolean | null = null;
  if (definition.response && fractionChange !== null) {
    const improvement = definition.direction === 'higher-is-worse' ? -fractionChange : fractionChange;
    response = improvement >= definition.response.minReduction - 1e-12;
  }
  let remission: boolean | null = null;
  const rem = definition.remission;
  if (rem) {
    remission = (rem.atMost === undefined || current <= rem.atMost) && (rem.atLeast === undefined || current >= rem.atLeast);
  }
  const params = definition.reliableChange;
  const sd = clinicSd ?? params?.sd ?? null;
  const r = params?.reliability ?? null;
  const rc =
    sd !== null && r !== null ? reliableChange({ baseline, current, sd, reliability: r, direction: definition.direction }) : null;
  return {
    scaleId: definition.id,
    version: definition.version,
    baseline,
    current,
    change,
    fractionChange,
    response,
    remission,
    reliableChange: rc,
    sdSource: rc === null ? null : clinicSd !== undefined ? 'clinic' : 'definition',
  };
}
