import type { Issues } from '../fields/field-issues.ts';
import { checkNumber, checkOneOf } from '../fields/field-issues.ts';
import type { EligibilityCriteria, ExclusionCriterion, SeverityThreshold } from './program-types.ts';
import { checkCodes, checkId, checkLocalized, listOf } from './program-field-checks.ts';

/** The `eligibility` part of a program definition: age range, diagnoses, severity thresholds, exclusions. */
export function checkEligibility(issues: Issues, v: Partial<EligibilityCriteria> | undefined): EligibilityCriteria {
  const p = 'eligibility';
  const minAge = checkNumber(issues, `${p}.minAgeYears`, v?.minAgeYears, { required: false, integer: true, min: 0, max: 120 });
  const maxAge = checkNumber(issues, `${p}.maxAgeYears`, v?.maxAgeYears, { required: false, integer: true, min: 0, max: 120 });
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) issues.add(`${p}.maxAgeYears`, 'programs.age_range_inverted');
  const diagnosisCodes = checkCodes(issues, `${p}.diagnosisCodes`, v?.diagnosisCodes);
  const severity: SeverityThreshold[] = [];
  listOf(issues, `${p}.severity`, v?.severity).forEach((s, i) => {
    const sp = `${p}.severity[${i}]`;
    const scaleId = checkId(issues, `${sp}.scaleId`, s?.scaleId);
    const min = checkNumber(issues, `${sp}.min`, s?.min, { required: false });
    const max = checkNumber(issues, `${sp}.max`, s?.max, { required: false });
    if (s?.min === undefined && s?.max === undefined) issues.add(`${sp}.min`, 'programs.threshold_needs_bound');
    if (min !== undefined && max !== undefined && min > max) issues.add(`${sp}.max`, 'programs.threshold_inverted');
    if (scaleId !== undefined) severity.push({ scaleId, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
  });
  const exclusions: ExclusionCriterion[] = [];
  const seen = new Set<string>();
  listOf(issues, `${p}.exclusions`, v?.exclusions).forEach((e, i) => {
    const ep = `${p}.exclusions[${i}]`;
    const id = checkId(issues, `${ep}.id`, e?.id);
    const label = checkLocalized(issues, `${ep}.label`, e?.label, 500);
    const icd10 = e?.icd10 === undefined ? undefined : checkCodes(issues, `${ep}.icd10`, e.icd10);
    if (id !== undefined && seen.has(id)) issues.add(`${ep}.id`, 'programs.duplicate_id', { id });
    if (id !== undefined) seen.add(id);
    if (id !== undefined && label !== undefined) exclusions.push({ id, label, ...(icd10 ? { icd10 } : {}) });
  });
  return {
    ...(minAge !== undefined ? { minAgeYears: minAge } : {}),
    ...(maxAge !== undefined ? { maxAgeYears: maxAge } : {}),
    diagnosisCodes,
    severity,
    severityRule: checkOneOf(issues, `${p}.severityRule`, v?.severityRule ?? 'all_of', ['all_of', 'any_of'] as const) ?? 'all_of',
    exclusions,
  };
}
