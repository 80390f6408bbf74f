import { randomUUID } from 'node:crypto';
import { appendAudit } from '../repos/audit-repo.ts';
import type { Db } from '../repos/db.ts';
import { enqueueMail } from '../repos/outbox-repo.ts';
import { newId } from '../security/tokens.ts';
import type { SecretBox } from '../security/secret-box.ts';

const HOUR = 3_600_000;

/** The demo channel's access token: the server never calls LINE with a token that starts so (`services/line/line-channel-service.ts`). */
export const DEMO_LINE_TOKEN_PREFIX = 'DEMO-';

/**
 * The demo's LINE: a configured channel with fake credentials, clearly marked (its name says it is
 * not connected; its token starts with `DEMO-`, so nothing is ever sent to LINE — its messages fail
 * and go by mail, as they would on a real failure), the demo patient 見本 花子 linked by her own LINE,
 * and an outbox with delivered and failed LINE messages: a confirmation and a reminder delivered, a
 * questionnaire link refused for the monthly quota and sent by mail instead, a mail refused by the
 * receiving server. Runs after `seedDemo` (the server's `--demo`).
 */
export async function seedDemoLine(db: Db, o: { now: Date; secrets: SecretBox }): Promise<void> {
  const admin = await db.selectFrom('staff').select(['id', 'clinic_id']).where('login_id', '=', 'demo.admin').executeTakeFirstOrThrow();
  const clinicId = admin.clinic_id!;
  const now = o.now.toISOString();
  const ago = (h: number) => new Date(o.now.getTime() - h * HOUR).toISOString();
  await db.insertInto('line_channels').values({
    clinic_id: clinicId, channel_id: '1000000000',
    secret_sealed: o.secrets.seal('0123456789abcdef0123456789abcdef', `line-secret:${clinicId}`),
    token_sealed: o.secrets.seal(`${DEMO_LINE_TOKEN_PREFIX}not-a-real-token`, `line-token:${clinicId}`),
    enabled: 1, bot_basic_id: '@demo-mimamori', bot_name: 'デモ（LINE未接続・架空の設定） / DEMO (not connected)', checked_at: now, check_error: null,
    quota_limit: 200, quota_used: 168, quota_checked_at: now,
    updated_at: now, updated_by: admin.id,
  }).execute();
  const hanako = await db.selectFrom('patients').select(['id', 'email']).where('clinic_id', '=', clinicId).where('name_kanji', '=', '見本 花子').where('is_demo', '=', 1).executeTakeFirstOrThrow();
  const ichiro = await db.selectFrom('patients').select(['id', 'email']).where('clinic_id', '=', clinicId).where('name_kanji', '=', '見本 一郎').where('is_demo', '=', 1).executeTakeFirstOrThrow();
  const user = `U${'0'.repeat(26)}de0001`;
  await db.insertInto('line_links').values({
    id: newId(), clinic_id: clinicId, patient_id: hanako.id, line_user_id: user, as_guardian: 0, status: 'active', preference: 'line', linked_at: ago(72), changed_at: ago(72), display_name: 'はなこ（デモ）',
  }).execute();
  await appendAudit(db, { at: ago(72), clinicId, actorId: null, actorRole: 'demo-seed', action: 'line.link', resource: 'line_link', resourceId: null, patientId: hanako.id, outcome: 'success', detail: 'patient' });
  const clinic = '見守りメンタルクリニック（デモ）';
  const line = (kind: string, lead: string, at: string) => ({
    id: newId(), clinicId, patientId: hanako.id, kind, to: user, subject: lead, text: `【${clinic}】\n${lead}\nhttps://demo.invalid/p/appointments\n\nこのアカウントは返信を確認していません。ご用件はお電話でお願いします。`,
    notBefore: at, now: at, channel: 'line' as const, retryKey: randomUUID(),
  });
  const delivered = [line('appointment_confirmation', 'ご予約を承りました。', ago(50)), line('appointment_reminder', '明日のご予約のお知らせです。', ago(26))];
  for (const m of delivered) {
    await enqueueMail(db, m);
    await db.updateTable('outbox').set({ status: 'sent', attempts: 1, sent_at: m.now, message_id: `demo-${m.id.slice(0, 8)}` }).where('id', '=', m.id).execute();
  }
  const quota = line('questionnaire_invite', 'ご回答のお願いがあります。', ago(5));
  await enqueueMail(db, quota);
  await db.updateTable('outbox').set({ status: 'failed', attempts: 1, last_error: 'monthly LINE quota reached (429: You have reached your monthly limit.) → sent by mail' }).where('id', '=', quota.id).execute();
  await enqueueMail(db, {
    id: newId(), clinicId, patientId: hanako.id, kind: 'questionnaire_invite', to: hanako.email ?? 'hanako@demo.invalid', subject: `${clinic}からのお知らせ / A message from ${clinic}`,
    text: quota.text, notBefore: ago(5), now: ago(5), fallbackOf: quota.id, dedupeKey: `line-fallback:${quota.id}`,
  });
  const bounced = newId();
  await enqueueMail(db, {
    id: bounced, clinicId, patientId: ichiro.id, kind: 'appointment_confirmation', to: ichiro.email ?? 'ichiro@demo.invalid', subject: `ご予約の確認（${clinic}）`,
    text: `見本 一郎 様\n\n以下の日時でご予約を承りました。\n\n${clinic}`, notBefore: ago(30), now: ago(30),
  });
  await db.updateTable('outbox').set({ status: 'failed', attempts: 8, last_error: 'EENVELOPE: 550 5.1.1 <ichiro@demo.invalid>: Recipient address rejected: User unknown' }).where('id', '=', bounced).execute();
}
