import type { Db } from '../db.ts';

/** Latest version of each program of a clinic, for `mimamori program list`. */
export async function listLatestPrograms(db: Db, clinicId: string): Promise<Array<{ program_id: string; version: number; definition_json: string }>> {
  const rows = await db
    .selectFrom('program_definitions')
    .select(['program_id', 'version', 'definition_json'])
    .where('clinic_id', '=', clinicId)
    .orderBy('program_id')
    .orderBy('version', 'desc')
    .execute();
  return rows.filter((r, i) => i === 0 || rows[i - 1].program_id !== r.program_id);
}

/** The clinic a program belongs to (program ids are random, so unique across clinics). */
export async function clinicOfProgram(db: Db, programId: string): Promise<string | undefined> {
  const r = await db.selectFrom('program_definitions').select('clinic_id').where('program_id', '=', programId).executeTakeFirst();
  return r?.clinic_id;
}

/**
 * Everything a data cut of one program is made from, in one read: the enrolments (with only the
 * patient's birth date and sex, for the age band), sessions, adverse events, medications, labs and
 * the valid scale scores with their informant. Names, kana and clinic numbers are not selected.
 */
export async function loadProgramCutRows(db: Db, clinicId: string, programId: string) {
  const enrolments = await db
    .selectFrom('program_enrolments')
    .innerJoin('patients', (j) => j.onRef('patients.id', '=', 'program_enrolments.patient_id').onRef('patients.clinic_id', '=', 'program_enrolments.clinic_id'))
    .select(['program_enrolments.id', 'program_enrolments.patient_id', 'program_enrolments.status', 'program_enrolments.consent_state_json', 'program_enrolments.enrolment_date', 'program_enrolments.created_at', 'patients.birth_date', 'patients.sex'])
    .where('program_enrolments.clinic_id', '=', clinicId)
    .where('program_enrolments.program_id', '=', programId)
    .orderBy('program_enrolments.created_at')
    .execute();
  const enrolmentIds = enrolments.map((e) => e.id);
  const patientIds = [...new Set(enrolments.map((e) => e.patient_id))];
  if (enrolmentIds.length === 0) return { enrolments, sessions: [], adverseEvents: [], medications: [], labs: [], scores: [] };
  const [sessions, adverseEvents, medications, labs, scores] = await Promise.all([
    db.selectFrom('program_sessions').select(['patient_id', 'kind', 'session_number', 'started_at']).where('clinic_id', '=', clinicId).where('enrolment_id', 'in', enrolmentIds).execute(),
    db.selectFrom('program_adverse_events').select(['patient_id', 'record_json']).where('clinic_id', '=', clinicId).where('enrolment_id', 'in', enrolmentIds).execute(),
    db.selectFrom('program_medications').select(['patient_id', 'record_json']).where('clinic_id', '=', clinicId).where('patient_id', 'in', patientIds).execute(),
    db.selectFrom('program_lab_results').select(['patient_id', 'record_json']).where('clinic_id', '=', clinicId).where('patient_id', 'in', patientIds).execute(),
    db.selectFrom('scale_scores')
      .innerJoin('scale_responses', (j) => j.onRef('scale_responses.id', '=', 'scale_scores.response_id').onRef('scale_responses.clinic_id', '=', 'scale_scores.clinic_id'))
      .select(['scale_scores.patient_id', 'scale_scores.scale_id', 'scale_scores.scale_version', 'scale_scores.total', 'scale_scores.scored_at', 'scale_responses.informant'])
      .where('scale_scores.clinic_id', '=', clinicId)
      .where('scale_scores.patient_id', 'in', patientIds)
      .where('scale_scores.valid', '=', 1)
      .execute(),
  ]);
  return { enrolments, sessions, adverseEvents, medications, labs, scores };
}
