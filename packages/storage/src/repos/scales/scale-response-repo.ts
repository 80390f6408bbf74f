import type { Insertable, Selectable } from 'kysely';
import type { ScaleResponseTable, ScaleScoreTable } from '../../schema/scales-tables.ts';
import type { Db } from '../db.ts';

export type ScaleResponseRow = Selectable<ScaleResponseTable>;
export type ScaleScoreRow = Selectable<ScaleScoreTable>;

/** Stores a submitted response (immutable from then on) in the caller's transaction. */
export async function insertScaleResponse(db: Db, row: Insertable<ScaleResponseTable>): Promise<void> {
  await db.insertInto('scale_responses').values(row).execute();
}

export async function insertScaleScore(db: Db, row: Insertable<ScaleScoreTable>): Promise<void> {
  await db.insertInto('scale_scores').values(row).execute();
}

export async function getScaleResponse(db: Db, clinicId: string, id: string): Promise<ScaleResponseRow | undefined> {
  return db.selectFrom('scale_responses').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

export async function findScaleResponseByKey(db: Db, clinicId: string, idempotencyKey: string): Promise<ScaleResponseRow | undefined> {
  return db.selectFrom('scale_responses').selectAll().where('clinic_id', '=', clinicId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

export async function findScaleResponseByInstance(db: Db, clinicId: string, instanceId: string): Promise<ScaleResponseRow | undefined> {
  return db.selectFrom('scale_responses').selectAll().where('clinic_id', '=', clinicId).where('instance_id', '=', instanceId).executeTakeFirst();
}

export async function getScaleScoreOfResponse(db: Db, clinicId: string, responseId: string): Promise<ScaleScoreRow | undefined> {
  return db.selectFrom('scale_scores').selectAll().where('clinic_id', '=', clinicId).where('response_id', '=', responseId).orderBy('scored_at', 'desc').executeTakeFirst();
}

/** Every response of a patient with its score, oldest first (the timeline). */
export async function listPatientScaleResults(db: Db, o: { clinicId: string; patientId: string; scaleId?: string }) {
  let q = db
    .selectFrom('scale_responses as r')
    .innerJoin('scale_scores as s', 's.response_id', 'r.id')
    .select([
      'r.id as response_id', 'r.instance_id', 'r.scale_id', 'r.scale_version', 'r.informant', 'r.source', 'r.answers_json', 'r.entered_by', 'r.submitted_at',
      's.valid', 's.total', 's.band', 's.band_set', 's.missing', 's.prorated', 's.subscales_json', 's.flags_json', 's.reason_json',
    ])
    .where('r.clinic_id', '=', o.clinicId)
    .where('r.patient_id', '=', o.patientId);
  if (o.scaleId) q = q.where('r.scale_id', '=', o.scaleId);
  return q.orderBy('r.submitted_at', 'asc').orderBy('r.id').execute();
}
