import type { OutboxItem } from '../line/line-views.ts';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@mimamori/core';
import { lineNoticeText } from '@mimamori/core/line/index';
import { enqueueMail, getClinic, getLineChannel, getPatientBriefs, listOutbox, newId } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { maskMailSecrets } from '../../mail/mask-mail-secrets.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';


/** The clinic's outgoing messages, newest first (an audited read: recipients are patient data). */
export async function listOutboxMessages(
  ctx: RequestContext,
  q: { status?: string; channel?: string; patientId?: string; limit: number },
): Promise<{ lineConfigured: boolean; lineQuota: { limit: number; used: number } | null; items: OutboxItem[] }> {
  const staff = requireStaff(ctx);
  const db = ctx.db.db;
  const rows = await listOutbox(db, { clinicId: staff.clinicId, status: q.status, channel: q.channel, patientId: q.patientId, limit: q.limit });
  const line = await getLineChannel(db, staff.clinicId);
  const names = new Map((await getPatientBriefs(db, staff.clinicId, rows.flatMap((r) => (r.patient_id ? [r.patient_id] : [])))).map((p) => [p.id, p.name_kanji]));
  await auditAlone(ctx, { action: 'outbox.list', resource: 'outbox', patientId: q.patientId ?? null, detail: `results=${rows.length}` });
  return {
    lineConfigured: line?.enabled === 1,
    lineQuota: line?.enabled === 1 && line.quota_limit !== null && line.quota_used !== null ? { limit: line.quota_limit, used: line.quota_used } : null,
    items: rows.map((m) => ({
      id: m.id, kind: m.kind, channel: m.channel === 'line' || m.channel === 'none' ? m.channel : 'mail', patientId: m.patient_id, patientName: m.patient_id ? (names.get(m.patient_id) ?? null) : null, to: m.channel === 'line' ? 'LINE' : m.to_address,
      subject: m.subject, status: m.status, attempts: m.attempts, lastError: m.last_error, createdAt: m.created_at, sentAt: m.sent_at,
      nextAttemptAt: m.next_attempt_at, body: maskMailSecrets(m.body_text), fallbackOf: m.fallback_of,
    })),
  };
}

/** Puts a failed message back in the queue (mail or LINE), due now. */
export async function resendOutboxMessage(ctx: RequestContext, input: { id: string }): Promise<void> {
  const staff = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    const r = await tx
      .updateTable('outbox')
      .set({ status: 'pending', next_attempt_at: ctx.clock().toISOString(), attempts: 0 })
      .where('clinic_id', '=', staff.clinicId)
      .where('id', '=', input.id)
      .where('status', '=', 'failed')
      // A message that had nowhere to go stays failed: re-queueing it would reach no one.
      .where('channel', '!=', 'none')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new DomainError('not_found');
    await audit(ctx, tx, { action: 'outbox.retry', resource: 'outbox', resourceId: input.id });
  });
}

/**
 * Queues a test message from the settings: a mail to an address the admin types, or a LINE
 * message to a LINE user id (the admin's own, shown as "Your user ID" in the LINE Developers
 * console). It then shows in the outbox like any other, delivered or failed with its reason.
 */
export async function sendTestMessage(ctx: RequestContext, input: { channel: 'mail' | 'line'; to: string }): Promise<{ id: string }> {
  const staff = requireStaff(ctx);
  const to = input.to.trim();
  if (input.channel === 'mail' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to)) throw new DomainError('validation', { issues: [{ path: 'to', key: 'test_mail_address_invalid' }] });
  if (input.channel === 'line' && !/^U[0-9a-f]{32}$/.test(to)) throw new DomainError('validation', { issues: [{ path: 'to', key: 'line_user_id_invalid' }] });
  const id = newId();
  await writeTx(ctx, async (tx) => {
    const clinic = await getClinic(tx, staff.clinicId);
    const name = clinic?.name ?? '';
    if (input.channel === 'line' && (await getLineChannel(tx, staff.clinicId))?.enabled !== 1) throw new DomainError('invalid_state', { key: 'line_not_configured' });
    const now = ctx.clock().toISOString();
    const text = input.channel === 'line'
      ? lineNoticeText({ kind: 'test', clinicName: name })
      : [`${name}`, '', 'Mimamori からのテストメールです。このメールが届いていれば、メールの送信設定は正しく動いています。', '', 'This is a test mail from Mimamori: mail delivery works.'].join('\n');
    await enqueueMail(tx, {
      id, clinicId: staff.clinicId, patientId: null, kind: 'test', to, subject: `テスト送信 / Test（${name}）`, text, notBefore: now, now,
      channel: input.channel, ...(input.channel === 'line' ? { retryKey: randomUUID() } : {}),
    });
    await audit(ctx, tx, { action: 'outbox.test', resource: 'outbox', resourceId: id, detail: input.channel });
  });
  return { id };
}
