import { DomainError, type Issue } from '@mimamori/core';
import { checkPlanForProgram, draftPlanFor, outcomeCheckText, parseAnalysisPlan } from '@mimamori/core/outcome/index';
import type { ProgramDefinition } from '@mimamori/core/programs/program-definition';
import { isDomainError } from '@mimamori/core/errors/domain-error';
import { firstEnrolmentDate, listAnalysisPlans, listLatestPrograms, lockAnalysisPlan, saveAnalysisPlan, type Db, type PlanAuditEvent } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';

/** The program's latest definition in the staff member's clinic; another clinic's program is not found. */
export async function programFor(ctx: RequestContext, input: { readonly programId: string }): Promise<ProgramDefinition> {
  const staff = requireStaff(ctx);
  const row = (await listLatestPrograms(ctx.db.db, staff.clinicId)).find((p) => p.program_id === input.programId);
  if (!row) throw new DomainError('not_found', { key: 'program.not_found', message: `no program "${input.programId}"` });
  return JSON.parse(row.definition_json) as ProgramDefinition;
}

/** A lock on the day of the first enrolment does not count as before it (as in the data cut). */
export function lockedBeforeFirstEnrolment(lockedAt: string | null, firstEnrolment: string | null): boolean | null {
  return lockedAt === null ? null : firstEnrolment === null ? true : lockedAt.slice(0, 10) < firstEnrolment;
}

/** What the plan form offers: the program's visits with their scales and analytes (no patient data). */
function programChoices(program: ProgramDefinition) {
  return {
    id: program.id,
    version: program.version,
    title: program.title,
    visits: program.assessments.map((a) => ({ id: a.id, label: a.label, baseline: a.baseline ?? null, postBaseline: a.anchor === 'first_session' && !a.baseline, dayOffset: a.anchor === 'first_session' ? a.dayOffset : null, scales: a.scales, biomarkers: a.biomarkers })),
  };
}

/**
 * Every version of the program's analysis plan (oldest first) with its lock, hash and amendment
 * reason, whether it was locked before the first enrolment, and the program's visits for the form,
 * with the draft the form starts from when no plan is stored (the per-protocol definition from the
 * program's course). The read is audited.
 */
export async function listPlans(ctx: RequestContext, input: { readonly programId: string }) {
  const { clinicId } = requireStaff(ctx);
  const { programId } = input;
  const program = await programFor(ctx, { programId });
  const rows = await listAnalysisPlans(ctx.db.db, clinicId, programId);
  const first = await firstEnrolmentDate(ctx.db.db, clinicId, programId);
  await auditAlone(ctx, { action: 'analysis_plan.read', resource: 'program', resourceId: programId });
  return {
    program: programChoices(program),
    draft: (({ version: _v, lockedAt: _l, ...plan }) => plan)(draftPlanFor(program)),
    versions: rows.map((r) => ({
      version: r.version,
      plan: JSON.parse(r.plan_json) as Record<string, unknown>,
      sha256: r.sha256,
      lockedAt: r.locked_at,
      amendmentReason: r.amendment_reason,
      createdAt: r.created_at,
      lockedBeforeFirstEnrolment: lockedBeforeFirstEnrolment(r.locked_at, first),
    })),
  };
}

/**
 * Checks a plan for the program before anything is written: every problem comes back at once,
 * each with its field path and message key (the error handler words them in the reader's language).
 */
function checkPlan(plan: Record<string, unknown>, program: ProgramDefinition): void {
  const issues: Issue[] = checkPlanForProgram(plan, program).map((i) => ({ path: i.path, key: i.key, params: i.params }));
  try {
    parseAnalysisPlan({ ...plan, version: 1, lockedAt: null });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    for (const i of e.issues) issues.push({ path: i.path.replace(/^plan\.json:/, ''), key: 'plan.field.invalid', params: { detail: outcomeCheckText(i) } });
  }
  if (issues.length) throw new DomainError('validation', { key: 'plan.invalid', message: 'the analysis plan has problems', issues });
}

const planAudit = (ctx: RequestContext) => (tx: Db, e: PlanAuditEvent) =>
  audit(ctx, tx, { action: e.action, resource: 'analysis_plan', resourceId: e.resourceId, detail: e.detail ?? null });

/** Saves the draft, or starts an amendment (a new version, with its reason) of a locked plan. */
export async function savePlan(ctx: RequestContext, input: { readonly programId: string; readonly plan: Record<string, unknown>; readonly reason?: string }) {
  const staff = requireStaff(ctx);
  const { programId } = input;
  const program = await programFor(ctx, { programId });
  checkPlan(input.plan, program);
  const latest = (await listAnalysisPlans(ctx.db.db, staff.clinicId, programId)).at(-1);
  if (latest?.locked_at && !input.reason?.trim()) {
    throw new DomainError('validation', { key: 'plan.amendment_reason', message: 'an amendment needs a reason', issues: [{ path: 'reason', key: 'plan.amendment_reason' }] });
  }
  return saveAnalysisPlan(ctx.db.db, {
    programId, plan: input.plan, reason: input.reason, now: ctx.clock(),
    clinicId: staff.clinicId, createdBy: staff.staffId, audit: planAudit(ctx),
  });
}

/** Locks the latest draft: its canonical JSON is hashed (SHA-256) and the hash goes into the audit chain. */
export async function lockPlan(ctx: RequestContext, input: { readonly programId: string }) {
  const staff = requireStaff(ctx);
  const { programId } = input;
  const program = await programFor(ctx, { programId });
  const latest = (await listAnalysisPlans(ctx.db.db, staff.clinicId, programId)).at(-1);
  if (latest && latest.locked_at === null) checkPlan(JSON.parse(latest.plan_json) as Record<string, unknown>, program);
  return lockAnalysisPlan(ctx.db.db, {
    programId, now: ctx.clock(), clinicId: staff.clinicId, lockedBy: staff.staffId, audit: planAudit(ctx),
  });
}
