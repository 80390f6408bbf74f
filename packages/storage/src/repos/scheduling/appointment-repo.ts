import type { Selectable } from 'kysely';
import { lockKey } from '../../dialects/locks.ts';
import { isExclusionViolation } from '../../dialects/database-errors.ts';
import type { AppointmentSeriesTable, AppointmentTable, AppointmentUnitTable, PatientLoginCodeTable } from '../../schema/scheduling-tables.ts';
import type { Db } from '../db.ts';

export type AppointmentRow = Selectable<AppointmentTable>;
export type AppointmentUnitRow = Selectable<AppointmentUnitTable>;
export type AppointmentSeriesRow = Selectable<AppointmentSeriesTable>;
export type PatientLoginCodeRow = Selectable<PatientLoginCodeTable>;

/** Statuses that occupy their slot (a held one only until it expires). */
export const BLOCKING_STATUSES = ['held', 'confirmed', 'completed', 'no_show'] as const;

function fixNumbers<T extends { start_ms: number; end_ms: number }>(r: T): T {
  // PostgreSQL BIGINT arrives as a number through the pg type parser; SQLite gives numbers already.
  return { ...r, start_ms: Number(r.start_ms), end_ms: Number(r.end_ms) };
}

export async function insertAppointment(db: Db, a: AppointmentRow): Promise<void> {
  await db.insertInto('appointments').values(a).execute();
}

export async function getAppointment(db: Db, clinicId: string, id: string): Promise<AppointmentRow | undefined> {
  const r = await db.selectFrom('appointments').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
  return r && fixNumbers(r);
}

/**
 * Makes concurrent requests with one Idempotency-Key take turns until the end of their transactions,
 * so the second finds what the first stored instead of racing it for the slot.
 */
export async function lockIdempotencyKey(db: Db, o: { readonly clinicId: string; readonly key: string }): Promise<void> {
  await lockKey(db, `idempotency:${o.clinicId}:${o.key}`);
}

export async function findAppointmentByIdempotencyKey(db: Db, clinicId: string, key: string): Promise<AppointmentRow | undefined> {
  const r = await db.selectFrom('appointments').selectAll().where('clinic_id', '=', clinicId).where('idempotency_key', '=', key).executeTakeFirst();
  return r && fixNumbers(r);
}

/** What a blocking appointment contributes to availability and to the booking check. */
export type BlockingAppointment = Pick<
  AppointmentRow,
  'id' | 'service_id' | 'start_ms' | 'end_ms' | 'assignments_json' | 'status' | 'hold_expires_at' | 'buffer_before_minutes' | 'buffer_after_minutes'
>;

/**
 * The longest an appointment can last: a service is at most 1,440 minutes (core's
 * `validateService`). It gives the range query a lower bound on the start, so the index on
 * (clinic_id, start_ms) reads only the window and not the clinic's whole history.
 */
export const MAX_APPOINTMENT_MS = 1440 * 60_000;

/**
 * Appointments that block time overlapping [fromMs, toMs): held (not yet expired at `nowIso`),
 * confirmed, completed, no-show.
 */
export async function listBlockingAppointments(db: Db, o: { clinicId: string; fromMs: number; toMs: number; nowIso: string }): Promise<BlockingAppointment[]> {
  const rows = await db
    .selectFrom('appointments')
    .select(['id', 'service_id', 'start_ms', 'end_ms', 'assignments_json', 'status', 'hold_expires_at', 'buffer_before_minutes', 'buffer_after_minutes'])
    .where('clinic_id', '=', o.clinicId)
    .where('start_ms', '>', o.fromMs - MAX_APPOINTMENT_MS)
    .where('start_ms', '<', o.toMs)
    .where('end_ms', '>', o.fromMs)
    .where('status', 'in', BLOCKING_STATUSES)
    .where((eb) => eb.or([eb('status', '<>', 'held'), eb('hold_expires_at', '>', o.nowIso)]))
    .execute();
  return rows.map(fixNumbers);
}

export interface AppointmentQuery {
  readonly clinicId: string;
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly patientId?: string;
  readonly seriesId?: string;
  readonly statuses?: ReadonlyArray<string>;
  readonly limit?: number;
}

/** Appointments by range / patient / series / status, ordered by start. */
export async function listAppointments(db: Db, o: AppointmentQuery): Promise<AppointmentRow[]> {
  let q = db.selectFrom('appointments').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.fromMs !== undefined) q = q.where('end_ms', '>', o.fromMs);
  if (o.toMs !== undefined) q = q.where('start_ms', '<', o.toMs);
  if (o.patientId) q = q.where('patient_id', '=', o.patientId);
  if (o.seriesId) q = q.where('series_id', '=', o.seriesId);
  if (o.statuses && o.statuses.length) q = q.where('status', 'in', o.statuses);
  const rows = await q.orderBy('start_ms').orderBy('id').limit(o.limit ?? 2000).execute();
  return rows.map(fixNumbers);
}

/** Compare-and-swap update on `version` (which it increments). False when stale. */
export async function updateAppointmentIfVersion(
  db: Db,
  o: { clinicId: string; id: string; expectedVersion: number; patch: Partial<Omit<AppointmentRow, 'id' | 'clinic_id' | 'version'>>; requireStatus?: ReadonlyArray<string> },
): Promise<boolean> {
  let q = db
    .updateTable('appointments')
    .set({ ...o.patch, version: o.expectedVersion + 1 })
    .where('clinic_id', '=', o.clinicId)
    .where('id', '=', o.id)
    .where('version', '=', o.expectedVersion);
  if (o.requireStatus) q = q.where('status', 'in', o.requireStatus);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Active units of these resources overlapping [fromMs, toMs) (expired hold units excluded). */
export async function listActiveUnits(db: Db, o: { clinicId: string; resourceIds: ReadonlyArray<string>; fromMs: number; toMs: number; nowMs: number }): Promise<AppointmentUnitRow[]> {
  if (o.resourceIds.length === 0) return [];
  const rows = await db
    .selectFrom('appointment_units')
    .selectAll()
    .where('clinic_id', '=', o.clinicId)
    .where('resource_id', 'in', o.resourceIds)
    .where('active', '=', 1)
    .where('start_ms', '<', o.toMs)
    .where('end_ms', '>', o.fromMs)
    .where((eb) => eb.or([eb('expires_ms', 'is', null), eb('expires_ms', '>', o.nowMs)]))
    .execute();
  return rows.map((r) => ({ ...fixNumbers(r), unit_no: Number(r.unit_no) }));
}

/**
 * Frees the units of holds that lapsed before `nowMs` on these resources, so that the constraint
 * lets a new booking take them. Runs inside the booking transaction, after the resources are locked.
 */
export async function releaseExpiredUnits(db: Db, o: { clinicId: string; resourceIds: ReadonlyArray<string>; nowMs: number }): Promise<void> {
  if (o.resourceIds.length === 0) return;
  await db
    .updateTable('appointment_units')
    .set({ active: 0 })
    .where('clinic_id', '=', o.clinicId)
    .where('resource_id', 'in', o.resourceIds)
    .where('active', '=', 1)
    .where('expires_ms', 'is not', null)
    .where('expires_ms', '<=', o.nowMs)
    .execute();
}

export async function insertUnits(db: Db, units: ReadonlyArray<AppointmentUnitRow>): Promise<void> {
  if (units.length) await db.insertInto('appointment_units').values([...units]).execute();
}

/** Releases every unit of an appointment (cancel, change). */
export async function deactivateUnits(db: Db, clinicId: string, appointmentId: string): Promise<void> {
  await db.updateTable('appointment_units').set({ active: 0 }).where('clinic_id', '=', clinicId).where('appointment_id', '=', appointmentId).where('active', '=', 1).execute();
}

/** Makes a hold's units permanent; returns how many active units it still had. */
export async function confirmUnits(db: Db, clinicId: string, appointmentId: string): Promise<number> {
  const r = await db
    .updateTable('appointment_units')
    .set({ expires_ms: null })
    .where('clinic_id', '=', clinicId)
    .where('appointment_id', '=', appointmentId)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function countUnits(db: Db, clinicId: string, appointmentId: string): Promise<number> {
  const r = await db.selectFrom('appointment_units').select((eb) => eb.fn.countAll().as('n')).where('clinic_id', '=', clinicId).where('appointment_id', '=', appointmentId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertSeries(db: Db, s: AppointmentSeriesRow): Promise<void> {
  await db.insertInto('appointment_series').values(s).execute();
}

export async function getSeries(db: Db, clinicId: string, id: string): Promise<AppointmentSeriesRow | undefined> {
  return db.selectFrom('appointment_series').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** Confirmed appointments starting in [fromMs, toMs), for the day-before reminders. */
export async function listConfirmedStartingBetween(db: Db, o: { fromMs: number; toMs: number; limit?: number }): Promise<AppointmentRow[]> {
  const rows = await db
    .selectFrom('appointments')
    .selectAll()
    .where('status', '=', 'confirmed')
    .where('start_ms', '>=', o.fromMs)
    .where('start_ms', '<', o.toMs)
    .orderBy('start_ms')
    .limit(o.limit ?? 5000)
    .execute();
  return rows.map(fixNumbers);
}

export async function insertLoginCode(db: Db, c: PatientLoginCodeRow): Promise<void> {
  await db.insertInto('patient_login_codes').values(c).execute();
}

export async function getLoginCode(db: Db, id: string): Promise<PatientLoginCodeRow | undefined> {
  return db.selectFrom('patient_login_codes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Counts a try (compare-and-swap on `attempts`); false when another try got there first. */
export async function countLoginCodeAttempt(db: Db, id: string, attempts: number, usedAt: string | null): Promise<boolean> {
  const r = await db
    .updateTable('patient_login_codes')
    .set({ attempts: attempts + 1, used_at: usedAt })
    .where('id', '=', id)
    .where('attempts', '=', attempts)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Codes issued for a patient since `since` (to limit how many are mailed). */
export async function countRecentLoginCodes(db: Db, clinicId: string, patientId: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('patient_login_codes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function findPatientByNumber(db: Db, clinicId: string, patientNumber: string) {
  return db.selectFrom('patients').selectAll().where('clinic_id', '=', clinicId).where('patient_number', '=', patientNumber).executeTakeFirst();
}

/** Number, names and email of these patients (for lists and mail). */
export async function getPatientBriefs(db: Db, clinicId: string, ids: ReadonlyArray<string>) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('patients')
    .select(['id', 'patient_number', 'name_kanji', 'name_kana', 'email', 'birth_date'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Display names of staff members of a clinic, with role and status. */
export async function getStaffBriefs(db: Db, clinicId: string, ids: ReadonlyArray<string>) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('staff')
    .select(['id', 'display_name', 'role', 'status'])
    .where('clinic_id', '=', clinicId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** True for the database's refusal of two overlapping active units of one resource (both engines). */
export function isAppointmentUnitOverlap(err: unknown): boolean {
  return isExclusionViolation(err, 'appointment_units_no_overlap');
}
