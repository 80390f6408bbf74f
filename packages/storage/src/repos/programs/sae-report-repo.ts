import type { Selectable } from 'kysely';
import type { ProgramReconsentOverrideTable, ProgramSaeReportTable } from '../../schema/programs-tables.ts';
import type { Db } from '../db.ts';

export type ProgramSaeReportRow = Selectable<ProgramSaeReportTable>;

/** Stores one report of a serious adverse event (rows are only ever added). */
export async function insertSaeReport(db: Db, row: ProgramSaeReportRow): Promise<void> {
  await db.insertInto('program_sae_reports').values(row).execute();
}

/** Reports of a clinic's serious adverse events, oldest first; optionally of some events only. */
export async function listSaeReports(db: Db, o: { clinicId: string; adverseEventIds?: ReadonlyArray<string> }): Promise<ProgramSaeReportRow[]> {
  let q = db.selectFrom('program_sae_reports').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.adverseEventIds) {
    if (o.adverseEventIds.length === 0) return [];
    q = q.where('adverse_event_id', 'in', [...o.adverseEventIds]);
  }
  return q.orderBy('reported_on').orderBy('recorded_at').execute();
}

/** Every serious adverse event of a clinic (the SAE clock's input), oldest onset first. */
export async function listSeriousAdverseEvents(db: Db, clinicId: string) {
  return db.selectFrom('program_adverse_events')
    .innerJoin('program_enrolments', 'program_enrolments.id', 'program_adverse_events.enrolment_id')
    .select([
      'program_adverse_events.id', 'program_adverse_events.enrolment_id', 'program_adverse_events.patient_id', 'program_adverse_events.record_json',
      'program_enrolments.program_id', 'program_enrolments.program_version',
    ])
    .where('program_adverse_events.clinic_id', '=', clinicId).where('program_adverse_events.serious', '=', 1)
    .orderBy('program_adverse_events.onset_date').execute();
}

export type ProgramReconsentOverrideRow = Selectable<ProgramReconsentOverrideTable>;

/** Stores a doctor's override of a due re-consent (rows are only ever added). */
export async function insertReconsentOverride(db: Db, row: ProgramReconsentOverrideRow): Promise<void> {
  await db.insertInto('program_reconsent_overrides').values(row).execute();
}

/** The re-consent overrides of some enrolments (all of the clinic's when none are named), oldest first. */
export async function listReconsentOverrides(db: Db, o: { clinicId: string; enrolmentIds?: ReadonlyArray<string> }): Promise<ProgramReconsentOverrideRow[]> {
  let q = db.selectFrom('program_reconsent_overrides').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.enrolmentIds) {
    if (o.enrolmentIds.length === 0) return [];
    q = q.where('enrolment_id', 'in', [...o.enrolmentIds]);
  }
  return q.orderBy('at').execute();
}
