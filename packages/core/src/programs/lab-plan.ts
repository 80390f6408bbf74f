import { DomainError } from '../errors/domain-error.ts';
import type { Issues } from '../fields/field-issues.ts';
import { checkOneOf, isPresent } from '../fields/field-issues.ts';
import { SAMPLE_TYPES, type SampleType } from '../labs/analytes.ts';
import type { AnalyteCatalogue } from '../labs/lab-catalogue.ts';
import type { LabResult } from '../labs/lab-result.ts';
import { instantToZoned } from '../time/instant-to-zoned.ts';
import { isLocalTime, timeToMinutes } from '../time/local-time.ts';

/**
 * How a program measures one analyte: the one sample type every result must be (serum and plasma
 * BDNF are not interchangeable — Polyakova et al. 2017, r ≈ 0.46–0.60), and for time-of-day
 * analytes the window of the clinic's wall clock in which the sample is drawn.
 */
export type ProgramLabPlanEntry = {
  readonly analyte: string;
  readonly sampleType: SampleType;
  readonly collectionWindow?: { readonly from: string; readonly to: string };
};

/** Analytes whose level follows the time of day: the program must set a collection window. */
export const TIME_OF_DAY_ANALYTES: ReadonlyArray<string> = ['cortisol'];

/**
 * Checks a program's lab plan into `issues` (paths `labPlan[i].…`): known analytes (with a
 * catalogue), one entry per analyte, a sample type the analyte is measured in, and a collection
 * window `HH:MM`–`HH:MM` (from before to) — required for cortisol.
 *
 * @example
 * checkLabPlan(issues, [{ analyte: 'cortisol', sampleType: 'serum', collectionWindow: { from: '07:00', to: '10:00' } }]);
 */
export function checkLabPlan(issues: Issues, input: unknown, o: { readonly catalogue?: AnalyteCatalogue } = {}): ReadonlyArray<ProgramLabPlanEntry> | undefined {
  if (!isPresent(input)) return undefined;
  if (!Array.isArray(input)) {
    issues.add('labPlan', 'programs.field.not_list');
    return undefined;
  }
  const out: ProgramLabPlanEntry[] = [];
  const seen = new Set<string>();
  input.forEach((raw: unknown, i) => {
    const p = `labPlan[${i}]`;
    const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const analyte = typeof e.analyte === 'string' && e.analyte !== '' ? e.analyte : undefined;
    if (!analyte) issues.add(`${p}.analyte`, 'programs.field.required');
    else if (o.catalogue && !o.catalogue.has(analyte)) issues.add(`${p}.analyte`, 'labs.unknown_analyte', { analyte });
    else if (seen.has(analyte)) issues.add(`${p}.analyte`, 'labs.plan_duplicate', { analyte });
    if (analyte) seen.add(analyte);
    const sampleType = checkOneOf(issues, `${p}.sampleType`, e.sampleType, SAMPLE_TYPES);
    const def = analyte ? o.catalogue?.get(analyte) : undefined;
    if (def && sampleType && !def.sampleTypes.includes(sampleType)) {
      issues.add(`${p}.sampleType`, 'labs.sample_type_not_allowed', { sampleType, analyte: analyte!, allowed: def.sampleTypes.join(', ') });
    }
    let window: ProgramLabPlanEntry['collectionWindow'];
    const w = e.collectionWindow as Record<string, unknown> | undefined;
    if (isPresent(w)) {
      const from = w && typeof w === 'object' ? w.from : undefined;
      const to = w && typeof w === 'object' ? w.to : undefined;
      if (!isLocalTime(from)) issues.add(`${p}.collectionWindow.from`, 'time_invalid');
      if (!isLocalTime(to)) issues.add(`${p}.collectionWindow.to`, 'time_invalid');
      if (isLocalTime(from) && isLocalTime(to)) {
        if (timeToMinutes(from) >= timeToMinutes(to)) issues.add(`${p}.collectionWindow.to`, 'labs.window_order');
        else window = { from, to };
      }
    } else if (analyte && TIME_OF_DAY_ANALYTES.includes(analyte)) {
      issues.add(`${p}.collectionWindow`, 'labs.window_required', { analyte });
    }
    if (analyte && sampleType) out.push({ analyte, sampleType, ...(window ? { collectionWindow: window } : {}) });
  });
  return out;
}

/**
 * Holds one lab result to its program's plan, before it is stored. Refuses a sample type other than
 * the one the program fixed for the analyte (`labs.sample_type_not_program`). A sample drawn outside
 * the program's collection window (clinic wall clock) is refused with `labs.outside_window` unless
 * the result carries `windowOverrideReason` — the person entering it confirms, and says why.
 * Analytes the plan does not list are not held to anything.
 *
 * @example
 * checkLabAgainstPlan(result, plan, { zone: 'Asia/Tokyo' }); // throws when cortisol was drawn at 15:00 for a 07:00–10:00 window
 */
export function checkLabAgainstPlan(result: LabResult, plan: ReadonlyArray<ProgramLabPlanEntry> | undefined, o: { readonly zone: string }): void {
  const entry = plan?.find((p) => p.analyte === result.analyte);
  if (!entry) return;
  if (result.sampleType !== entry.sampleType) {
    throw new DomainError('validation', {
      key: 'labs.sample_type_not_program',
      params: { required: entry.sampleType, given: result.sampleType },
      issues: [{ path: 'sampleType', key: 'labs.sample_type_not_program', params: { required: entry.sampleType, given: result.sampleType } }],
    });
  }
  const w = entry.collectionWindow;
  if (!w) return;
  const at = instantToZoned(Date.parse(result.collectedAt), o.zone);
  const inside = at.minuteOfDay >= timeToMinutes(w.from) && at.minuteOfDay <= timeToMinutes(w.to);
  if (inside || result.windowOverrideReason) return;
  const params = { from: w.from, to: w.to, time: at.time };
  throw new DomainError('validation', {
    key: 'labs.outside_window',
    params,
    issues: [{ path: 'collectedAt', key: 'labs.outside_window', params }],
    extra: { needsConfirmation: true, window: w, collectedTime: at.time },
  });
}
