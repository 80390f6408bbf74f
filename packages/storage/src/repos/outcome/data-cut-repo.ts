import type { Selectable } from 'kysely';
import type { Db } from '../db.ts';
import type { DataCutTable } from '../../schema/outcome-tables.ts';

export type DataCutRow = Selectable<DataCutTable>;
export type DataCutSummary = Omit<DataCutRow, 'files_json'>;

export async function insertDataCut(db: Db, row: DataCutRow): Promise<void> {
  await db.insertInto('data_cuts').values(row).execute();
}

/** A program's data cuts, newest first, without their files. */
export async function listDataCuts(db: Db, clinicId: string, programId: string): Promise<DataCutSummary[]> {
  return db.selectFrom('data_cuts')
    .select(['id', 'clinic_id', 'program_id', 'plan_version', 'plan_sha256', 'plan_locked_at', 'sha256', 'participants', 'excluded_no_data_use', 'cut_at', 'created_by'])
    .where('clinic_id', '=', clinicId).where('program_id', '=', programId)
    .orderBy('cut_at', 'desc').orderBy('id')
    .execute();
}

/** One data cut with its files; undefined when it is not this clinic's and program's. */
export async function getDataCut(db: Db, o: { clinicId: string; programId: string; id: string }): Promise<DataCutRow | undefined> {
  return db.selectFrom('data_cuts').selectAll()
    .where('clinic_id', '=', o.clinicId).where('program_id', '=', o.programId).where('id', '=', o.id)
    .executeTakeFirst();
}

/** The first enrolment date (clinic date) of a program, or null before anyone enrolled. */
export async function firstEnrolmentDate(db: Db, clinicId: string, programId: string): Promise<string | null> {
  const r = await db.selectFrom('program_enrolments').select((eb) => eb.fn.min('enrolment_date').as('first'))
    .where('clinic_id', '=', clinicId).where('program_id', '=', programId).where('enrolment_date', 'is not', null)
    .executeTakeFirst();
  return (r?.first as string | null | undefined) ?? null;
}
