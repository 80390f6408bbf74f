import type { Selectable, Updateable } from 'kysely';
import type { IntakeTable } from '../../schema/intake-tables.ts';
import type { Db } from '../db.ts';

export type IntakeRow = Selectable<IntakeTable>;

export async function insertIntake(db: Db, row: IntakeRow): Promise<void> {
  await db.insertInto('intakes').values(row).execute();
}

export async function getIntake(db: Db, clinicId: string, id: string): Promise<IntakeRow | undefined> {
  return db.selectFrom('intakes').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/**
 * Writes the changes only if the stored revision is still `revision` (compare-and-swap), so two
 * devices saving at once cannot silently overwrite each other. Returns false when it lost.
 */
export async function updateIntakeIfRevision(
  db: Db,
  o: { clinicId: string; id: string; revision: number; changes: Omit<Updateable<IntakeTable>, 'id' | 'clinic_id' | 'patient_id' | 'revision'> },
): Promise<boolean> {
  const r = await db
    .updateTable('intakes')
    .set({ ...o.changes, revision: o.revision + 1 })
    .where('clinic_id', '=', o.clinicId)
    .where('id', '=', o.id)
    .where('revision', '=', o.revision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A patient's intakes, newest first. */
export async function listPatientIntakes(db: Db, clinicId: string, patientId: string): Promise<IntakeRow[]> {
  return db.selectFrom('intakes').selectAll().where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).orderBy('sent_at', 'desc').execute();
}

export interface IntakeStatusRow {
  readonly id: string;
  readonly patient_id: string;
  readonly appointment_id: string | null;
  readonly status: string;
  readonly sent_at: string;
  readonly started_at: string | null;
  readonly submitted_at: string | null;
  readonly progress_completed: number;
  readonly audience: string;
  readonly respondent: string | null;
  readonly progress_total: number;
}

/**
 * Status only (no answers) of the latest intakes of some patients or appointments — what the day
 * list shows next to each booking.
 */
export async function listIntakeStatuses(db: Db, o: { clinicId: string; patientIds?: ReadonlyArray<string>; appointmentIds?: ReadonlyArray<string> }): Promise<IntakeStatusRow[]> {
  const patientIds = o.patientIds ?? [];
  const appointmentIds = o.appointmentIds ?? [];
  if (patientIds.length === 0 && appointmentIds.length === 0) return [];
  return db
    .selectFrom('intakes')
    .select(['id', 'patient_id', 'appointment_id', 'status', 'sent_at', 'started_at', 'submitted_at', 'progress_completed', 'progress_total', 'audience', 'respondent'])
    .where('clinic_id', '=', o.clinicId)
    .where('status', '!=', 'cancelled')
    .where((eb) =>
      eb.or([
        ...(patientIds.length ? [eb('patient_id', 'in', [...patientIds])] : []),
        ...(appointmentIds.length ? [eb('appointment_id', 'in', [...appointmentIds])] : []),
      ]),
    )
    .orderBy('sent_at', 'desc')
    .execute();
}
