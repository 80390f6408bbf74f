import { DomainError } from '@mimamori/core';
import { findLinkCode, LINK_CODE_FAILURE_WINDOW_MINUTES, LINK_REPLIES, lineAutoReply, linkCodeAttemptAllowed } from '@mimamori/core/line/index';
import {
  bindLineUser, enqueueMail, getClinic, getLineLinkByUser, lineLinkFailuresSince, newId, pendingLineMessagesTo, recordLineLinkFailure, recordLineWebhookEvent,
  setLineLinkDisplayName, setLineLinkStatus, takeLineLinkCode, type Db,
} from '@mimamori/storage';
import { randomUUID } from 'node:crypto';
import { audit, auditAlone } from '../../audit/audit.ts';
import { withActor, type RequestContext } from '../../request-context.ts';
import { crisisContactsOf } from '../safety/crisis-contacts.ts';
import { writeTx } from '../write-tx.ts';
import { lineSignatureValid, type LineApi } from './line-api.ts';
import { lineApiFor, loadLineChannel, type OpenLineChannel } from './line-channel-service.ts';
import { fallBackToMail } from './line-fallback.ts';
import { linkCodeHash } from './line-link-code.ts';

/** The parts of a webhook event Mimamori reads (`webhook` types of the SDK, narrowed). */
interface LineEvent {
  readonly type: string;
  readonly webhookEventId?: string;
  readonly mode?: string;
  readonly replyToken?: string;
  readonly source?: { readonly type?: string; readonly userId?: string };
  readonly message?: { readonly type?: string; readonly text?: string };
}

export interface WebhookResult {
  readonly handled: number;
  readonly duplicates: number;
}

/**
 * Handles one webhook delivery for a clinic. The signature (HMAC-SHA256 of the raw body with the
 * channel secret, compared in constant time) is checked before anything else is read; a body that
 * fails it is refused (401) and audited. Each event is handled once, by its `webhookEventId`
 * (a redelivery is skipped), in one transaction with its effect:
 * - `follow`: a link ended by blocking comes back; anyone else is told how to link;
 * - `unfollow`: LINE stops at once for that patient and their waiting LINE messages go by mail;
 * - a text with a link code binds that LINE user to the code's patient (a guardian as such) — a
 *   code works once and for 15 minutes, and a sender of too many wrong codes is locked out for a
 *   while (their codes are not even looked up); after the commit the user's LINE display name is
 *   read so that staff and the patient see which LINE account was bound;
 * - anything else gets the fixed reply (not watched; the clinic's phone; crisis lines) — never silence.
 * Replies go after the commit (free of the quota); a reply LINE refuses is queued as a push.
 */
export async function handleLineWebhook(ctx: RequestContext, input: { clinicId: string; rawBody: Buffer; signature: string | undefined; api?: LineApi }): Promise<WebhookResult> {
  const ch = /^[0-9a-f]{32}$/.test(input.clinicId) ? await loadLineChannel(ctx, ctx.db.db, input.clinicId) : undefined;
  if (!ch || !lineSignatureValid({ rawBody: input.rawBody, secret: ch.secret, signature: input.signature })) {
    if (ch) await auditAlone(ctx, { action: 'line.webhook', resource: 'line_webhook', outcome: 'denied', clinicId: ch.clinicId, detail: input.signature ? 'bad signature' : 'no signature' });
    throw new DomainError('unauthenticated', { key: 'line_signature_invalid' });
  }
  let events: LineEvent[];
  try {
    const body = JSON.parse(input.rawBody.toString('utf8')) as { events?: unknown };
    if (!Array.isArray(body.events)) throw new Error('no events');
    events = body.events as LineEvent[];
  } catch {
    throw new DomainError('validation', { key: 'line_webhook_body' });
  }
  const jobCtx = withActor(ctx, { kind: 'system', clinicId: ch.clinicId, job: 'line-webhook' });
  const replies: { to: string; replyToken: string | undefined; text: string }[] = [];
  const linked = new Set<string>();
  let handled = 0;
  let duplicates = 0;
  for (const ev of events) {
    const userId = ev.source?.type === 'user' ? ev.source.userId : undefined;
    if (!ev.webhookEventId || !userId) continue;
    const reply = await writeTx(jobCtx, async (tx) => {
      if (!(await recordLineWebhookEvent(tx, { clinicId: ch.clinicId, webhookEventId: ev.webhookEventId!, type: ev.type, now: jobCtx.clock().toISOString() }))) return 'duplicate' as const;
      return handleEvent(jobCtx, tx, { ch, ev, userId, linked });
    });
    if (reply === 'duplicate') {
      duplicates++;
      continue;
    }
    handled++;
    // On standby another bot answers the user; Mimamori records but says nothing.
    if (reply && ev.mode !== 'standby') replies.push({ to: userId, replyToken: ev.replyToken, text: reply });
  }
  const api = input.api ?? lineApiFor(ctx, ch);
  for (const r of replies) {
    try {
      if (!r.replyToken) throw new Error('no reply token');
      await api.reply({ replyToken: r.replyToken, text: r.text });
    } catch {
      const now = ctx.clock().toISOString();
      await writeTx(jobCtx, (tx) => enqueueMail(tx, {
        id: newId(), clinicId: ch.clinicId, patientId: null, kind: 'line_reply', to: r.to, subject: 'LINE', text: r.text, notBefore: now, now, channel: 'line', retryKey: randomUUID(),
      }));
    }
  }
  for (const userId of linked) await readDisplayName(jobCtx, { ch, userId, api });
  return { handled, duplicates };
}

/** Stores the display name of a LINE user just bound; LINE not answering leaves it unknown (the link stands). */
async function readDisplayName(ctx: RequestContext, o: { ch: OpenLineChannel; userId: string; api: LineApi }): Promise<void> {
  let displayName: string;
  try {
    displayName = (await o.api.profile(o.userId)).displayName.slice(0, 100);
  } catch {
    return;
  }
  await writeTx(ctx, async (tx) => {
    const link = await setLineLinkDisplayName(tx, { clinicId: o.ch.clinicId, lineUserId: o.userId, displayName });
    if (link) await audit(ctx, tx, { action: 'line.profile', resource: 'line_link', resourceId: link.id, patientId: link.patient_id });
  });
}

async function handleEvent(ctx: RequestContext, tx: Db, o: { ch: OpenLineChannel; ev: LineEvent; userId: string; linked: Set<string> }): Promise<string | null> {
  const { ch, ev, userId } = o;
  const now = ctx.clock().toISOString();
  if (ev.type === 'unfollow') {
    const link = await setLineLinkStatus(tx, { clinicId: ch.clinicId, lineUserId: userId, status: 'unfollowed', now });
    if (link) {
      for (const row of await pendingLineMessagesTo(tx, { clinicId: ch.clinicId, lineUserId: userId })) await fallBackToMail(tx, { row, reason: 'LINE blocked by the user', now });
      await audit(ctx, tx, { action: 'line.unfollow', resource: 'line_link', resourceId: link.id, patientId: link.patient_id });
    }
    return null;
  }
  if (ev.type === 'follow') {
    const link = await getLineLinkByUser(tx, ch.clinicId, userId);
    if (link?.status === 'unfollowed') {
      await setLineLinkStatus(tx, { clinicId: ch.clinicId, lineUserId: userId, status: 'active', now });
      await audit(ctx, tx, { action: 'line.follow', resource: 'line_link', resourceId: link.id, patientId: link.patient_id });
      return null;
    }
    return link?.status === 'active' ? null : LINK_REPLIES.welcome;
  }
  if (ev.type !== 'message') return null;
  const code = ev.message?.type === 'text' && ev.message.text ? findLinkCode(ev.message.text) : null;
  if (code) {
    const nowMs = ctx.clock().getTime();
    const failures = await lineLinkFailuresSince(tx, { clinicId: ch.clinicId, lineUserId: userId, since: new Date(nowMs - LINK_CODE_FAILURE_WINDOW_MINUTES * 60_000).toISOString() });
    if (!linkCodeAttemptAllowed({ failures, now: nowMs })) {
      await audit(ctx, tx, { action: 'line.link', resource: 'line_link', outcome: 'denied', detail: `locked out after ${failures.length} wrong codes` });
      return LINK_REPLIES.locked;
    }
    const taken = await takeLineLinkCode(tx, { clinicId: ch.clinicId, codeHash: linkCodeHash(code), now });
    if (!taken) {
      await recordLineLinkFailure(tx, { id: newId(), clinicId: ch.clinicId, lineUserId: userId, now });
      await audit(ctx, tx, { action: 'line.link', resource: 'line_link', outcome: 'failure', detail: 'unknown, used or expired code' });
      return LINK_REPLIES.invalid;
    }
    const id = newId();
    await bindLineUser(tx, { id, clinicId: ch.clinicId, patientId: taken.patient_id, lineUserId: userId, asGuardian: taken.as_guardian === 1, now });
    await audit(ctx, tx, { action: 'line.link', resource: 'line_link', patientId: taken.patient_id, detail: taken.as_guardian === 1 ? 'guardian' : 'patient' });
    o.linked.add(userId);
    return taken.as_guardian === 1 ? LINK_REPLIES.linkedGuardian : LINK_REPLIES.linked;
  }
  const clinic = await getClinic(tx, ch.clinicId);
  const phone = await tx.selectFrom('scheduling_settings').select('clinic_phone').where('clinic_id', '=', ch.clinicId).executeTakeFirst();
  const crisis = await crisisContactsOf(tx, ch.clinicId);
  return lineAutoReply({
    clinicName: clinic?.name ?? '',
    clinicPhone: phone?.clinic_phone ?? '',
    crisis: crisis.contacts.map((c) => ({ name: c.nameJa, phone: c.phone, hours: c.hoursJa })),
  });
}
