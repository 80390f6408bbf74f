import type { OnCallShift } from '@mimamori/core/safety/on-call';
import { newId } from '../../security/tokens.ts';
import type { Db } from '../db.ts';

/** Rota lines that overlap [from, to), in start order. */
export async function listOnCallShifts(db: Db, o: { clinicId: string; from: string; to: string }): Promise<Array<OnCallShift & { id: string }>> {
  const rows = await db.selectFrom('oncall_shifts').selectAll().where('clinic_id', '=', o.clinicId).where('ends_at', '>', o.from).where('starts_at', '<', o.to).orderBy('starts_at').orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, staffId: r.staff_id, startsAt: r.starts_at, endsAt: r.ends_at, position: r.position }));
}

export async function insertOnCallShift(db: Db, o: { clinicId: string; shift: OnCallShift; now: string; by: string | null }): Promise<string> {
  const id = newId();
  await db.insertInto('oncall_shifts').values({
    id, clinic_id: o.clinicId, staff_id: o.shift.staffId, starts_at: o.shift.startsAt, ends_at: o.shift.endsAt, position: o.shift.position, created_at: o.now, created_by: o.by,
  }).execute();
  return id;
}

export async function deleteOnCallShift(db: Db, o: { clinicId: string; id: string }): Promise<boolean> {
  const r = await db.deleteFrom('oncall_shifts').where('clinic_id', '=', o.clinicId).where('id', '=', o.id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** A staff member's alert channels (`mail` → address). */
export async function listStaffChannels(db: Db, o: { clinicId: string; staffId?: string }) {
  let q = db.selectFrom('staff_channels').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.staffId) q = q.where('staff_id', '=', o.staffId);
  return q.orderBy('staff_id').orderBy('channel').execute();
}

/** Sets (or, with `address: null`, removes) one channel of a staff member. */
export async function putStaffChannel(db: Db, o: { clinicId: string; staffId: string; channel: string; address: string | null; now: string }): Promise<void> {
  await db.deleteFrom('staff_channels').where('clinic_id', '=', o.clinicId).where('staff_id', '=', o.staffId).where('channel', '=', o.channel).execute();
  if (o.address === null) return;
  await db.insertInto('staff_channels').values({ id: newId(), clinic_id: o.clinicId, staff_id: o.staffId, channel: o.channel, address: o.address, created_at: o.now }).execute();
}

/** Alerts whose next sending step is due (all clinics), oldest first. */
export async function listDueDispatches(db: Db, o: { now: string; limit: number }) {
  return db.selectFrom('alert_dispatch').selectAll().where('status', '=', 'waiting').where('next_at', '<=', o.now).orderBy('next_at').limit(o.limit).execute();
}

/**
 * Moves a dispatch on (compare-and-swap on its level and time), so two runs of the job never send
 * the same step twice. False when someone else moved it first.
 */
export async function advanceDispatch(db: Db, o: { alertId: string; fromLevel: number; fromNextAt: string | null; level: number; nextAt: string | null; status: string; now: string }): Promise<boolean> {
  let q = db.updateTable('alert_dispatch').set({ level: o.level, next_at: o.nextAt, status: o.status, updated_at: o.now }).where('alert_id', '=', o.alertId).where('level', '=', o.fromLevel).where('status', '=', 'waiting');
  q = o.fromNextAt === null ? q.where('next_at', 'is', null) : q.where('next_at', '=', o.fromNextAt);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
