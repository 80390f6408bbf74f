import type { Insertable, Selectable } from 'kysely';
import type { ScaleAssignmentTable, ScaleInstanceTable } from '../../schema/scales-tables.ts';
import type { Db } from '../db.ts';

export type ScaleAssignmentRow = Selectable<ScaleAssignmentTable>;
export type ScaleInstanceRow = Selectable<ScaleInstanceTable>;

export async function insertScaleAssignment(db: Db, row: Insertable<ScaleAssignmentTable>): Promise<void> {
  await db.insertInto('scale_assignments').values(row).execute();
}

export async function getScaleAssignment(db: Db, clinicId: string, id: string): Promise<ScaleAssignmentRow | undefined> {
  return db.selectFrom('scale_assignments').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

export async function listScaleAssignments(db: Db, o: { clinicId: string; patientId: string }): Promise<ScaleAssignmentRow[]> {
  return db.selectFrom('scale_assignments').selectAll().where('clinic_id', '=', o.clinicId).where('patient_id', '=', o.patientId).orderBy('created_at', 'desc').execute();
}

export async function cancelScaleAssignment(db: Db, o: { clinicId: string; id: string; staffId: string; now: string }): Promise<boolean> {
  const r = await db
    .updateTable('scale_assignments')
    .set({ cancelled_at: o.now, cancelled_by: o.staffId })
    .where('clinic_id', '=', o.clinicId)
    .where('id', '=', o.id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.updateTable('scale_instances').set({ status: 'cancelled' }).where('clinic_id', '=', o.clinicId).where('assignment_id', '=', o.id).where('status', '=', 'open').execute();
  return true;
}

export async function insertScaleInstance(db: Db, row: Insertable<ScaleInstanceTable>): Promise<void> {
  await db.insertInto('scale_instances').values(row).execute();
}

export async function getScaleInstance(db: Db, clinicId: string, id: string): Promise<ScaleInstanceRow | undefined> {
  return db.selectFrom('scale_instances').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

export async function listScaleInstances(db: Db, o: { clinicId: string; patientId: string }): Promise<ScaleInstanceRow[]> {
  return db.selectFrom('scale_instances').selectAll().where('clinic_id', '=', o.clinicId).where('patient_id', '=', o.patientId).orderBy('opens_at').orderBy('seq').execute();
}

/** Saves the patient's in-progress answers; only while the instance is open. */
export async function saveScaleDraft(db: Db, o: { clinicId: string; id: string; draftJson: string; now: string }): Promise<boolean> {
  const r = await db
    .updateTable('scale_instances')
    .set({ draft_json: o.draftJson, draft_updated_at: o.now })
    .where('clinic_id', '=', o.clinicId)
    .where('id', '=', o.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Marks an open instance submitted (compare-and-swap). The second of two concurrent submits waits
 * for the first to commit and then updates nothing, so one instance never gets two responses.
 */
export async function claimScaleInstanceSubmit(db: Db, o: { clinicId: string; id: string; responseId: string }): Promise<boolean> {
  const r = await db
    .updateTable('scale_instances')
    .set({ status: 'submitted', response_id: o.responseId })
    .where('clinic_id', '=', o.clinicId)
    .where('id', '=', o.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markScaleLinkSent(db: Db, o: { clinicId: string; id: string; now: string }): Promise<void> {
  await db.updateTable('scale_instances').set({ link_sent_at: o.now }).where('clinic_id', '=', o.clinicId).where('id', '=', o.id).execute();
}

/** Open instances whose window is open now (all clinics; for the delivery job). */
export async function listDueScaleInstances(db: Db, o: { now: string; closesBefore?: string; limit: number }) {
  let q = db
    .selectFrom('scale_instances as i')
    .innerJoin('scale_assignments as a', 'a.id', 'i.assignment_id')
    .selectAll('i')
    .select(['a.email', 'a.created_by'])
    .where('i.status', '=', 'open')
    .where('i.opens_at', '<=', o.now)
    .where('i.closes_at', '>', o.now)
    .where('a.cancelled_at', 'is', null);
  if (o.closesBefore) q = q.where('i.closes_at', '<=', o.closesBefore);
  return q.orderBy('i.opens_at').limit(o.limit).execute();
}
