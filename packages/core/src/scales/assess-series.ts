import { assessChange, type ChangeAssessment } from './assess-change.ts';
import { findBand } from './find-band.ts';
import type { ScaleDefinition } from './scale-definition.ts';

export interface SeriesPoint {
  /** When the scale was completed (ISO date-time); only used to order and label points. */
  readonly at: string;
  /** The stored total, or null for an administration that could not be scored. */
  readonly total: number | null;
}

export interface AssessedPoint {
  readonly at: string;
  readonly total: number | null;
  readonly band: string | null;
  readonly isBaseline: boolean;
  /** Change against the baseline; null for the baseline itself and for unscored points. */
  readonly change: ChangeAssessment | null;
}

export interface AssessSeriesOptions {
  readonly definition: ScaleDefinition;
  readonly points: ReadonlyArray<SeriesPoint>;
  /** The clinic's own baseline SD for reliable change. */
  readonly clinicSd?: number;
  readonly bandSet?: string;
  /**
   * In a program, the first dose: the baseline is then the last scorable point before it (the
   * pre-treatment baseline), not the first score ever recorded; earlier points get no change.
   */
  readonly treatmentStartAt?: string;
}

/**
 * A patient's scores on one scale over time, each with its band and its change from the baseline
 * (the first scorable point, or in a program the last one before the first dose): response,
 * remission and Jacobson–Truax reliable change — what the
 * timeline chart marks. Points are ordered by `at` (ISO strings with the same offset sort
 * correctly; pass UTC or one zone).
 *
 * @example
 * assessSeries({ definition: phq9, points: [{ at: '2026-04-01T00:00:00Z', total: 18 }, { at: '2026-04-15T00:00:00Z', total: 8 }] })[1].change?.response; // true
 */
export function assessSeries(options: AssessSeriesOptions): ReadonlyArray<AssessedPoint> {
  const { definition, clinicSd, bandSet } = options;
  const sorted = [...options.points].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const scorable = sorted.filter((p) => p.total !== null);
  const pre = options.treatmentStartAt === undefined ? [] : scorable.filter((p) => p.at < options.treatmentStartAt!);
  const baseline = pre.length ? pre[pre.length - 1] : scorable[0];
  const baselineIndex = baseline ? sorted.indexOf(baseline) : -1;
  return sorted.map((p, i) => {
    const band = p.total === null ? null : (findBand(definition, p.total, bandSet)?.id ?? null);
    const isBaseline = p === baseline;
    const change =
      baseline && baseline.total !== null && p.total !== null && !isBaseline && i > baselineIndex
        ? assessChange({ definition, baseline: baseline.total, current: p.total, ...(clinicSd !== undefined ? { clinicSd } : {}) })
        : null;
    return { at: p.at, total: p.total, band, isBaseline, change };
  });
}
