import type { Selectable } from 'kysely';
import type {
  ProgramAdverseEventTable,
  ProgramConsentTable,
  ProgramDefinitionTable,
  ProgramEnrolmentEventTable,
  ProgramEnrolmentTable,
  ProgramLabResultTable,
  ProgramMedicationTable,
  ProgramSessionTable,
} from '../../schema/programs-tables.ts';
import type { Db } from '../db.ts';

export type ProgramDefinitionRow = Selectable<ProgramDefinitionTable>;
export type ProgramEnrolmentRow = Selectable<ProgramEnrolmentTable>;
export type ProgramEnrolmentEventRow = Selectable<ProgramEnrolmentEventTable>;
export type ProgramConsentRow = Selectable<ProgramConsentTable>;
export type ProgramSessionRow = Selectable<ProgramSessionTable>;
export type ProgramAdverseEventRow = Selectable<ProgramAdverseEventTable>;
export type ProgramMedicationRow = Selectable<ProgramMedicationTable>;
export type ProgramLabResultRow = Selectable<ProgramLabResultTable>;

// ---- definitions

export async function insertProgramDefinition(db: Db, row: ProgramDefinitionRow): Promise<void> {
  await db.insertInto('program_definitions').values(row).execute();
}

/** One version, or the latest when `version` is left out. */
export async function getProgramDefinition(db: Db, clinicId: string, programId: string, version?: number): Promise<ProgramDefinitionRow | undefined> {
  let q = db.selectFrom('program_definitions').selectAll().where('clinic_id', '=', clinicId).where('program_id', '=', programId);
  if (version !== undefined) q = q.where('version', '=', version);
  return q.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Every version of every program of the clinic, newest version first within a program. */
export async function listProgramDefinitions(db: Db, clinicId: string): Promise<ProgramDefinitionRow[]> {
  return db.selectFrom('program_definitions').selectAll().where('clinic_id', '=', clinicId).orderBy('program_id').orderBy('version', 'desc').execute();
}

/** Stores the exact text of a consent document once per clinic and hash. */
export async function putConsentText(db: Db, o: { clinicId: string; contentHash: string; text: string; now: string }): Promise<void> {
  const existing = await db.selectFrom('program_consent_texts').select('content_hash').where('clinic_id', '=', o.clinicId).where('content_hash', '=', o.contentHash).executeTakeFirst();
  if (existing) return;
  await db.insertInto('program_consent_texts').values({ clinic_id: o.clinicId, content_hash: o.contentHash, text: o.text, created_at: o.now }).execute();
}

export async function getConsentTexts(db: Db, clinicId: string, hashes: ReadonlyArray<string>): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.selectFrom('program_consent_texts').select(['content_hash', 'text']).where('clinic_id', '=', clinicId).where('content_hash', 'in', [...hashes]).execute();
  return new Map(rows.map((r) => [r.content_hash, r.text]));
}

// ---- enrolments

export async function insertEnrolment(db: Db, row: ProgramEnrolmentRow): Promise<void> {
  await db.insertInto('program_enrolments').values(row).execute();
}

export async function getEnrolment(db: Db, clinicId: string, id: string): Promise<ProgramEnrolmentRow | undefined> {
  return db.selectFrom('program_enrolments').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** Compare-and-swap on `row_version`; false when someone else changed the enrolment first. */
export async function updateEnrolmentIfVersion(
  db: Db,
  clinicId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<ProgramEnrolmentRow, 'id' | 'clinic_id' | 'row_version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('program_enrolments')
    .set({ ...patch, row_version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('row_version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listEnrolments(db: Db, o: { clinicId: string; programId?: string; patientId?: string }) {
  let q = db
    .selectFrom('program_enrolments')
    .innerJoin('patients', 'patients.id', 'program_enrolments.patient_id')
    .selectAll('program_enrolments')
    .select(['patients.patient_number', 'patients.name_kanji', 'patients.name_kana', 'patients.birth_date'])
    .where('program_enrolments.clinic_id', '=', o.clinicId);
  if (o.programId) q = q.where('program_enrolments.program_id', '=', o.programId);
  if (o.patientId) q = q.where('program_enrolments.patient_id', '=', o.patientId);
  return q.orderBy('program_enrolments.created_at', 'asc').execute();
}

export async function insertEnrolmentEvent(db: Db, row: ProgramEnrolmentEventRow): Promise<void> {
  await db.insertInto('program_enrolment_events').values(row).execute();
}

export async function listEnrolmentEvents(db: Db, clinicId: string, enrolmentId: string): Promise<ProgramEnrolmentEventRow[]> {
  return db.selectFrom('program_enrolment_events').selectAll().where('clinic_id', '=', clinicId).where('enrolment_id', '=', enrolmentId).orderBy('at').execute();
}

// ---- consent

export async function insertConsent(db: Db, row: ProgramConsentRow): Promise<void> {
  await db.insertInto('program_consents').values(row).execute();
}

export async function listConsents(db: Db, clinicId: string, enrolmentId: string): Promise<ProgramConsentRow[]> {
  return db.selectFrom('program_consents').selectAll().where('clinic_id', '=', clinicId).where('enrolment_id', '=', enrolmentId).orderBy('signed_at').execute();
}

export async function getConsent(db: Db, clinicId: string, id: string): Promise<ProgramConsentRow | undefined> {
  return db.selectFrom('program_consents').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

// ---- treatment sessions

export async function insertProgramSession(db: Db, row: ProgramSessionRow): Promise<void> {
  await db.insertInto('program_sessions').values(row).execute();
}

export async function listProgramSessions(db: Db, o: { clinicId: string; enrolmentIds?: ReadonlyArray<string>; patientId?: string }): Promise<ProgramSessionRow[]> {
  let q = db.selectFrom('program_sessions').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.enrolmentIds) {
    if (o.enrolmentIds.length === 0) return [];
    q = q.where('enrolment_id', 'in', [...o.enrolmentIds]);
  }
  if (o.patientId) q = q.where('patient_id', '=', o.patientId);
  return q.orderBy('started_at').execute();
}

/** "Which patients received lot X": every session whose normalised lot equals `lotKey`. */
export async function sessionsWithLot(db: Db, clinicId: string, lotKey: string) {
  return db
    .selectFrom('program_sessions')
    .innerJoin('patients', 'patients.id', 'program_sessions.patient_id')
    .innerJoin('program_enrolments', 'program_enrolments.id', 'program_sessions.enrolment_id')
    .select([
      'program_sessions.id', 'program_sessions.enrolment_id', 'program_sessions.patient_id', 'program_sessions.session_number',
      'program_sessions.started_at', 'program_sessions.record_json', 'program_enrolments.program_id',
      'patients.patient_number', 'patients.name_kanji', 'patients.name_kana',
    ])
    .where('program_sessions.clinic_id', '=', clinicId)
    .where('program_sessions.lot_key', '=', lotKey)
    .orderBy('program_sessions.started_at')
    .execute();
}

// ---- adverse events

export async function insertAdverseEvent(db: Db, row: ProgramAdverseEventRow): Promise<void> {
  await db.insertInto('program_adverse_events').values(row).execute();
}

export async function listAdverseEvents(db: Db, o: { clinicId: string; enrolmentIds?: ReadonlyArray<string>; patientId?: string }): Promise<ProgramAdverseEventRow[]> {
  let q = db.selectFrom('program_adverse_events').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.enrolmentIds) {
    if (o.enrolmentIds.length === 0) return [];
    q = q.where('enrolment_id', 'in', [...o.enrolmentIds]);
  }
  if (o.patientId) q = q.where('patient_id', '=', o.patientId);
  return q.orderBy('onset_date').orderBy('created_at').execute();
}

// ---- concomitant medication

export async function insertMedication(db: Db, row: ProgramMedicationRow): Promise<void> {
  await db.insertInto('program_medications').values(row).execute();
}

export async function updateMedication(db: Db, o: { clinicId: string; id: string; recordJson: string; now: string }): Promise<boolean> {
  const r = await db.updateTable('program_medications').set({ record_json: o.recordJson, updated_at: o.now }).where('clinic_id', '=', o.clinicId).where('id', '=', o.id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listMedications(db: Db, clinicId: string, patientId: string): Promise<ProgramMedicationRow[]> {
  return db.selectFrom('program_medications').selectAll().where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).orderBy('created_at').execute();
}

// ---- labs

export async function insertLabResults(db: Db, rows: ReadonlyArray<ProgramLabResultRow>): Promise<void> {
  // One statement per row keeps within both engines' parameter limits; the caller's transaction
  // makes the batch all or nothing.
  for (const row of rows) await db.insertInto('program_lab_results').values(row).execute();
}

export async function listLabResults(db: Db, o: { clinicId: string; patientId?: string; patientIds?: ReadonlyArray<string> }): Promise<ProgramLabResultRow[]> {
  let q = db.selectFrom('program_lab_results').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.patientId) q = q.where('patient_id', '=', o.patientId);
  if (o.patientIds) {
    if (o.patientIds.length === 0) return [];
    q = q.where('patient_id', 'in', [...o.patientIds]);
  }
  return q.orderBy('collected_at').execute();
}

/** Latest valid total per scale for a patient (from the scales feature's scores), e.g. `{ phq9: 14 }`. */
export async function latestScaleTotals(db: Db, clinicId: string, patientId: string, scaleIds: ReadonlyArray<string>): Promise<Record<string, { total: number; scoredAt: string }>> {
  if (scaleIds.length === 0) return {};
  const rows = await db
    .selectFrom('scale_scores')
    .select(['scale_id', 'total', 'scored_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('scale_id', 'in', [...scaleIds])
    .where('valid', '=', 1)
    .orderBy('scored_at', 'desc')
    .execute();
  const out: Record<string, { total: number; scoredAt: string }> = {};
  for (const r of rows) if (out[r.scale_id] === undefined && r.total !== null) out[r.scale_id] = { total: r.total, scoredAt: r.scored_at };
  return out;
}

/** Scores of a patient for the timeline. */
export async function listScaleTotals(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('scale_scores')
    .select(['id', 'scale_id', 'total', 'scored_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('valid', '=', 1)
    .orderBy('scored_at')
    .execute();
}
