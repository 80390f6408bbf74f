import type { Selectable } from 'kysely';
import type { LineChannelTable, LineLinkCodeTable, LineLinkTable } from '../../schema/line-tables.ts';
import type { Db } from '../db.ts';

export type LineChannelRow = Selectable<LineChannelTable>;
export type LineLinkRow = Selectable<LineLinkTable>;
export type LineLinkCodeRow = Selectable<LineLinkCodeTable>;

export async function getLineChannel(db: Db, clinicId: string): Promise<LineChannelRow | undefined> {
  return db.selectFrom('line_channels').selectAll().where('clinic_id', '=', clinicId).executeTakeFirst();
}

/** Saves the clinic's channel (sealed values from the caller); a new secret or token clears the last check. */
export async function saveLineChannel(db: Db, row: LineChannelRow): Promise<void> {
  const existing = await getLineChannel(db, row.clinic_id);
  if (existing) await db.updateTable('line_channels').set(row).where('clinic_id', '=', row.clinic_id).execute();
  else await db.insertInto('line_channels').values(row).execute();
}

export async function setLineChannelCheck(db: Db, o: { clinicId: string; now: string; basicId: string | null; name: string | null; error: string | null }): Promise<void> {
  await db
    .updateTable('line_channels')
    .set(o.error ? { checked_at: o.now, check_error: o.error } : { checked_at: o.now, check_error: null, bot_basic_id: o.basicId, bot_name: o.name })
    .where('clinic_id', '=', o.clinicId)
    .execute();
}

export async function setLineQuota(db: Db, o: { clinicId: string; limit: number | null; used: number; now: string }): Promise<void> {
  await db.updateTable('line_channels').set({ quota_limit: o.limit, quota_used: o.used, quota_checked_at: o.now }).where('clinic_id', '=', o.clinicId).execute();
}

export async function insertLineLinkCode(db: Db, row: LineLinkCodeRow): Promise<void> {
  await db.insertInto('line_link_codes').values(row).execute();
}

/**
 * Uses a link code once: marks it used (compare-and-swap on `used_at`) and returns it, or undefined
 * when it is unknown, used or expired.
 */
export async function takeLineLinkCode(db: Db, o: { clinicId: string; codeHash: string; now: string }): Promise<LineLinkCodeRow | undefined> {
  const row = await db
    .selectFrom('line_link_codes')
    .selectAll()
    .where('clinic_id', '=', o.clinicId)
    .where('code_hash', '=', o.codeHash)
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= o.now) return undefined;
  const r = await db.updateTable('line_link_codes').set({ used_at: o.now }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? { ...row, used_at: o.now } : undefined;
}

export async function getLineLinkByUser(db: Db, clinicId: string, lineUserId: string): Promise<LineLinkRow | undefined> {
  return db.selectFrom('line_links').selectAll().where('clinic_id', '=', clinicId).where('line_user_id', '=', lineUserId).executeTakeFirst();
}

/** Binds a LINE user to one patient (a LINE user that was bound before moves to this patient). */
export async function bindLineUser(db: Db, o: { id: string; clinicId: string; patientId: string; lineUserId: string; asGuardian: boolean; now: string }): Promise<void> {
  const existing = await getLineLinkByUser(db, o.clinicId, o.lineUserId);
  const values = { patient_id: o.patientId, as_guardian: o.asGuardian ? 1 : 0, status: 'active', linked_at: o.now, changed_at: o.now };
  if (existing) {
    await db.updateTable('line_links').set({ ...values, preference: existing.status === 'active' && existing.patient_id === o.patientId ? existing.preference : 'line' }).where('id', '=', existing.id).execute();
  } else {
    await db.insertInto('line_links').values({ id: o.id, clinic_id: o.clinicId, line_user_id: o.lineUserId, preference: 'line', ...values }).execute();
  }
}

/** Sets the state of a LINE user's link (`unfollowed` on block, `active` again on follow). Returns the link, if any. */
export async function setLineLinkStatus(db: Db, o: { clinicId: string; lineUserId: string; status: 'active' | 'unfollowed' | 'unlinked'; now: string }): Promise<LineLinkRow | undefined> {
  const link = await getLineLinkByUser(db, o.clinicId, o.lineUserId);
  if (!link) return undefined;
  await db.updateTable('line_links').set({ status: o.status, changed_at: o.now }).where('id', '=', link.id).execute();
  return { ...link, status: o.status, changed_at: o.now };
}

/** The patient's LINE links, active first, newest first. */
export async function listLineLinks(db: Db, clinicId: string, patientId: string): Promise<LineLinkRow[]> {
  const rows = await db.selectFrom('line_links').selectAll().where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).orderBy('linked_at', 'desc').execute();
  return rows.sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
}

export async function setLineLinkPreference(db: Db, o: { clinicId: string; patientId: string; preference: string; now: string }): Promise<number> {
  const r = await db
    .updateTable('line_links')
    .set({ preference: o.preference, changed_at: o.now })
    .where('clinic_id', '=', o.clinicId)
    .where('patient_id', '=', o.patientId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function unlinkPatientLine(db: Db, o: { clinicId: string; patientId: string; now: string }): Promise<number> {
  const r = await db
    .updateTable('line_links')
    .set({ status: 'unlinked', changed_at: o.now })
    .where('clinic_id', '=', o.clinicId)
    .where('patient_id', '=', o.patientId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Records a webhook event by its `webhookEventId`; false when it was recorded before (a redelivery),
 * so each event is handled once.
 */
export async function recordLineWebhookEvent(db: Db, o: { clinicId: string; webhookEventId: string; type: string; now: string }): Promise<boolean> {
  const r = await db
    .insertInto('line_webhook_events')
    .values({ clinic_id: o.clinicId, webhook_event_id: o.webhookEventId, type: o.type, received_at: o.now })
    .onConflict((oc) => oc.columns(['clinic_id', 'webhook_event_id']).doNothing())
    .returning('webhook_event_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Pending LINE messages of a LINE user that can no longer be reached (for the move to mail). */
export async function pendingLineMessagesTo(db: Db, o: { clinicId: string; lineUserId: string }) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('clinic_id', '=', o.clinicId)
    .where('channel', '=', 'line')
    .where('to_address', '=', o.lineUserId)
    .where('status', 'in', ['pending', 'sending'])
    .execute();
}

/** Records a wrong link code sent by a LINE user. */
export async function recordLineLinkFailure(db: Db, o: { id: string; clinicId: string; lineUserId: string; now: string }): Promise<void> {
  await db.insertInto('line_link_failures').values({ id: o.id, clinic_id: o.clinicId, line_user_id: o.lineUserId, failed_at: o.now }).execute();
}

/** When a LINE user sent wrong link codes since `since` (ISO), oldest first. */
export async function lineLinkFailuresSince(db: Db, o: { clinicId: string; lineUserId: string; since: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('line_link_failures')
    .select('failed_at')
    .where('clinic_id', '=', o.clinicId)
    .where('line_user_id', '=', o.lineUserId)
    .where('failed_at', '>', o.since)
    .orderBy('failed_at')
    .execute();
  return rows.map((r) => r.failed_at);
}

/** Stores the LINE display name of a bound user (read from LINE after the link). */
export async function setLineLinkDisplayName(db: Db, o: { clinicId: string; lineUserId: string; displayName: string }): Promise<LineLinkRow | undefined> {
  const link = await getLineLinkByUser(db, o.clinicId, o.lineUserId);
  if (!link) return undefined;
  await db.updateTable('line_links').set({ display_name: o.displayName }).where('id', '=', link.id).execute();
  return { ...link, display_name: o.displayName };
}
