import type { Selectable } from 'kysely';
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
