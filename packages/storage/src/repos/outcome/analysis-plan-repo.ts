import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import type { AnalysisPlanTable } from '../../schema/outcome-tables.ts';

export type AnalysisPlanRow = Selectable<AnalysisPlanTable>;

/** Every version of a program's plan, oldest first. */
export async function listAnalysisPlans(db: Db, clinicId: string, programId: string): Promise<AnalysisPlanRow[]> {
  return db.selectFrom('analysis_plans').selectAll().where('clinic_id', '=', clinicId).where('program_id', '=', programId).orderBy('version').execute();
}

export async function insertAnalysisPlan(db: Db, row: AnalysisPlanRow): Promise<void> {
  await db.insertInto('analysis_plans').values(row).execute();
}

/** Replaces a draft's plan; false when the version is locked (or gone) meanwhile. */
export async function updateDraftPlan(db: Db, o: { clinicId: string; programId: string; version: number; planJson: string }): Promise<boolean> {
  const r = await db.updateTable('analysis_plans').set({ plan_json: o.planJson })
    .where('clinic_id', '=', o.clinicId).where('program_id', '=', o.programId).where('version', '=', o.version).where('locked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Locks a draft once: false when it was already locked (a concurrent lock won). */
export async function lockDraftPlan(db: Db, o: { clinicId: string; programId: string; version: number; planJson: string; sha256: string; lockedAt: string; lockedBy: string | null }): Promise<boolean> {
  const r = await db.updateTable('analysis_plans').set({ plan_json: o.planJson, sha256: o.sha256, locked_at: o.lockedAt, locked_by: o.lockedBy })
    .where('clinic_id', '=', o.clinicId).where('program_id', '=', o.programId).where('version', '=', o.version).where('locked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
