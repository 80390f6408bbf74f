import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mimamori/core';
import { checkPlanForProgram, draftPlanFor, parseAnalysisPlan } from '@mimamori/core/outcome/index';
import type { ProgramDefinition } from '@mimamori/core/programs/program-definition';
import { isDomainError } from '@mimamori/core/errors/domain-error';
import { firstEnrolmentDate, listAnalysisPlans, listLatestPrograms, lockAnalysisPlan, saveAnalysisPlan, type Db, type PlanAuditEvent } from '@mimamori/storage';
import { auditRequest, auditAloneRequest } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { langOf } from '../../i18n/lang.ts';

/** The program's latest definition in the session's clinic; another clinic's program is not found. */
export async function programFor(deps: AppDeps, req: FastifyRequest, programId: string): Promise<ProgramDefinition> {
  const row = (await listLatestPrograms(deps.db.db, req.staff!.clinicId)).find((p) => p.program_id === programId);
  if (!row) throw new DomainError('not_found', { key: 'program.not_found', message: `no program "${programId}"` });
  return JSON.parse(row.definition_json) as ProgramDefinition;
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
export async function listPlans(deps: AppDeps, req: FastifyRequest, programId: string) {
  const clinicId = req.staff!.clinicId;
  const program = await programFor(deps, req, programId);
  const rows = await listAnalysisPlans(deps.db.db, clinicId, programId);
  const first = await firstEnrolmentDate(deps.db.db, clinicId, programId);
  await auditAloneRequest(deps, req, { action: 'analysis_plan.read', resource: 'program', resourceId: programId });
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
      // A lock on the day of the first enrolment does not count as before it (as in the data cut).
      lockedBeforeFirstEnrolment: r.locked_at === null ? null : first === null ? true : r.locked_at.slice(0, 10) < first,
    })),
  };
}

/**
 * Checks a plan for the program before anything is written: every problem comes back at once,
 * each with its field path and a message in the request's language.
 */
function checkPlan(req: FastifyRequest, plan: Record<string, unknown>, program: ProgramDefinition): void {
  const lang = langOf(req.headers['accept-language']);
  const translate = req.server.appState.messages.translate;
  const issues = checkPlanForProgram(plan, program).map((i) => ({ path: i.path, message: translate(i.key, lang, i.params) }));
  try {
    parseAnalysisPlan({ ...plan, version: 1, lockedAt: null });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    for (const d of e.details) issues.push({ path: d.path.replace(/^plan\.json:/, ''), message: translate('plan.field.invalid', lang, { detail: d.message }) });
  }
  if (issues.length) throw new DomainError('validation', { key: 'plan.invalid', message: 'the analysis plan has problems', details: issues });
}

const planAudit = (deps: AppDeps, req: FastifyRequest) => (tx: Db, e: PlanAuditEvent) =>
  auditRequest(deps, tx, req, { action: e.action, resource: 'analysis_plan', resourceId: e.resourceId, detail: e.detail ?? null });

/** Saves the draft, or starts an amendment (a new version, with its reason) of a locked plan. */
export async function savePlan(deps: AppDeps, req: FastifyRequest, programId: string, body: { readonly plan: Record<string, unknown>; readonly reason?: string }) {
  const program = await programFor(deps, req, programId);
  checkPlan(req, body.plan, program);
  const latest = (await listAnalysisPlans(deps.db.db, req.staff!.clinicId, programId)).at(-1);
  if (latest?.locked_at && !body.reason?.trim()) {
    throw new DomainError('validation', { key: 'plan.amendment_reason', message: 'an amendment needs a reason', details: [{ path: 'reason', message: 'plan.amendment_reason' }] });
  }
  return saveAnalysisPlan(deps.db.db, {
    programId, plan: body.plan, reason: body.reason, now: deps.clock(),
    clinicId: req.staff!.clinicId, createdBy: req.staff!.staffId, audit: planAudit(deps, req),
  });
}

/** Locks the latest draft: its canonical JSON is hashed (SHA-256) and the hash goes into the audit chain. */
export async function lockPlan(deps: AppDeps, req: FastifyRequest, programId: string) {
  const program = await programFor(deps, req, programId);
  const latest = (await listAnalysisPlans(deps.db.db, req.staff!.clinicId, programId)).at(-1);
  if (latest && latest.locked_at === null) checkPlan(req, JSON.parse(latest.plan_json) as Record<string, unknown>, program);
  return lockAnalysisPlan(deps.db.db, {
    programId, now: deps.clock(), clinicId: req.staff!.clinicId, lockedBy: req.staff!.staffId, audit: planAudit(deps, req),
  });
}
