import type { Selectable } from 'kysely';
import type { OutboxTable } from '../schema.ts';
import type { Db } from './db.ts';

export type OutboxRow = Selectable<OutboxTable>;

export interface OutboxAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: string;
}

export interface NewOutboxMessage {
  readonly id: string;
  readonly clinicId: string;
  readonly patientId: string | null;
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: ReadonlyArray<OutboxAttachment>;
  /** Same key → queued once (e.g. `reminder:<appointment id>:<date>`). */
  readonly dedupeKey?: string;
  /** Send no earlier than this instant (ISO). */
  readonly notBefore: string;
  readonly now: string;
  /** `mail` (the default) or `line` (then `to` is the LINE user id and `retryKey` is required). */
  readonly channel?: 'mail' | 'line';
  /** LINE's `X-Line-Retry-Key`, made once before the first attempt. */
  readonly retryKey?: string;
  /** The LINE message this mail stands in for. */
  readonly fallbackOf?: string;
}

/**
 * Queues a message in the caller's transaction (so "booking saved" and "confirmation queued" are
 * one fact). Returns false when a message with the same dedupe key is already queued or sent.
 */
export async function enqueueMail(db: Db, m: NewOutboxMessage): Promise<boolean> {
  if (m.dedupeKey) {
    const existing = await db.selectFrom('outbox').select('id').where('dedupe_key', '=', m.dedupeKey).executeTakeFirst();
    if (existing) return false;
  }
  await db
    .insertInto('outbox')
    .values({
      id: m.id, clinic_id: m.clinicId, patient_id: m.patientId, kind: m.kind, to_address: m.to, subject: m.subject, body_text: m.text,
      attachments_json: JSON.stringify(m.attachments ?? []), dedupe_key: m.dedupeKey ?? null, status: 'pending', attempts: 0,
      next_attempt_at: m.notBefore, lease_until: null, last_error: null, created_at: m.now, sent_at: null, message_id: null,
      channel: m.channel ?? 'mail', retry_key: m.retryKey ?? null, fallback_of: m.fallbackOf ?? null,
    })
    .execute();
  return true;
}

/**
 * Claims up to `limit` due messages with a lease (compare-and-swap on status), so two workers
 * never send the same message.
 */
export async function claimDueMail(db: Db, o: { now: string; leaseUntil: string; limit: number; channel?: 'mail' | 'line' }): Promise<OutboxRow[]> {
  const due = await db
    .selectFrom('outbox')
    .selectAll()
    .where('channel', '=', o.channel ?? 'mail')
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', o.now)])]))
    .where('next_attempt_at', '<=', o.now)
    .orderBy('next_attempt_at')
    .limit(o.limit)
    .execute();
  const claimed: OutboxRow[] = [];
  for (const m of due) {
    const r = await db
      .updateTable('outbox')
      .set({ status: 'sending', lease_until: o.leaseUntil, attempts: m.attempts + 1 })
      .where('id', '=', m.id)
      .where('attempts', '=', m.attempts)
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', o.now)])]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) claimed.push({ ...m, status: 'sending', lease_until: o.leaseUntil, attempts: m.attempts + 1 });
  }
  return claimed;
}

export async function markMailSent(db: Db, id: string, o: { now: string; messageId: string | null }): Promise<void> {
  await db.updateTable('outbox').set({ status: 'sent', sent_at: o.now, lease_until: null, last_error: null, message_id: o.messageId }).where('id', '=', id).execute();
}

/** A failed attempt: retried later with backoff, or marked failed for good after `maxAttempts`. */
export async function markMailFailed(db: Db, id: string, o: { error: string; nextAttemptAt: string; giveUp: boolean }): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: o.giveUp ? 'failed' : 'pending', lease_until: null, last_error: o.error.slice(0, 500), next_attempt_at: o.nextAttemptAt })
    .where('id', '=', id)
    .execute();
}

export async function listOutbox(db: Db, o: { clinicId: string; status?: string; patientId?: string; channel?: string; limit: number }): Promise<OutboxRow[]> {
  let q = db.selectFrom('outbox').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.status) q = q.where('status', '=', o.status);
  if (o.channel) q = q.where('channel', '=', o.channel);
  if (o.patientId) q = q.where('patient_id', '=', o.patientId);
  return q.orderBy('created_at', 'desc').limit(o.limit).execute();
}

/** Gives a claimed message back untouched (not an attempt): e.g. the channel is rate-limited for a while. */
export async function releaseOutboxClaim(db: Db, id: string, o: { nextAttemptAt: string }): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'pending', lease_until: null, next_attempt_at: o.nextAttemptAt, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}
