import type { Selectable } from 'kysely';
import type { PatientTable } from '../schema.ts';
import type { Db } from './db.ts';

export type PatientRow = Selectable<PatientTable>;

export async function insertPatient(db: Db, p: PatientRow): Promise<void> {
  await db.insertInto('patients').values(p).execute();
}

export async function getPatient(db: Db, clinicId: string, id: string): Promise<PatientRow | undefined> {
  return db.selectFrom('patients').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/**
 * Writes a new version only if the stored version is still `expectedVersion` (optimistic
 * concurrency: two staff editing at once cannot overwrite each other silently).
 */
export async function updatePatientIfVersion(db: Db, clinicId: string, id: string, expectedVersion: number, patch: Partial<PatientRow>): Promise<boolean> {
  const r = await db
    .updateTable('patients')
    .set(patch)
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertPatientVersion(
  db: Db,
  v: { clinicId: string; patientId: string; version: number; data: unknown; changedAt: string; changedBy: string | null },
): Promise<void> {
  await db
    .insertInto('patient_versions')
    .values({ clinic_id: v.clinicId, patient_id: v.patientId, version: v.version, data_json: JSON.stringify(v.data), changed_at: v.changedAt, changed_by: v.changedBy })
    .execute();
}

export async function listPatientVersions(db: Db, clinicId: string, patientId: string) {
  return db
    .selectFrom('patient_versions')
    .leftJoin('staff', 'staff.id', 'patient_versions.changed_by')
    .select(['patient_versions.version', 'patient_versions.data_json', 'patient_versions.changed_at', 'patient_versions.changed_by', 'staff.display_name'])
    .where('patient_versions.clinic_id', '=', clinicId)
    .where('patient_versions.patient_id', '=', patientId)
    .orderBy('patient_versions.version')
    .execute();
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

export interface PatientSearch {
  readonly clinicId: string;
  /** Normalised kana (prefix/contains match on the normalised フリガナ). */
  readonly kana?: string;
  /** Raw text matched against 氏名 (kanji). */
  readonly name?: string;
  readonly patientNumber?: string;
  /** Digits of a phone number (contains match on the normalised phone). */
  readonly phoneDigits?: string;
  readonly birthDate?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Search by any of the given keys (OR); every value is a bound parameter, LIKE wildcards escaped. */
export async function searchPatients(db: Db, s: PatientSearch): Promise<{ rows: PatientRow[]; total: number }> {
  let base = db.selectFrom('patients').where('clinic_id', '=', s.clinicId);
  const hasAny = s.kana || s.name || s.patientNumber || s.phoneDigits || s.birthDate;
  if (hasAny) {
    base = base.where((eb) =>
      eb.or([
        ...(s.kana ? [eb('name_kana_norm', 'like', `%${escapeLike(s.kana)}%`)] : []),
        ...(s.name ? [eb('name_kanji', 'like', `%${escapeLike(s.name)}%`)] : []),
        ...(s.patientNumber ? [eb('patient_number', '=', s.patientNumber)] : []),
        ...(s.phoneDigits ? [eb('phone_norm', 'like', `%${escapeLike(s.phoneDigits)}%`)] : []),
        ...(s.birthDate ? [eb('birth_date', '=', s.birthDate)] : []),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('name_kana_norm').orderBy('patient_number').limit(s.limit).offset(s.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Likely duplicates: same normalised kana and birth date, or same phone. */
export async function findDuplicatePatients(
  db: Db,
  d: { clinicId: string; kana?: string; birthDate?: string; phoneDigits?: string },
): Promise<PatientRow[]> {
  if (!d.kana && !d.phoneDigits) return [];
  return db
    .selectFrom('patients')
    .selectAll()
    .where('clinic_id', '=', d.clinicId)
    .where((eb) => {
      const conds = [];
      if (d.kana && d.birthDate) conds.push(eb.and([eb('name_kana_norm', '=', d.kana), eb('birth_date', '=', d.birthDate)]));
      else if (d.kana) conds.push(eb('name_kana_norm', '=', d.kana));
      if (d.phoneDigits && d.phoneDigits.length >= 10) conds.push(eb('phone_norm', '=', d.phoneDigits));
      return eb.or(conds);
    })
    .limit(10)
    .execute();
}
