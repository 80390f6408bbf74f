import { DomainError } from '../errors/domain-error.ts';
import { sha256Hex } from '../programs/sha256.ts';
import { canonicalJson } from '../text/canonical-json.ts';
import { parseAnalysisPlan } from './analysis-plan.ts';
import type { DataCut } from './data-cut.ts';

/**
 * A data cut read under another version of its analysis plan (an amendment locked later), to be
 * reported again: the cut's rows are unchanged, the plan is replaced, and the plan the cut was made
 * under is kept in `cutPlan` so that the report can say so. Whether the new plan was locked before
 * the cut is for the report to decide (`OutcomeReport.plan.lockedBeforeCut`): a plan locked after
 * the cut makes every analysis post hoc. `lockedBeforeFirstEnrolment` is the new plan's (the
 * manifest's is the old plan's).
 *
 * @example
 * outcomeReport(cutUnderPlan(parseDataCut(files), { plan: version3, lockedBeforeFirstEnrolment: false })).plan
 * // { version: 3, lockedAt: '…', lockedBeforeCut: false, postHoc: true, cutPlan: { version: 2, … }, … }
 */
export function cutUnderPlan(cut: DataCut, input: { readonly plan: unknown; readonly lockedBeforeFirstEnrolment: boolean | null }): DataCut {
  const plan = parseAnalysisPlan(input.plan);
  if (!cut.outcomes.some((o) => o.scale === plan.primary.scale)) {
    throw new DomainError('validation', {
      key: 'data_cut.plan_scale_missing',
      params: { scale: plan.primary.scale, version: plan.version },
      issues: [{ path: 'planVersion', key: 'data_cut.plan_scale_missing', params: { scale: plan.primary.scale, version: plan.version } }],
    });
  }
  return {
    ...cut,
    plan,
    planSha256: sha256Hex(canonicalJson(input.plan)),
    manifest: { ...cut.manifest, planLockedBeforeFirstEnrolment: input.lockedBeforeFirstEnrolment },
    cutPlan: cut.cutPlan ?? { version: cut.plan.version, sha256: cut.planSha256 },
  };
}
