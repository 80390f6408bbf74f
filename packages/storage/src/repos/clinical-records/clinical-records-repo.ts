import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import type { CoInterventionTable, LabAnalyteTable } from '../../schema/clinical-records-tables.ts';

export type LabAnalyteRow = Selectable<LabAnalyteTable>;
export type CoInterventionRow = Selectable<CoInterventionTable>;

/** The clinic's own analytes, oldest first. */
export async function listLabAnalytes(db: Db, clinicId: string): Promise<LabAnalyteRow[]> {
  return db.selectFrom('lab_analytes').selectAll().where('clinic_id', '=', clinicId).orderBy('created_at').orderBy('analyte_id').execute();
}

export async function insertLabAnalyte(db: Db, row: LabAnalyteRow): Promise<void> {
  await db.insertInto('lab_analytes').values(row).execute();
}

export async function insertCoIntervention(db: Db, row: CoInterventionRow): Promise<void> {
  await db.insertInto('co_interventions').values(row).execute();
}

export async function updateCoIntervention(db: Db, o: { readonly clinicId: string; readonly id: string; readonly recordJson: string; readonly now: string }): Promise<boolean> {
  const r = await db.updateTable('co_interventions').set({ record_json: o.recordJson, updated_at: o.now }).where('clinic_id', '=', o.clinicId).where('id', '=', o.id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listCoInterventions(db: Db, clinicId: string, patientId: string): Promise<CoInterventionRow[]> {
  return db.selectFrom('co_interventions').selectAll().where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).orderBy('created_at').execute();
}
