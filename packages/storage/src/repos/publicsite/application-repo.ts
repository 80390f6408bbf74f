import type { Db } from '../db.ts';

export interface ApplicationRow {
  readonly id: string;
  readonly programId: string;
  readonly pageVersion: number;
  readonly data: unknown;
  readonly status: string;
  readonly patientId: string | null;
  readonly appointmentId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

type Row = { id: string; program_id: string; page_version: number; data_json: string; status: string; patient_id: string | null; appointment_id: string | null; created_at: string; updated_at: string; updated_by: string | null };
const toRow = (r: Row): ApplicationRow => ({
  id: r.id, programId: r.program_id, pageVersion: r.page_version, data: JSON.parse(r.data_json), status: r.status, patientId: r.patient_id, appointmentId: r.appointment_id,
  createdAt: r.created_at, updatedAt: r.updated_at, updatedBy: r.updated_by,
});

export async function insertApplication(db: Db, o: { id: string; clinicId: string; programId: string; pageVersion: number; data: unknown; now: string }): Promise<void> {
  await db
    .insertInto('recruitment_applications')
    .values({ id: o.id, clinic_id: o.clinicId, program_id: o.programId, page_version: o.pageVersion, data_json: JSON.stringify(o.data), status: 'new', patient_id: null, appointment_id: null, created_at: o.now, updated_at: o.now, updated_by: null })
    .execute();
}

/** The clinic's applications, oldest first (the order staff call back in), optionally of some statuses. */
export async function listApplications(db: Db, o: { clinicId: string; statuses?: ReadonlyArray<string> }): Promise<ApplicationRow[]> {
  let q = db.selectFrom('recruitment_applications').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.statuses && o.statuses.length > 0) q = q.where('status', 'in', [...o.statuses]);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toRow);
}

export async function getApplication(db: Db, clinicId: string, id: string): Promise<ApplicationRow | undefined> {
  const r = await db.selectFrom('recruitment_applications').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** Moves an application to `status` when it is still at `from`; false when someone moved it first. */
export async function updateApplicationStatus(
  db: Db,
  o: { clinicId: string; id: string; from: string; status: string; patientId?: string | null; appointmentId?: string | null; now: string; by: string },
): Promise<boolean> {
  const r = await db
    .updateTable('recruitment_applications')
    .set({
      status: o.status, updated_at: o.now, updated_by: o.by,
      ...(o.patientId !== undefined ? { patient_id: o.patientId } : {}),
      ...(o.appointmentId !== undefined ? { appointment_id: o.appointmentId } : {}),
    })
    .where('clinic_id', '=', o.clinicId).where('id', '=', o.id).where('status', '=', o.from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many applications of each program are at each status (the flow: applied → contacted → screening booked). */
export async function countApplications(db: Db, clinicId: string): Promise<Array<{ programId: string; status: string; n: number }>> {
  const rows = await db
    .selectFrom('recruitment_applications')
    .select(['program_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('clinic_id', '=', clinicId)
    .groupBy(['program_id', 'status'])
    .execute();
  return rows.map((r) => ({ programId: r.program_id, status: r.status, n: Number(r.n) }));
}

/**
 * The status of each application sent for a program up to `until`, and whether a screening visit
 * was named on it: the recruitment stages of the program's data cut (no applicant data is read).
 */
export async function applicationStatesOfProgram(db: Db, o: { clinicId: string; programId: string; until: string }): Promise<Array<{ status: string; appointmentBooked: boolean }>> {
  const rows = await db
    .selectFrom('recruitment_applications')
    .select(['status', 'appointment_id'])
    .where('clinic_id', '=', o.clinicId).where('program_id', '=', o.programId).where('created_at', '<=', o.until)
    .orderBy('created_at').orderBy('id')
    .execute();
  return rows.map((r) => ({ status: r.status, appointmentBooked: r.appointment_id !== null }));
}

/** The application a screening visit was booked for, if any (the newest when more than one named it). */
export async function applicationOfAppointment(db: Db, clinicId: string, appointmentId: string): Promise<ApplicationRow | undefined> {
  const r = await db.selectFrom('recruitment_applications').selectAll().where('clinic_id', '=', clinicId).where('appointment_id', '=', appointmentId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return r ? toRow(r) : undefined;
}
