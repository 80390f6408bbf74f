import { classifyLineFailure, LINE_MAX_ATTEMPTS, lineBackoffMs } from '@mimamori/core/line/index';
import { claimDueMail, getLineLinkByUser, markMailFailed, markMailSent, releaseOutboxClaim, setLineQuota } from '@mimamori/storage';
import type { AppDeps } from '../../context.ts';
import { createPeriodicJob, type PeriodicJob } from '../periodic-job.ts';
import { writeTx } from '../write-tx.ts';
import type { LineApi } from './line-api.ts';
import { lineApiFor, loadLineChannel, type OpenLineChannel } from './line-channel-service.ts';
import { LineApiError } from './line-api.ts';
import { fallBackToMail } from './line-fallback.ts';

const LEASE_MS = 2 * 60_000;

export interface LineDeliveryResult {
  readonly sent: number;
  readonly retried: number;
  readonly fellBack: number;
}

/**
 * Delivers the LINE messages of the outbox: claimed with a lease (as mail is), pushed with the
 * retry key made when they were queued (so a retry after a timeout never sends twice: LINE answers
 * 409 and the message counts as sent). Timeouts and 5xx are retried with back-off; a 429 for a rate
 * limit puts the clinic's remaining messages back until `Retry-After`; the monthly quota, any other
 * 4xx, a blocked account or too many attempts end the message and send it by mail instead.
 */
export async function deliverLineOnce(deps: AppDeps, o: { apiFor?: (ch: OpenLineChannel) => LineApi; limit?: number } = {}): Promise<LineDeliveryResult> {
  const db = deps.db.db;
  const now = deps.clock();
  const claimed = await claimDueMail(db, { now: now.toISOString(), leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(), limit: o.limit ?? 20, channel: 'line' });
  const channels = new Map<string, OpenLineChannel | undefined>();
  const pausedUntil = new Map<string, string>();
  let sent = 0;
  let retried = 0;
  let fellBack = 0;
  for (const m of claimed) {
    const nowIso = deps.clock().toISOString();
    const paused = pausedUntil.get(m.clinic_id);
    if (paused) {
      await releaseOutboxClaim(db, m.id, { nextAttemptAt: paused });
      continue;
    }
    if (!channels.has(m.clinic_id)) channels.set(m.clinic_id, await loadLineChannel(deps, db, m.clinic_id));
    const ch = channels.get(m.clinic_id);
    const link = await getLineLinkByUser(db, m.clinic_id, m.to_address);
    const unreachable = !ch || !ch.enabled ? 'LINE is turned off' : m.patient_id && (!link || link.status !== 'active') ? 'LINE link ended' : null;
    if (unreachable) {
      if (await writeTx(deps, (tx) => fallBackToMail(tx, { row: m, reason: unreachable, now: nowIso }))) fellBack++;
      continue;
    }
    try {
      const r = await (o.apiFor ?? ((c) => lineApiFor(deps, c)))(ch!).push({ to: m.to_address, text: m.body_text, retryKey: m.retry_key ?? m.id });
      await markMailSent(db, m.id, { now: deps.clock().toISOString(), messageId: r.requestId });
      sent++;
    } catch (e) {
      const err = e instanceof LineApiError ? e : new LineApiError(null, e instanceof Error ? e.message : String(e), null, null);
      const kind = classifyLineFailure({ status: err.status, message: err.lineMessage });
      const reason = `${err.status ?? 'network'}: ${err.lineMessage}`;
      if (kind === 'already_sent') {
        await markMailSent(db, m.id, { now: deps.clock().toISOString(), messageId: err.requestId });
        sent++;
      } else if ((kind === 'retry' || kind === 'rate_limited') && m.attempts < LINE_MAX_ATTEMPTS) {
        const next = new Date(deps.clock().getTime() + lineBackoffMs({ attempts: m.attempts, retryAfterSeconds: err.retryAfterSeconds })).toISOString();
        await markMailFailed(db, m.id, { error: reason, nextAttemptAt: next, giveUp: false });
        if (kind === 'rate_limited') pausedUntil.set(m.clinic_id, next);
        retried++;
      } else {
        const why = kind === 'quota' ? `monthly LINE quota reached (${reason})` : kind === 'permanent' ? reason : `gave up after ${m.attempts} attempts (${reason})`;
        if (await writeTx(deps, (tx) => fallBackToMail(tx, { row: m, reason: why, now: deps.clock().toISOString() }))) fellBack++;
      }
    }
  }
  return { sent, retried, fellBack };
}

/**
 * Asks LINE, at most once a day per clinic, how many messages this month allows and how many were
 * used, so staff see it (and a warning from 80 %) before the quota stops LINE. Returns how many
 * clinics were asked.
 */
export async function refreshLineQuotas(deps: AppDeps, o: { apiFor?: (ch: OpenLineChannel) => LineApi } = {}): Promise<number> {
  const db = deps.db.db;
  const now = deps.clock();
  const due = await db
    .selectFrom('line_channels')
    .select('clinic_id')
    .where('enabled', '=', 1)
    .where('bot_basic_id', 'is not', null)
    .where((eb) => eb.or([eb('quota_checked_at', 'is', null), eb('quota_checked_at', '<', new Date(now.getTime() - 86_400_000).toISOString())]))
    .execute();
  let asked = 0;
  for (const { clinic_id } of due) {
    const ch = await loadLineChannel(deps, db, clinic_id);
    if (!ch) continue;
    try {
      const q = await (o.apiFor ?? ((c) => lineApiFor(deps, c)))(ch).quota();
      await setLineQuota(db, { clinicId: clinic_id, ...q, now: now.toISOString() });
      asked++;
    } catch {
      // Asked again on a later run; delivery does not depend on it.
    }
  }
  return asked;
}

/** Runs {@link deliverLineOnce} every `intervalMs` (default 15 s), and the daily quota reading. */
export function createLineDeliveryJob(deps: AppDeps, o: { intervalMs?: number; onError?: (err: unknown) => void } = {}): PeriodicJob {
  return createPeriodicJob(async () => {
    await deliverLineOnce(deps);
    await refreshLineQuotas(deps);
  }, { intervalMs: o.intervalMs ?? 15_000, onError: o.onError });
}
