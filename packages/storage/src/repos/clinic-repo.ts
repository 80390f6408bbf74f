import type { Db } from './db.ts';

export interface ClinicRow {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

export async function insertClinic(db: Db, c: { id: string; name: string; timeZone: string; now: string }): Promise<void> {
  await db.insertInto('clinics').values({ id: c.id, name: c.name, time_zone: c.timeZone, settings_json: '{}', created_at: c.now }).execute();
}

export async function getClinic(db: Db, id: string): Promise<ClinicRow | undefined> {
  const r = await db.selectFrom('clinics').selectAll().where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, name: r.name, timeZone: r.time_zone, settings: JSON.parse(r.settings_json) as Record<string, unknown> };
}

export async function listClinics(db: Db): Promise<ClinicRow[]> {
  const rows = await db.selectFrom('clinics').selectAll().orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone, settings: JSON.parse(r.settings_json) as Record<string, unknown> }));
}

export async function countStaff(db: Db): Promise<number> {
  const r = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Staff accounts of one clinic (any status). */
export async function countClinicStaff(db: Db, clinicId: string): Promise<number> {
  const r = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).where('clinic_id', '=', clinicId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Next value of a per-clinic counter (e.g. 診察券番号), inside the caller's transaction. The row
 * update takes a write lock, so two registrations never get the same number.
 */
export async function nextCounter(db: Db, clinicId: string, name: string, start = 1): Promise<number> {
  const updated = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('clinic_id', '=', clinicId)
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirst();
  if (updated) return Number(updated.value);
  await db.insertInto('counters').values({ clinic_id: clinicId, name, value: start }).execute();
  return start;
}

/** Merges keys into a clinic's settings (JSON), in the caller's transaction. */
export async function updateClinicSettings(db: Db, clinicId: string, patch: Readonly<Record<string, unknown>>): Promise<void> {
  const row = await db.selectFrom('clinics').select('settings_json').where('id', '=', clinicId).executeTakeFirst();
  if (!row) return;
  const next = { ...(JSON.parse(row.settings_json) as Record<string, unknown>), ...patch };
  await db.updateTable('clinics').set({ settings_json: JSON.stringify(next) }).where('id', '=', clinicId).execute();
}
