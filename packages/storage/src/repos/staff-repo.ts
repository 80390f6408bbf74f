import { sql, type Selectable } from 'kysely';
import type { StaffTable } from '../schema.ts';
import type { Db } from './db.ts';

export type StaffRow = Selectable<StaffTable>;

export async function insertStaff(
  db: Db,
  s: { id: string; clinicId: string; loginId: string; displayName: string; email: string | null; role: string; status: string; now: string },
): Promise<void> {
  await db
    .insertInto('staff')
    .values({
      id: s.id, clinic_id: s.clinicId, login_id: s.loginId, display_name: s.displayName, email: s.email, role: s.role,
      password_hash: null, totp_secret: null, totp_enrolled: 0, totp_last_step: null, status: s.status,
      failed_count: 0, first_failed_at: null, locked_until: null, last_login_at: null, created_at: s.now, updated_at: s.now,
    })
    .execute();
}

export async function findStaffByLogin(db: Db, loginId: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('login_id', '=', loginId).executeTakeFirst();
}

export async function getStaff(db: Db, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getClinicStaff(db: Db, clinicId: string, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).where('clinic_id', '=', clinicId).executeTakeFirst();
}

export async function listStaff(db: Db, clinicId: string): Promise<StaffRow[]> {
  return db.selectFrom('staff').selectAll().where('clinic_id', '=', clinicId).orderBy('created_at').execute();
}

export async function updateStaff(db: Db, id: string, patch: Partial<Omit<StaffRow, 'id' | 'clinic_id' | 'created_at'>>): Promise<void> {
  await db.updateTable('staff').set(patch).where('id', '=', id).execute();
}

/**
 * Counts one failed sign-in in a single statement, so that parallel failures each add one instead
 * of overwriting each other's count. A failure after the window (`windowStart`) starts a new count;
 * the one that reaches `maxFailures` (and any that arrive with it) sets the lock.
 */
export async function recordStaffFailure(
  db: Db,
  o: { id: string; now: string; windowStart: string; maxFailures: number; lockedUntil: string },
): Promise<{ failedCount: number }> {
  const inWindow = sql<boolean>`first_failed_at > ${o.windowStart}`;
  const next = sql<number>`CASE WHEN ${inWindow} THEN failed_count + 1 ELSE 1 END`;
  const row = await db
    .updateTable('staff')
    .set({
      failed_count: next,
      first_failed_at: sql<string>`CASE WHEN ${inWindow} THEN first_failed_at ELSE ${o.now} END`,
      locked_until: sql<string | null>`CASE WHEN ${next} >= ${o.maxFailures} THEN ${o.lockedUntil} ELSE locked_until END`,
    })
    .where('id', '=', o.id)
    .returning(['failed_count', 'locked_until'])
    .executeTakeFirst();
  return { failedCount: Number(row?.failed_count ?? 0) };
}

/**
 * Uses up a TOTP time step: true for the one caller that moves `totp_last_step` forward, false for
 * every other caller with the same (or an older) step, however many arrive at once.
 */
export async function claimTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('staff')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
