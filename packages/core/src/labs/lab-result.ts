import { checkInstant } from '../fields/check-date.ts';
import type { Issues } from '../fields/field-issues.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, isPresent, throwIfIssues } from '../fields/field-issues.ts';
import type { SampleType } from './analytes.ts';
import { SAMPLE_TYPES, resolveUnitOf } from './analytes.ts';
import { analyteCatalogue, type AnalyteCatalogue } from './lab-catalogue.ts';

const BUILT_IN = analyteCatalogue();

/**
 * One measured value. `value` and `unit` are as reported; `canonicalValue` is in the analyte's
 * canonical unit, which is what charts and analyses use. `comparator` records a censored value
 * ("<1.5" below the detection limit), kept apart so it is never mistaken for an exact 1.5.
 */
export type LabResult = {
  readonly patientId: string;
  /** An id of the clinic's analyte catalogue (`analyteCatalogue`): the built-in panel or its own. */
  readonly analyte: string;
  readonly value: number;
  readonly comparator?: '<' | '>';
  readonly unit: string;
  readonly canonicalValue: number;
  readonly canonicalUnit: string;
  readonly sampleType: SampleType;
  readonly collectedAt: string;
  readonly fasting: boolean;
  /** Assay / kit name (e.g. "Elecsys IL-6"). Values from different assays are not comparable. */
  readonly assay: string;
  readonly assayLot?: string;
  /** The run (plate, batch) the sample was measured in: values from one batch compare best. */
  readonly assayBatch?: string;
  /** Minutes from collection to centrifugation / freezing; long delays change cytokines and BDNF. */
  readonly processingDelayMinutes?: number;
  /** How often the aliquot was frozen and thawed before the assay (0 = fresh or first thaw). */
  readonly freezeThawCount?: number;
  /** Why a sample taken outside the program's collection window was kept (cortisol). */
  readonly windowOverrideReason?: string;
  readonly enrolmentId?: string;
  readonly visitId?: string;
  readonly notes?: string;
};

export type LabResultInput = { readonly [K in Exclude<keyof LabResult, 'canonicalValue' | 'canonicalUnit'>]?: unknown };

/** Rounds away binary noise from unit conversion (e.g. 0.1 × 3 = 0.30000000000000004). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * Checks analyte, unit, value and sample fields of a lab result into `issues`, with `path(field)`
 * naming each field (so the CSV importer can report columns). Returns the result when valid.
 */
export function checkLabResult(
  issues: Issues,
  input: LabResultInput,
  o: { readonly path?: (field: string) => string; readonly catalogue?: AnalyteCatalogue } = {},
): LabResult | undefined {
  const path = o.path ?? ((f: string) => f);
  const catalogue = o.catalogue ?? BUILT_IN;
  const before = issues.list.length;
  const patientId = checkText(issues, path('patientId'), input.patientId, { max: 100 });
  let analyte: string | undefined;
  if (!isPresent(input.analyte)) issues.add(path('analyte'), 'programs.field.required');
  else if (typeof input.analyte !== 'string' || !catalogue.has(input.analyte)) issues.add(path('analyte'), 'labs.unknown_analyte', { analyte: String(input.analyte) });
  else analyte = input.analyte;
  const def = analyte ? catalogue.get(analyte) : undefined;

  let unit: string | undefined;
  if (!isPresent(input.unit)) issues.add(path('unit'), 'programs.field.required');
  else if (typeof input.unit !== 'string') issues.add(path('unit'), 'programs.field.not_text');
  else if (analyte) {
    unit = resolveUnitOf(def!, input.unit);
    if (unit === undefined) {
      issues.add(path('unit'), 'labs.unknown_unit', { unit: input.unit, analyte, allowed: Object.keys(def!.units).join(', ') });
    }
  }

  let value: number | undefined;
  if (!isPresent(input.value)) issues.add(path('value'), 'programs.field.required');
  else if (typeof input.value !== 'number' || !Number.isFinite(input.value)) issues.add(path('value'), 'programs.field.not_number');
  else if (input.value < 0) issues.add(path('value'), 'labs.value_negative');
  else value = input.value;
  const comparator = checkOneOf(issues, path('comparator'), input.comparator, ['<', '>'] as const, { required: false });

  let canonicalValue: number | undefined;
  if (def && unit !== undefined && value !== undefined) {
    canonicalValue = tidy(value * def.units[unit]!);
    if (canonicalValue > def.plausibleMax) {
      issues.add(path('value'), 'labs.value_implausible', { max: def.plausibleMax, unit: def.canonicalUnit, analyte: analyte! });
    }
  }

  const sampleType = checkOneOf(issues, path('sampleType'), input.sampleType, SAMPLE_TYPES);
  if (def && sampleType && !def.sampleTypes.includes(sampleType)) {
    issues.add(path('sampleType'), 'labs.sample_type_not_allowed', { sampleType, analyte: analyte!, allowed: def.sampleTypes.join(', ') });
  }
  const collectedAt = checkInstant(issues, path('collectedAt'), input.collectedAt);
  let fasting: boolean | undefined;
  if (typeof input.fasting === 'boolean') fasting = input.fasting;
  else issues.add(path('fasting'), isPresent(input.fasting) ? 'labs.fasting_invalid' : 'programs.field.required');
  const assay = checkText(issues, path('assay'), input.assay, { max: 200 });
  const assayLot = checkText(issues, path('assayLot'), input.assayLot, { required: false, max: 64 });
  const assayBatch = checkText(issues, path('assayBatch'), input.assayBatch, { required: false, max: 64 });
  const processingDelayMinutes = checkNumber(issues, path('processingDelayMinutes'), input.processingDelayMinutes, { required: false, integer: true, min: 0, max: 10_080 });
  const freezeThawCount = checkNumber(issues, path('freezeThawCount'), input.freezeThawCount, { required: false, integer: true, min: 0, max: 20 });
  const windowOverrideReason = checkText(issues, path('windowOverrideReason'), input.windowOverrideReason, { required: false, max: 500 });
  const enrolmentId = checkText(issues, path('enrolmentId'), input.enrolmentId, { required: false, max: 100 });
  const visitId = checkText(issues, path('visitId'), input.visitId, { required: false, max: 64 });
  const notes = checkText(issues, path('notes'), input.notes, { required: false, max: 2000 });
  if (issues.list.length > before) return undefined;
  return {
    patientId: patientId!,
    analyte: analyte!,
    value: value!,
    ...(comparator ? { comparator } : {}),
    unit: unit!,
    canonicalValue: canonicalValue!,
    canonicalUnit: def!.canonicalUnit,
    sampleType: sampleType!,
    collectedAt: collectedAt!,
    fasting: fasting!,
    assay: assay!,
    ...(assayLot !== undefined ? { assayLot } : {}),
    ...(assayBatch !== undefined ? { assayBatch } : {}),
    ...(processingDelayMinutes !== undefined ? { processingDelayMinutes } : {}),
    ...(freezeThawCount !== undefined ? { freezeThawCount } : {}),
    ...(windowOverrideReason !== undefined ? { windowOverrideReason } : {}),
    ...(enrolmentId !== undefined ? { enrolmentId } : {}),
    ...(visitId !== undefined ? { visitId } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
}

/**
 * Validates one manually entered lab result and converts it to the canonical unit. Refuses an
 * unknown analyte, a unit the analyte is not measured in (e.g. IL-6 in mg/dL), a negative value, a
 * value above the physical plausibility ceiling, a sample type the analyte is not measured in, and
 * a collection time without offset.
 *
 * @example
 * validateLabResult({ patientId: 'p-1', analyte: 'cortisol', value: 331, unit: 'nmol/L', sampleType: 'serum',
 *   collectedAt: '2026-04-08T09:10:00+09:00', fasting: true, assay: 'Elecsys Cortisol II' }).canonicalValue; // 12.0 (μg/dL)
 */
export function validateLabResult(input: LabResultInput, o: { readonly catalogue?: AnalyteCatalogue } = {}): LabResult {
  const issues = createIssues();
  const r = checkLabResult(issues, input, o);
  throwIfIssues(issues, 'labs.result_invalid');
  return deepFreeze(r!);
}
