import type { AnalyteId, ReferenceRange, SampleType } from './analytes.ts';
import { isAnalyteId } from './analytes.ts';
import { ANALYTES } from './analytes.ts';
import type { LabResult } from './lab-result.ts';

/**
 * A clinic-configured reference range, in the analyte's canonical unit, optionally for one assay
 * and/or sample type (most of the panel's ranges depend on the kit).
 */
export type ReferenceRangeSetting = {
  readonly analyte: AnalyteId;
  readonly assay?: string;
  readonly sampleType?: SampleType;
  readonly low: number | null;
  readonly high: number | null;
  readonly source: string;
};

/**
 * The range that applies to a result: the most specific clinic setting (assay + sample type, then
 * assay, then sample type, then analyte only), else the built-in default, else `null`.
 *
 * @example
 * resolveReferenceRange({ analyte: 'bdnf', assay: 'Quantikine DBD00', sampleType: 'serum' }, settings);
 */
export function resolveReferenceRange(
  result: Pick<LabResult, 'analyte' | 'assay' | 'sampleType'>,
  settings: ReadonlyArray<ReferenceRangeSetting> = [],
): ReferenceRange | null {
  const score = (s: ReferenceRangeSetting): number =>
    s.analyte !== result.analyte ||
    (s.assay !== undefined && s.assay !== result.assay) ||
    (s.sampleType !== undefined && s.sampleType !== result.sampleType)
      ? -1
      : (s.assay !== undefined ? 2 : 0) + (s.sampleType !== undefined ? 1 : 0);
  const best = settings
    .map((s) => ({ s, k: score(s) }))
    .filter((x) => x.k >= 0)
    .sort((a, b) => b.k - a.k)[0];
  if (best) return { low: best.s.low, high: best.s.high, assayDependent: best.s.assay !== undefined, source: best.s.source };
  return isAnalyteId(result.analyte) ? ANALYTES[result.analyte].referenceRange : null;
}

export type RangeFlag = 'low' | 'normal' | 'high' | 'indeterminate' | 'no_range';

/**
 * Flags a result against its reference range. Censored values are honoured: "<1.5" is `low`
 * against a lower limit of 2, but `indeterminate` against a lower limit of 1 (the true value may or
 * may not be under 1); ">5000" is `high` against an upper limit of 7.
 *
 * @example
 * flagAgainstRange({ canonicalValue: 0.31, analyte: 'crp', assay: 'x', sampleType: 'serum' }); // 'high'
 */
export function flagAgainstRange(
  result: Pick<LabResult, 'analyte' | 'assay' | 'sampleType' | 'canonicalValue' | 'comparator'>,
  settings: ReadonlyArray<ReferenceRangeSetting> = [],
): RangeFlag {
  const range = resolveReferenceRange(result, settings);
  if (!range) return 'no_range';
  const high = range.high;
  // Concentrations cannot be negative, so a lower limit of 0 is no limit.
  const low = range.low !== null && range.low > 0 ? range.low : null;
  const v = result.canonicalValue;
  if (result.comparator === '<') {
    // True value < v.
    if (low !== null && v <= low) return 'low';
    if (high !== null && v > high) return 'indeterminate';
    return low !== null ? 'indeterminate' : 'normal';
  }
  if (result.comparator === '>') {
    // True value > v.
    if (high !== null && v >= high) return 'high';
    if (low !== null && v < low) return 'indeterminate';
    return high !== null ? 'indeterminate' : 'normal';
  }
  if (high !== null && v > high) return 'high';
  if (low !== null && v < low) return 'low';
  return 'normal';
}
