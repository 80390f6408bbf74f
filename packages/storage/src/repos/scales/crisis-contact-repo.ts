import type { Insertable, Selectable } from 'kysely';
import type { CrisisContactTable } from '../../schema/scales-tables.ts';
import type { Db } from '../db.ts';

export type CrisisContactRow = Selectable<CrisisContactTable>;

export async function listCrisisContacts(db: Db, clinicId: string): Promise<CrisisContactRow[]> {
  return db.selectFrom('crisis_contacts').selectAll().where('clinic_id', '=', clinicId).orderBy('position').execute();
}

/** Replaces the clinic's whole list (it is edited as one list, in order). */
export async function replaceCrisisContacts(db: Db, clinicId: string, rows: ReadonlyArray<Insertable<CrisisContactTable>>): Promise<void> {
  await db.deleteFrom('crisis_contacts').where('clinic_id', '=', clinicId).execute();
  if (rows.length > 0) await db.insertInto('crisis_contacts').values([...rows]).execute();
}
