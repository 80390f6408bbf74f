import type { AnalyteId } from '../labs/analytes.ts';
import { isAnalyteId } from '../labs/analytes.ts';
import type { Issues } from '../fields/field-issues.ts';
import { checkNumber, checkOneOf } from '../fields/field-issues.ts';
import type { AssessmentVisit } from './program-types.ts';
import { checkId, checkLocalized, listOf } from './program-field-checks.ts';

/** The `assessments` part of a program definition: the visits, their windows, scales and labs. */
export function checkAssessments(issues: Issues, v: ReadonlyArray<Partial<AssessmentVisit>> | undefined): AssessmentVisit[] {
  const out: AssessmentVisit[] = [];
  const list = listOf(issues, 'assessments', v);
  if (list.length === 0) {
    if (Array.isArray(v ?? [])) issues.add('assessments', 'programs.field.required');
    return out;
  }
  const ids = new Set<string>();
  list.forEach((a, i) => {
    const p = `assessments[${i}]`;
    const id = checkId(issues, `${p}.id`, a?.id);
    if (id !== undefined && ids.has(id)) issues.add(`${p}.id`, 'programs.duplicate_id', { id });
    if (id !== undefined) ids.add(id);
    const label = checkLocalized(issues, `${p}.label`, a?.label);
    const anchor = checkOneOf(issues, `${p}.anchor`, a?.anchor ?? 'first_session', ['screening', 'first_session'] as const);
    const dayOffset = checkNumber(issues, `${p}.dayOffset`, anchor === 'screening' ? (a?.dayOffset ?? 0) : a?.dayOffset, {
      integer: true,
      min: -180,
      max: 3650,
    });
    const before = checkNumber(issues, `${p}.windowBeforeDays`, a?.windowBeforeDays ?? 0, { integer: true, min: 0, max: 180 });
    const after = checkNumber(issues, `${p}.windowAfterDays`, a?.windowAfterDays ?? 0, { integer: true, min: 0, max: 180 });
    const scales: string[] = [];
    listOf(issues, `${p}.scales`, a?.scales).forEach((s, j) => {
      const sid = checkId(issues, `${p}.scales[${j}]`, s);
      if (sid !== undefined) scales.push(sid);
    });
    const biomarkers: AnalyteId[] = [];
    listOf(issues, `${p}.biomarkers`, a?.biomarkers).forEach((b, j) => {
      if (!isAnalyteId(b)) issues.add(`${p}.biomarkers[${j}]`, 'labs.unknown_analyte', { analyte: String(b) });
      else biomarkers.push(b);
    });
    if (scales.length === 0 && biomarkers.length === 0 && a?.scales === undefined && a?.biomarkers === undefined) {
      issues.add(`${p}.scales`, 'programs.visit_measures_nothing');
    }
    const baseline =
      a?.baseline === undefined ? undefined : checkOneOf(issues, `${p}.baseline`, a.baseline, ['screening', 'pre_treatment'] as const);
    if (anchor === 'screening' && baseline === 'pre_treatment') issues.add(`${p}.baseline`, 'programs.pre_treatment_baseline_at_screening');
    // A pre-treatment baseline measured after the first dose would not be a baseline.
    if (baseline === 'pre_treatment' && dayOffset !== undefined && after !== undefined && dayOffset + after > 0) {
      issues.add(`${p}.windowAfterDays`, 'programs.pre_treatment_baseline_after_dosing');
    }
    const inClinic = a?.inClinic ?? biomarkers.length > 0;
    if (biomarkers.length > 0 && !inClinic) issues.add(`${p}.inClinic`, 'programs.blood_draw_needs_clinic');
    if (id && label && anchor && dayOffset !== undefined && before !== undefined && after !== undefined) {
      out.push({
        id,
        label,
        anchor,
        dayOffset,
        windowBeforeDays: before,
        windowAfterDays: after,
        scales,
        biomarkers,
        inClinic,
        ...(baseline ? { baseline } : {}),
      });
    }
  });
  if (!out.some((a) => a.baseline === 'screening')) issues.add('assessments', 'programs.two_baselines_required', { missing: 'screening' });
  if (!out.some((a) => a.baseline === 'pre_treatment')) {
    issues.add('assessments', 'programs.two_baselines_required', { missing: 'pre_treatment' });
  }
  return out;
}
