import { DomainError } from '@mimamori/core';
import { preparePlan } from '@mimamori/core/outcome/lock-analysis-plan';
import { appendAudit } from '../repos/audit-repo.ts';
import type { Db } from '../repos/db.ts';
import { insertAnalysisPlan, listAnalysisPlans, lockDraftPlan, updateDraftPlan, type AnalysisPlanRow } from '../repos/outcome/analysis-plan-repo.ts';
import { clinicOfProgram } from '../repos/programs/program-data-cut-repo.ts';
import { newId } from '../security/tokens.ts';
import { isUniqueViolation } from '../dialects/database-errors.ts';
import { writeTransaction } from '../dialects/write-transaction.ts';

async function clinicFor(db: Db, programId: string): Promise<string> {
  const clinicId = await clinicOfProgram(db, programId);
  if (!clinicId) throw new DomainError('not_found', { key: 'program.not_found', message: `no program "${programId}"` });
  return clinicId;
}

/** The plan a data cut uses: the version asked for, else the latest locked version, else the latest draft, else none. */
export async function planForCut(db: Db, programId: string, version?: number): Promise<AnalysisPlanRow | undefined> {
  const rows = await listAnalysisPlans(db, await clinicFor(db, programId), programId);
  if (version !== undefined) {
    const row = rows.find((r) => r.version === version);
    if (!row) throw new DomainError('not_found', { key: 'plan.version_not_found', params: { version }, message: `the plan has no version ${version}` });
    return row;
  }
  return [...rows].reverse().find((r) => r.locked_at !== null) ?? rows[rows.length - 1];
}

/** What a plan change writes to the audit chain; the server adds the staff member and the request. */
export interface PlanAuditEvent {
  readonly action: 'analysis_plan.create' | 'analysis_plan.update' | 'analysis_plan.amend' | 'analysis_plan.lock';
  readonly resourceId: string;
  readonly detail?: string;
}

type PlanAudit = (tx: Db, e: PlanAuditEvent) => Promise<void>;

/** The command line's audit row (no staff member). */
function cliAudit(o: { clinicId: string; at: string; actor?: string }): PlanAudit {
  return (tx, e) => appendAudit(tx, { at: o.at, clinicId: o.clinicId, actorId: null, actorRole: o.actor ?? 'cli', action: e.action, resource: 'analysis_plan', resourceId: e.resourceId, outcome: 'success', detail: e.detail ?? null });
}

export async function listPlanVersions(db: Db, programId: string): Promise<AnalysisPlanRow[]> {
  return listAnalysisPlans(db, await clinicFor(db, programId), programId);
}

/**
 * Saves a plan: edits the draft when the latest version is one, otherwise starts a new version
 * (an amendment of a locked plan, which needs a reason). The plan is checked before anything is
 * written; the write and its audit row commit together.
 */
export async function saveAnalysisPlan(db: Db, o: { programId: string; plan: unknown; reason?: string; now: Date; actor?: string; clinicId?: string; createdBy?: string; audit?: PlanAudit }): Promise<{ version: number; created: boolean }> {
  const clinicId = await clinicFor(db, o.programId);
  if (o.clinicId !== undefined && o.clinicId !== clinicId) throw new DomainError('not_found', { key: 'program.not_found', message: `no program "${o.programId}"` });
  const audit = o.audit ?? cliAudit({ clinicId, at: o.now.toISOString(), actor: o.actor });
  try {
    return await writeTransaction(db, async (tx) => {
      const rows = await listAnalysisPlans(tx, clinicId, o.programId);
      const latest = rows[rows.length - 1];
      const now = o.now.toISOString();
      if (latest && latest.locked_at === null) {
        const { plan } = preparePlan({ plan: o.plan, version: latest.version, lockedAt: null });
        if (!(await updateDraftPlan(tx, { clinicId, programId: o.programId, version: latest.version, planJson: JSON.stringify(plan) }))) throw new DomainError('conflict', { key: 'plan.locked_meanwhile', message: `version ${latest.version} was locked meanwhile; save again to amend it` });
        await audit(tx, { action: 'analysis_plan.update', resourceId: `${o.programId}:${latest.version}` });
        return { version: latest.version, created: false };
      }
      if (latest && !o.reason?.trim()) throw new DomainError('validation', { key: 'plan.amendment_reason', message: `version ${latest.version} is locked: an amendment needs a reason (--reason)` });
      const version = (latest?.version ?? 0) + 1;
      const { plan } = preparePlan({ plan: o.plan, version, lockedAt: null });
      await insertAnalysisPlan(tx, { id: newId(), clinic_id: clinicId, program_id: o.programId, version, plan_json: JSON.stringify(plan), sha256: null, locked_at: null, locked_by: null, amendment_reason: latest ? o.reason!.trim() : null, created_by: o.createdBy ?? null, created_at: now });
      await audit(tx, { action: latest ? 'analysis_plan.amend' : 'analysis_plan.create', resourceId: `${o.programId}:${version}` });
      return { version, created: true };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', { key: 'plan.version_taken', message: 'another version of the plan was saved at the same time; try again' });
    throw e;
  }
}

/**
 * Locks the latest draft: its canonical JSON (with `lockedAt`) is hashed and the hash goes into the
 * audit chain with the lock. A locked version never changes; locking twice is refused.
 */
export async function lockAnalysisPlan(db: Db, o: { programId: string; now: Date; actor?: string; clinicId?: string; lockedBy?: string; audit?: PlanAudit }): Promise<{ version: number; sha256: string; lockedAt: string }> {
  const clinicId = await clinicFor(db, o.programId);
  if (o.clinicId !== undefined && o.clinicId !== clinicId) throw new DomainError('not_found', { key: 'program.not_found', message: `no program "${o.programId}"` });
  const audit = o.audit ?? cliAudit({ clinicId, at: o.now.toISOString(), actor: o.actor });
  return writeTransaction(db, async (tx) => {
    const rows = await listAnalysisPlans(tx, clinicId, o.programId);
    const latest = rows[rows.length - 1];
    if (!latest) throw new DomainError('invalid_state', { key: 'plan.none', message: 'the program has no analysis plan to lock' });
    if (latest.locked_at !== null) throw new DomainError('invalid_state', { key: 'plan.already_locked', message: `version ${latest.version} is already locked` });
    const lockedAt = o.now.toISOString();
    const { plan, sha256 } = preparePlan({ plan: JSON.parse(latest.plan_json), version: latest.version, lockedAt });
    if (!(await lockDraftPlan(tx, { clinicId, programId: o.programId, version: latest.version, planJson: JSON.stringify(plan), sha256, lockedAt, lockedBy: o.lockedBy ?? o.actor ?? 'cli' }))) {
      throw new DomainError('invalid_state', { key: 'plan.already_locked', message: `version ${latest.version} is already locked` });
    }
    await audit(tx, { action: 'analysis_plan.lock', resourceId: `${o.programId}:${latest.version}`, detail: `sha256=${sha256}` });
    return { version: latest.version, sha256, lockedAt };
  });
}
