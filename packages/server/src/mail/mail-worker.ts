import nodemailer, { type Transporter } from 'nodemailer';
import { claimDueMail, markMailFailed, markMailSent, type OutboxAttachment } from '@mimamori/storage';
import type { AppDeps } from '../context.ts';
import type { SmtpConfig } from './smtp-config.ts';

const LEASE_MS = 2 * 60_000;
const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 6 * 3600_000];
const MAX_ATTEMPTS = 8;

export interface MailWorker {
  /** Sends what is due now; returns how many were sent and how many failed. */
  readonly runOnce: () => Promise<{ sent: number; failed: number }>;
  readonly start: (intervalMs?: number) => void;
  readonly stop: () => Promise<void>;
}

export function createTransport(cfg: SmtpConfig): Transporter {
  return nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.tls === 'implicit',
    requireTLS: cfg.tls === 'require',
    ignoreTLS: cfg.tls === 'off',
    auth: cfg.user ? { user: cfg.user, pass: cfg.pass ?? '' } : undefined,
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/**
 * Delivers the durable outbox. A message is claimed with a lease, handed to SMTP, then marked sent;
 * failures are retried with backoff and shown to staff. A crash between the SMTP server's "250 OK"
 * and the mark is the only window in which a message could go twice; the lease keeps every other
 * path to one delivery.
 */
export function createMailWorker(deps: AppDeps, cfg: SmtpConfig, transport: Transporter = createTransport(cfg)): MailWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const db = deps.db.db;

  const runOnce = async () => {
    const now = deps.clock();
    const claimed = await claimDueMail(db, { now: now.toISOString(), leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(), limit: 20 });
    let sent = 0;
    let failed = 0;
    for (const m of claimed) {
      try {
        const attachments = (JSON.parse(m.attachments_json) as OutboxAttachment[]).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }));
        const info = await transport.sendMail({ from: cfg.from, to: m.to_address, subject: m.subject, text: m.body_text, attachments, headers: { 'X-Mimamori-Outbox-Id': m.id } });
        await markMailSent(db, m.id, { now: deps.clock().toISOString(), messageId: info.messageId ?? null });
        sent++;
      } catch (e) {
        failed++;
        const giveUp = m.attempts >= MAX_ATTEMPTS;
        const wait = BACKOFF_MS[Math.min(m.attempts - 1, BACKOFF_MS.length - 1)]!;
        // The SMTP error text (not the message) is kept for staff; it carries no patient data.
        const error = e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e);
        await markMailFailed(db, m.id, { error, giveUp, nextAttemptAt: new Date(deps.clock().getTime() + wait).toISOString() });
      }
    }
    return { sent, failed };
  };

  return {
    runOnce,
    start: (intervalMs = 15_000) => {
      timer = setInterval(() => {
        running = running.then(runOnce).catch(() => undefined);
      }, intervalMs);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
