import type { Selectable } from 'kysely';
import type { PatientLinkTable, PatientSessionTable } from '../schema.ts';
import type { Db } from './db.ts';

export type PatientLinkRow = Selectable<PatientLinkTable>;
export type PatientSessionRow = Selectable<PatientSessionTable>;

export async function insertPatientLink(db: Db, l: PatientLinkRow): Promise<void> {
  await db.insertInto('patient_links').values(l).execute();
}

export async function getPatientLink(db: Db, id: string): Promise<PatientLinkRow | undefined> {
  return db.selectFrom('patient_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Counts one use if the link still has uses left (compare-and-swap); false when used up. */
export async function usePatientLink(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('patient_links')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb('uses', '<', eb.ref('max_uses')))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Revokes every open link of a patient for one purpose and resource (a new link replaces them). */
export async function revokePatientLinks(db: Db, o: { clinicId: string; patientId: string; purpose: string; resourceId: string | null; now: string }): Promise<void> {
  let q = db
    .updateTable('patient_links')
    .set({ revoked_at: o.now })
    .where('clinic_id', '=', o.clinicId)
    .where('patient_id', '=', o.patientId)
    .where('purpose', '=', o.purpose)
    .where('revoked_at', 'is', null);
  q = o.resourceId === null ? q.where('resource_id', 'is', null) : q.where('resource_id', '=', o.resourceId);
  await q.execute();
}

export async function insertPatientSession(db: Db, s: PatientSessionRow): Promise<void> {
  await db.insertInto('patient_sessions').values(s).execute();
}

export async function getPatientSession(db: Db, id: string): Promise<PatientSessionRow | undefined> {
  return db.selectFrom('patient_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchPatientSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('patient_sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function endPatientSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('patient_sessions').set({ ended_at: now }).where('id', '=', id).where('ended_at', 'is', null).execute();
}
