import { auditHeads, chainOf, enqueueMail, formatAuditAnchors, listClinics, newId } from '@mimamori/storage';
import type { AppDeps } from '../context.ts';
import { systemContext } from '../request-context.ts';
import { createPeriodicJob, type PeriodicJob } from './periodic-job.ts';
import { clinicDate } from '../core-imports.ts';

/** The job's name in the audit trail (request id `job:audit-head-mail`). */
export const AUDIT_HEAD_JOB = 'audit-head-mail';

/**
 * Once a day per clinic, the heads of its audit chain (and of the `system` chain) go by mail to
 * the address in `AUDIT_HEAD_EMAIL` — typically the 医療情報システム安全管理責任者 — through the
 * outbox. Kept outside the database, they let `mimamori audit verify --anchors` detect a chain
 * rebuilt from scratch. Hashes only: no patient data. Returns how many mails were queued.
 */
export async function queueAuditHeadMail(deps: AppDeps, o: { readonly to: string }): Promise<number> {
  const ctx = systemContext(deps, { job: AUDIT_HEAD_JOB });
  const now = ctx.clock();
  let queued = 0;
  for (const clinic of await listClinics(ctx.db.db)) {
    const date = clinicDate(now.getTime(), clinic.timeZone);
    const heads = await auditHeads(ctx.db.db, [chainOf(clinic.id), chainOf(null)]);
    if (heads.length === 0) continue;
    const text = [
      `${clinic.name} の監査ログの先頭ハッシュです（${date}）。`,
      'このメールはデータベースの外に保管してください。改ざんの確認には、下の行をファイルに保存して',
      '`npx mimamori audit verify --anchors <ファイル>` を実行します。',
      '',
      `Audit log chain heads of ${clinic.name} (${date}). Keep this mail outside the database; to check`,
      'that the log was not rebuilt, save the lines below to a file and run',
      '`npx mimamori audit verify --anchors <file>`.',
      '',
      formatAuditAnchors(heads),
      '',
    ].join('\n');
    const sent = await enqueueMail(ctx.db.db, {
      id: newId(),
      clinicId: clinic.id,
      patientId: null,
      kind: 'audit_head',
      to: o.to,
      subject: `監査ログ先頭ハッシュ ${date}（${clinic.name}）`,
      text,
      dedupeKey: `audit-head:${clinic.id}:${date}`,
      notBefore: now.toISOString(),
      now: now.toISOString(),
    });
    if (sent) queued++;
  }
  return queued;
}

/** Checks every hour; the dedupe key makes it one mail per clinic and day. */
export function createAuditHeadJob(deps: AppDeps, o: { readonly to: string; readonly intervalMs?: number; readonly onError?: (err: unknown) => void }): PeriodicJob {
  return createPeriodicJob(() => queueAuditHeadMail(deps, { to: o.to }), { intervalMs: o.intervalMs ?? 3_600_000, onError: o.onError });
}
