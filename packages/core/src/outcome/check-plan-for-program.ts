import { ANALYTES, isAnalyteId } from '../labs/analytes.ts';
import type { ProgramDefinition } from '../programs/program-definition.ts';

/** One problem of a plan against its program: a field path and a message key with its values. */
export interface PlanFieldIssue {
  readonly path: string;
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

interface PlanShape {
  readonly primary?: { readonly scale?: string; readonly visit?: string };
  readonly visits?: ReadonlyArray<string> | null;
  readonly secondary?: ReadonlyArray<{ readonly scale?: string; readonly visit?: string }>;
  readonly biomarkers?: ReadonlyArray<{ readonly id?: string; readonly analyte?: string; readonly sampleType?: string; readonly visit?: string }>;
  readonly severityBands?: ReadonlyArray<{ readonly id?: string; readonly min?: number; readonly max?: number }> | null;
}

/**
 * Checks a plan's references against the program it is for: the primary and secondary endpoints
 * name a scale the program measures at the pre-treatment baseline and at that post-baseline visit;
 * biomarker hypotheses name an analyte drawn at the baseline and at their visit; the visit order
 * lists only post-baseline visits and includes the primary one. Returns every problem, so a form
 * can mark each field (an empty list: the plan fits the program).
 *
 * @example
 * checkPlanForProgram({ primary: { scale: 'phq9', visit: 'week9' } }, EXOSOME_PROGRAM);
 * // [{ path: 'primary.visit', key: 'plan.field.unknown_visit', params: { visit: 'week9' } }]
 */
export function checkPlanForProgram(plan: PlanShape, program: ProgramDefinition): PlanFieldIssue[] {
  const issues: PlanFieldIssue[] = [];
  const baseline = program.assessments.find((a) => a.baseline === 'pre_treatment');
  const post = program.assessments.filter((a) => a.anchor === 'first_session' && !a.baseline);
  const visitOf = (id: string | undefined) => post.find((v) => v.id === id);
  const endpoint = (e: { scale?: string; visit?: string } | undefined, path: string) => {
    if (!e?.scale || !e.visit) return;
    const visit = visitOf(e.visit);
    if (!visit) issues.push({ path: `${path}.visit`, key: 'plan.field.unknown_visit', params: { visit: e.visit } });
    else if (!visit.scales.includes(e.scale)) issues.push({ path: `${path}.scale`, key: 'plan.field.scale_not_at_visit', params: { scale: e.scale, visit: e.visit } });
    if (!baseline?.scales.includes(e.scale)) issues.push({ path: `${path}.scale`, key: 'plan.field.scale_no_baseline', params: { scale: e.scale } });
  };
  endpoint(plan.primary, 'primary');
  (plan.secondary ?? []).forEach((s, i) => {
    endpoint(s, `secondary[${i}]`);
    if (s.scale === plan.primary?.scale && s.visit === plan.primary?.visit) issues.push({ path: `secondary[${i}].visit`, key: 'plan.field.secondary_is_primary' });
  });
  if (plan.visits) {
    plan.visits.forEach((v, i) => { if (!visitOf(v)) issues.push({ path: `visits[${i}]`, key: 'plan.field.unknown_visit', params: { visit: v } }); });
    if (plan.primary?.visit && !plan.visits.includes(plan.primary.visit)) issues.push({ path: 'visits', key: 'plan.field.visits_without_primary', params: { visit: plan.primary.visit } });
  }
  const ids = new Set<string>();
  (plan.biomarkers ?? []).forEach((b, i) => {
    const p = `biomarkers[${i}]`;
    if (b.id) {
      if (ids.has(b.id)) issues.push({ path: `${p}.id`, key: 'plan.field.duplicate_id', params: { id: b.id } });
      ids.add(b.id);
    }
    if (b.analyte && b.sampleType && isAnalyteId(b.analyte) && !ANALYTES[b.analyte].sampleTypes.includes(b.sampleType as never)) {
      issues.push({ path: `${p}.sampleType`, key: 'plan.field.sample_type', params: { analyte: b.analyte, sampleType: b.sampleType } });
    }
    if (!b.analyte || !b.visit) return;
    const visit = visitOf(b.visit);
    if (!visit) issues.push({ path: `${p}.visit`, key: 'plan.field.unknown_visit', params: { visit: b.visit } });
    else if (!visit.biomarkers.includes(b.analyte as never)) issues.push({ path: `${p}.analyte`, key: 'plan.field.analyte_not_at_visit', params: { analyte: b.analyte, visit: b.visit } });
    if (!baseline?.biomarkers.includes(b.analyte as never)) issues.push({ path: `${p}.analyte`, key: 'plan.field.analyte_no_baseline', params: { analyte: b.analyte } });
  });
  const bandIds = new Set<string>();
  (plan.severityBands ?? []).forEach((b, i) => {
    if (b.id && bandIds.has(b.id)) issues.push({ path: `severityBands[${i}].id`, key: 'plan.field.duplicate_id', params: { id: b.id } });
    if (b.id) bandIds.add(b.id);
    if (b.min !== undefined && b.max !== undefined && b.max < b.min) issues.push({ path: `severityBands[${i}].max`, key: 'plan.field.max_below_min' });
  });
  return issues;
}
