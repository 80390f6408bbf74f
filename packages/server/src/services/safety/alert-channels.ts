import { enqueueMail, newId, type Db } from '@mimamori/storage';
import type { AppDeps } from '../../context.ts';

/**
 * A way of reaching a staff member with an alert. `send` queues the message in the caller's
 * transaction and returns a reference; `delivered` reports, later, whether it arrived. Mail is the
 * one channel today; a LINE or SMS adapter implements the same two functions and is added to
 * `alertChannels`.
 */
export interface AlertChannel {
  readonly kind: string;
  readonly send: (deps: AppDeps, tx: Db, m: { clinicId: string; staffId: string; address: string; alertId: string; level: number; now: string }) => Promise<{ ref: string }>;
  /** True once delivered, false when it failed for good, null while not known yet. */
  readonly delivered: (tx: Db, ref: string) => Promise<boolean | null>;
}

/**
 * Mail through the outbox (delivered and retried by the mail worker). The subject and text name no
 * patient and no clinical term — a phone's lock screen shows the subject — only a link into the
 * staff app, where signing in shows the alert.
 */
export const mailChannel: AlertChannel = {
  kind: 'mail',
  async send(deps, tx, m) {
    const id = newId();
    const url = `${deps.config.publicUrl}/alerts/${m.alertId}`;
    await enqueueMail(tx, {
      id, clinicId: m.clinicId, patientId: null, kind: 'staff_alert', to: m.address,
      subject: '【見守り】スタッフ画面でご確認ください / Please check the staff app',
      text: [
        'スタッフ画面に、至急ご確認いただきたいお知らせがあります。サインインして確認し、対応を記録してください。',
        url,
        '',
        'A notice in the staff app needs your attention now. Sign in, read it and record what you did.',
        url,
      ].join('\n'),
      dedupeKey: `alert:${m.alertId}:${m.level}:${m.staffId}`, notBefore: m.now, now: m.now,
    });
    return { ref: id };
  },
  async delivered(tx, ref) {
    const row = await tx.selectFrom('outbox').select('status').where('id', '=', ref).executeTakeFirst();
    if (!row) return false;
    if (row.status === 'sent') return true;
    if (row.status === 'failed') return false;
    return null;
  },
};

export const alertChannels: Readonly<Record<string, AlertChannel>> = { mail: mailChannel };
