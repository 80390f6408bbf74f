import type { Selectable } from 'kysely';
import type { SessionTable } from '../schema.ts';
import type { Db } from './db.ts';

export type SessionRow = Selectable<SessionTable>;

export async function insertSession(db: Db, s: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

export async function getSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A session with what every request needs of its staff member, read in one query. */
export interface StaffSessionRow extends SessionRow {
  readonly staff_clinic_id: string;
  readonly staff_login_id: string;
  readonly staff_display_name: string;
  readonly staff_role: string;
  readonly staff_status: string;
}

/** The session and its staff member (no password hash, no TOTP secret); undefined when either is missing. */
export async function getStaffSession(db: Db, id: string): Promise<StaffSessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('staff', 'staff.id', 'sessions.staff_id')
    .selectAll('sessions')
    .select(['staff.clinic_id as staff_clinic_id', 'staff.login_id as staff_login_id', 'staff.display_name as staff_display_name', 'staff.role as staff_role', 'staff.status as staff_status'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

export async function endSession(db: Db, id: string, now: string, reason: string): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: now, end_reason: reason }).where('id', '=', id).where('ended_at', 'is', null).execute();
}

/** Ends every open session of a staff member (logout, disable, reset). Returns how many ended. */
export async function endStaffSessions(db: Db, staffId: string, now: string, reason: string): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ ended_at: now, end_reason: reason })
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
