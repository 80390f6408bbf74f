import type { Selectable } from 'kysely';
import type { BreakGlassGrantTable } from '../schema.ts';
import type { Db } from './db.ts';

export type BreakGlassGrantRow = Selectable<BreakGlassGrantTable>;

export async function insertBreakGlassGrant(db: Db, row: Omit<BreakGlassGrantRow, 'reviewed_at' | 'reviewed_by'>): Promise<void> {
  await db.insertInto('break_glass_grants').values(row).execute();
}

/** The grant in force for a session at `now`, if any. */
export async function activeBreakGlassGrant(db: Db, sessionId: string, now: string): Promise<BreakGlassGrantRow | undefined> {
  return db
    .selectFrom('break_glass_grants')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function endBreakGlassGrants(db: Db, sessionId: string, now: string): Promise<number> {
  const r = await db.updateTable('break_glass_grants').set({ ended_at: now }).where('session_id', '=', sessionId).where('ended_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Every use in a clinic, newest first, with who used it and how many reads it covered (the review report). */
export async function listBreakGlassGrants(db: Db, clinicId: string, limit = 200) {
  const grants = await db
    .selectFrom('break_glass_grants as g')
    .innerJoin('staff as s', 's.id', 'g.staff_id')
    .leftJoin('staff as r', 'r.id', 'g.reviewed_by')
    .select(['g.id', 'g.staff_id', 's.display_name', 's.login_id', 's.role', 'g.reason', 'g.started_at', 'g.expires_at', 'g.ended_at', 'g.reviewed_at', 'r.display_name as reviewer_name'])
    .where('g.clinic_id', '=', clinicId)
    .orderBy('g.started_at', 'desc')
    .limit(limit)
    .execute();
  const counts = grants.length
    ? await db
        .selectFrom('audit_log')
        .select(['resource_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('action', '=', 'breakglass.access')
        .where('resource_id', 'in', grants.map((g) => g.id))
        .groupBy('resource_id')
        .execute()
    : [];
  const byGrant = new Map(counts.map((c) => [c.resource_id, Number(c.n)]));
  return grants.map((g) => ({ ...g, reads: byGrant.get(g.id) ?? 0 }));
}

/**
 * An administrator reviewed one use: marks it once (a second review changes nothing and returns
 * false). Undefined when the clinic has no such use.
 */
export async function markBreakGlassReviewed(db: Db, o: { readonly clinicId: string; readonly id: string; readonly by: string; readonly now: string }): Promise<boolean | undefined> {
  const g = await db.selectFrom('break_glass_grants').select(['id', 'reviewed_at']).where('clinic_id', '=', o.clinicId).where('id', '=', o.id).executeTakeFirst();
  if (!g) return undefined;
  if (g.reviewed_at) return false;
  const r = await db.updateTable('break_glass_grants').set({ reviewed_at: o.now, reviewed_by: o.by }).where('id', '=', o.id).where('reviewed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
