import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertApplication, newId } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import type { AppDeps } from '../../src/context.ts';
import { createMailWorker } from '../../src/mail/mail-worker.ts';
import { smtpConfigFrom } from '../../src/mail/smtp-config.ts';
import { deliverLineOnce, refreshLineQuotas } from '../../src/services/line/line-worker.ts';
import { queueDayBeforeReminders } from '../../src/services/scheduling/appointment-mail.ts';
import { deliverDueQuestionnaires } from '../../src/services/scales/deliver-questionnaires.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { startTestSmtp } from '../test-smtp.ts';
import { asPatient, newPatient, patientSession } from '../scheduling/scheduling-fixtures.ts';
import { lineEvent, lineUserId, signedWebhook, startFakeLine, type FakeLine } from '../fake-line.ts';

for (const dialect of testDialects()) {
  describe(`LINE channel against a local fake of the LINE API (${dialect})`, () => {
    let t: TestApp;
    let fake: FakeLine;
    let admin: Session;
    let rec: Session;
    const deps = (): AppDeps => ({ db: t.db, clock: t.clock.fn, config: t.config });
    const webhook = (events: ReadonlyArray<unknown>, o: { secret?: string; signature?: string | null } = {}) => {
      const w = signedWebhook(o.secret ?? fake.secret, events);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (o.signature !== null) headers['x-line-signature'] = o.signature ?? w.signature;
      return t.app.inject({ method: 'POST', url: `/api/line/webhook/${t.clinicId}`, payload: w.body, headers });
    };
    /** Links a new patient's LINE the way a patient does: a code from the patient page, sent from LINE. */
    const linkedPatient = async (over: Record<string, unknown> = {}) => {
      const p = await newPatient(t, rec, over);
      const ps = await patientSession(t, rec, p.id);
      const code = await asPatient(t, ps, { method: 'POST', url: '/api/p/line/code', payload: {} });
      assert.equal(code.statusCode, 200, code.body);
      const user = lineUserId();
      assert.equal((await webhook([lineEvent('follow', user), lineEvent('message', user, { text: `${code.json().code}` })])).statusCode, 200);
      return { ...p, user, ps };
    };

    before(async () => {
      fake = await startFakeLine();
      t = await createTestApp(dialect, { lineApiBaseUrl: fake.url });
      admin = await signedIn(t, 'admin');
      rec = await signedIn(t, 'reception');
      await t.db.db.insertInto('scheduling_settings').values({ clinic_id: t.clinicId } as never).execute().catch(() => undefined);
    });
    after(async () => {
      await t.destroy();
      await fake.close();
    });

    test('the admin saves the channel (sealed), sees the webhook URL and checks it with a harmless call', async () => {
      const bad = await as(t, admin, { method: 'PUT', url: '/api/line/settings', payload: { channelId: 'abc', channelSecret: 'short', accessToken: 'x', enabled: true } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().error.details?.map((d: { path: string }) => d.path).sort() ?? bad.json().error.issues?.map((d: { path: string }) => d.path).sort(), ['accessToken', 'channelId', 'channelSecret']);
      const saved = await as(t, admin, { method: 'PUT', url: '/api/line/settings', payload: { channelId: fake.channelId, channelSecret: fake.secret, accessToken: fake.token, enabled: true } });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().webhookUrl, `http://localhost:3000/api/line/webhook/${t.clinicId}`);
      assert.equal(JSON.stringify(saved.json()).includes(fake.secret), false, 'the secret never comes back');
      const row = await t.db.db.selectFrom('line_channels').selectAll().where('clinic_id', '=', t.clinicId).executeTakeFirstOrThrow();
      assert.match(row.secret_sealed, /^mm1\./);
      assert.equal(row.secret_sealed.includes(fake.secret) || row.token_sealed.includes(fake.token), false, 'stored sealed');
      const checked = await as(t, admin, { method: 'POST', url: '/api/line/settings/check' });
      assert.equal(checked.statusCode, 200, checked.body);
      assert.equal(checked.json().botBasicId, '@123fake');
      assert.equal(checked.json().checkError, null);
      assert.equal(checked.json().quotaLimit, 200, 'the month\'s allowance read with the check');
      assert.equal((await as(t, rec, { url: '/api/line/settings' })).statusCode, 403, 'reception cannot see the setup');
    });

    test('a webhook with a missing, forged or re-signed-with-another-secret signature is refused with 401 and changes nothing', async () => {
      const user = lineUserId();
      const before = await t.db.db.selectFrom('line_webhook_events').select('webhook_event_id').execute();
      assert.equal((await webhook([lineEvent('message', user, { text: 'hello' })], { signature: null })).statusCode, 401);
      assert.equal((await webhook([lineEvent('message', user, { text: 'hello' })], { signature: 'AAAA' })).statusCode, 401);
      assert.equal((await webhook([lineEvent('message', user, { text: 'hello' })], { secret: 'f'.repeat(32) })).statusCode, 401);
      // A body changed after signing (a replay with different content) fails too.
      const w = signedWebhook(fake.secret, [lineEvent('message', user, { text: 'a' })]);
      const tampered = await t.app.inject({ method: 'POST', url: `/api/line/webhook/${t.clinicId}`, payload: w.body.replace('"a"', '"b"'), headers: { 'content-type': 'application/json', 'x-line-signature': w.signature } });
      assert.equal(tampered.statusCode, 401);
      const after = await t.db.db.selectFrom('line_webhook_events').select('webhook_event_id').execute();
      assert.equal(after.length, before.length);
      assert.equal(fake.replies.length, 0);
    });

    test('linking: a one-time code binds the LINE user to the patient once; any other text gets the fixed reply with crisis lines', async () => {
      const p = await linkedPatient();
      const view = await asPatient(t, p.ps, { url: '/api/p/line' });
      assert.equal(view.json().linked, true);
      assert.equal(view.json().preference, 'line');
      assert.match(fake.replies.at(-1)!.text, /連携が完了しました/);
      // The same code again (another LINE user) does nothing.
      const code = await asPatient(t, p.ps, { method: 'POST', url: '/api/p/line/code', payload: { asGuardian: true } });
      const other = lineUserId();
      await webhook([lineEvent('message', other, { text: code.json().code })]);
      assert.match(fake.replies.at(-1)!.text, /保護者として連携/);
      await webhook([lineEvent('message', lineUserId(), { text: code.json().code })]);
      assert.match(fake.replies.at(-1)!.text, /使えません/);
      const staffView = await as(t, rec, { url: `/api/patients/${p.id}/line` });
      assert.deepEqual(staffView.json().links.map((l: { asGuardian: boolean }) => l.asGuardian).sort(), [false, true], 'a guardian bound to their child is marked as such');
      await webhook([lineEvent('message', lineUserId(), { text: '死にたい' })]);
      const reply = fake.replies.at(-1)!.text;
      assert.match(reply, /確認していません/);
      assert.match(reply, /119/);
      assert.match(reply, /いのちの電話|よりそいホットライン/);
    });

    test('link codes: bound with the LINE display name, 15 minutes, once, and a guessing sender is locked out', async () => {
      const p = await newPatient(t, rec);
      const ps = await patientSession(t, rec, p.id);
      const issue = async () => (await asPatient(t, ps, { method: 'POST', url: '/api/p/line/code', payload: {} })).json() as { code: string; expiresAt: string };
      const send = async (user: string, text: string) => {
        assert.equal((await webhook([lineEvent('message', user, { text })])).statusCode, 200);
        return fake.replies.at(-1)!.text;
      };
      // Expiry: 15 minutes.
      const late = await issue();
      assert.equal(Date.parse(late.expiresAt) - t.clock.now.getTime(), 15 * 60_000);
      t.clock.advance(15 * 60_000);
      try {
        assert.match(await send(lineUserId(), late.code), /使えません/, 'expired at 15 minutes');
      } finally {
        t.clock.advance(-15 * 60_000);
      }
      // Brute force: five wrong codes, then even a right one is not looked up.
      const guesser = lineUserId();
      for (let i = 0; i < 5; i++) assert.match(await send(guesser, `MM-ZZZZ-ZZZ${i}`), /使えません/);
      const good = await issue();
      assert.match(await send(guesser, good.code), /しばらくコードを受け付けません/);
      assert.equal((await as(t, rec, { url: `/api/patients/${p.id}/line` })).json().linked, false, 'the lock-out links nothing');
      const denied = await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'line.link').where('outcome', '=', 'denied').execute();
      assert.ok(denied.some((d) => /locked out after 5/.test(d.detail ?? '')));
      // The code the locked-out sender tried is still good for its owner, once; the display name binds it.
      const owner = lineUserId();
      assert.match(await send(owner, good.code), /連携が完了しました/);
      assert.match(await send(lineUserId(), good.code), /使えません/, 'used once');
      const staffView = (await as(t, rec, { url: `/api/patients/${p.id}/line` })).json();
      assert.equal(staffView.linked, true);
      assert.deepEqual(staffView.links.map((l: { displayName: string | null }) => l.displayName), [`見本さん ${owner.slice(-4)}`]);
      const mine = (await asPatient(t, ps, { url: '/api/p/line' })).json();
      assert.equal(mine.displayName, `見本さん ${owner.slice(-4)}`);
      // An hour on, the guesser's failures have aged out.
      t.clock.advance(61 * 60_000);
      try {
        assert.match(await send(guesser, 'MM-ZZZZ-ZZZZ'), /使えません/);
      } finally {
        t.clock.advance(-61 * 60_000);
      }
      // Unlinking from the patient page: LINE stops, staff see it unlinked.
      const unlinked = await asPatient(t, ps, { method: 'POST', url: '/api/p/line/unlink' });
      assert.equal(unlinked.statusCode, 200, unlinked.body);
      assert.equal(unlinked.json().linked, false);
      assert.equal((await as(t, rec, { url: `/api/patients/${p.id}/line` })).json().links[0].status, 'unlinked');
    });

    test('redelivery of the same webhookEventId is handled once', async () => {
      const p = await newPatient(t, rec);
      const ps = await patientSession(t, rec, p.id);
      const code = (await asPatient(t, ps, { method: 'POST', url: '/api/p/line/code', payload: {} })).json().code as string;
      const user = lineUserId();
      const ev = lineEvent('message', user, { text: code });
      const replies = fake.replies.length;
      assert.equal((await webhook([ev])).statusCode, 200);
      assert.equal((await webhook([{ ...ev, deliveryContext: { isRedelivery: true } }])).statusCode, 200);
      assert.equal(fake.replies.length, replies + 1, 'one reply, not two');
      const audits = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'line.link').where('patient_id', '=', p.id).execute();
      assert.equal(audits.length, 1);
    });

    test('a recruitment call-back goes by LINE once the application is a linked patient', async () => {
      const p = await linkedPatient({ email: null });
      const id = newId();
      const now = t.clock.now.toISOString();
      await insertApplication(t.db.db, { id, clinicId: t.clinicId, programId: 'tms-monitor', pageVersion: 1, data: { name: '見本 葵', phone: '090-4444-0002', email: null, age: 30, complaint: '眠れない', callTimes: null, guardian: null }, now });
      await t.db.db.updateTable('recruitment_applications').set({ patient_id: p.id }).where('id', '=', id).execute();
      const res = await as(t, rec, { method: 'POST', url: `/api/publicsite/applications/${id}/status`, payload: { to: 'contacted', callbackAt: '2026-12-02T18:00:00+09:00' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().message, 'queued');
      const rows = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', p.id).where('kind', '=', 'recruitment_callback').execute();
      assert.deepEqual(rows.map((r) => `${r.channel}:${r.to_address === p.user}`), ['line:true']);
      assert.match(rows[0]!.body_text, /お問い合わせの件/);
      assert.match(rows[0]!.body_text, /12月2日（水）18:00/);
      assert.doesNotMatch(rows[0]!.body_text, /眠れない|tms|TMS/);
    });

    test('ten concurrent deliveries of the same event have exactly one effect', async () => {
      const p = await newPatient(t, rec);
      const ps = await patientSession(t, rec, p.id);
      const code = (await asPatient(t, ps, { method: 'POST', url: '/api/p/line/code', payload: {} })).json().code as string;
      const user = lineUserId();
      const ev = lineEvent('message', user, { text: code });
      const replies = fake.replies.length;
      const failures = async () => (await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'line.link').where('outcome', '=', 'failure').execute()).length;
      const failedBefore = await failures();
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => webhook([i === 0 ? ev : { ...ev, deliveryContext: { isRedelivery: true } }])));
      assert.deepEqual(answers.map((a) => a.statusCode), Array(10).fill(200), answers.map((a) => a.body).join('\n'));
      assert.equal(fake.replies.length, replies + 1, 'one reply');
      assert.equal((await t.db.db.selectFrom('line_links').select('id').where('line_user_id', '=', user).execute()).length, 1);
      assert.equal((await t.db.db.selectFrom('line_webhook_events').select('webhook_event_id').where('webhook_event_id', '=', ev.webhookEventId).execute()).length, 1);
      assert.equal((await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'line.link').where('patient_id', '=', p.id).execute()).length, 1);
      assert.equal(await failures(), failedBefore, 'no delivery saw the code as used');
    });

    test('booking messages go by LINE per preference; an unfollow stops LINE at once and the waiting message goes by mail', async () => {
      const p = await linkedPatient();
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-02T09:00:00+09:00', resourceIds: ['dr-mori'] } });
      assert.equal(res.statusCode, 201, res.body);
      const rows = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', p.id).execute();
      assert.deepEqual(rows.map((r) => r.channel), ['line'], 'preference line: no mail');
      assert.doesNotMatch(rows[0]!.body_text, /再診|うつ|PHQ/, 'discreet');
      // The patient blocks the account before the worker runs: the message moves to mail.
      await webhook([lineEvent('unfollow', p.user)]);
      const after = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', p.id).orderBy('created_at').execute();
      const line = after.find((r) => r.channel === 'line')!;
      const mail = after.find((r) => r.channel === 'mail')!;
      assert.equal(line.status, 'failed');
      assert.match(line.last_error!, /blocked/);
      assert.equal(mail.fallback_of, line.id);
      assert.equal(mail.to_address, p.email);
      // Later messages go by mail only.
      assert.equal(await queueDayBeforeReminders(deps()) >= 1, true);
      const reminder = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', p.id).where('kind', '=', 'appointment_reminder').execute();
      assert.deepEqual(reminder.map((r) => r.channel), ['mail']);
      // Following again restores LINE.
      await webhook([lineEvent('follow', p.user)]);
      assert.equal((await as(t, rec, { url: `/api/patients/${p.id}/line` })).json().linked, true);
    });

    test('a WEB問診 link goes by LINE to a linked patient, the link in it and nothing clinical', async () => {
      const p = await linkedPatient();
      const doctor = await signedIn(t, 'doctor');
      const sent = await as(t, doctor, { method: 'POST', url: `/api/patients/${p.id}/intakes`, payload: {} });
      assert.ok(sent.statusCode < 300, sent.body);
      const rows = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', p.id).where('kind', '=', 'intake_link').execute();
      assert.deepEqual(rows.map((r) => r.channel), ['line']);
      assert.ok(rows[0]!.body_text.includes(sent.json().link.url), 'the same link the mail would carry');
      assert.doesNotMatch(rows[0]!.body_text, /問診票の内容|うつ|PHQ|GAD/);
    });

    test('a LINE-only patient (no email) gets the WEB問診 link, the questionnaire link and its reminder on LINE; one with neither shows as undeliverable', async () => {
      const p = await linkedPatient({ email: null });
      assert.equal((await t.db.db.selectFrom('patients').select('email').where('id', '=', p.id).executeTakeFirstOrThrow()).email, null);
      // Reception (who never sees the link) may send it: LINE reaches the patient.
      const sent = await as(t, rec, { method: 'POST', url: `/api/patients/${p.id}/intakes`, payload: {} });
      assert.equal(sent.statusCode, 201, sent.body);
      assert.equal(sent.json().mailQueued, true);
      const doctor = await signedIn(t, 'doctor');
      const assign = (pid: string, over: Record<string, unknown>) => as(t, doctor, { method: 'POST', url: `/api/patients/${pid}/scale-assignments`, payload: { scaleId: 'phq9', informant: 'self', startDate: '2026-12-02', windowDays: 3, ...over } });
      const assigned = await assign(p.id, { kind: 'recurring', intervalDays: 7, occurrences: 2 });
      assert.equal(assigned.statusCode, 200, assigned.body);
      // No email and no LINE: refused to reception before anything changes; a doctor gets the link to hand over.
      const q = await newPatient(t, rec, { email: null });
      const refused = await as(t, rec, { method: 'POST', url: `/api/patients/${q.id}/intakes`, payload: {} });
      assert.equal(refused.statusCode, 409, refused.body);
      const byDoctor = await as(t, doctor, { method: 'POST', url: `/api/patients/${q.id}/intakes`, payload: {} });
      assert.equal(byDoctor.statusCode, 201, byDoctor.body);
      assert.equal(byDoctor.json().mailQueued, false);
      assert.ok(byDoctor.json().link.url, 'the doctor hands the link over');
      assert.equal((await assign(q.id, { kind: 'once' })).statusCode, 200);
      t.clock.advance(86_400_000); // the first windows open
      try {
        assert.ok((await deliverDueQuestionnaires(deps())).invites >= 1);
        await deliverDueQuestionnaires(deps());
        t.clock.advance(2 * 86_400_000); // within a day of the close: the reminder
        assert.ok((await deliverDueQuestionnaires(deps())).reminders >= 1);
        assert.equal((await deliverDueQuestionnaires(deps())).reminders, 0, 'once');
        await deliverLineOnce(deps());
      } finally {
        t.clock.advance(-3 * 86_400_000);
      }
      const rows = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', p.id).orderBy('created_at').execute();
      assert.deepEqual(rows.map((r) => `${r.kind}/${r.channel}`), ['intake_link/line', 'questionnaire_invite/line', 'questionnaire_reminder/line']);
      assert.ok(rows.every((r) => r.to_address === p.user && /\/p\/l\//.test(r.body_text)), 'each carries its link to the LINE user');
      assert.ok(rows.every((r) => !/PHQ|うつ|問診票|気分/.test(r.body_text)), 'discreet: no scale name, nothing clinical');
      const pushed = fake.pushes.filter((x) => x.to === p.user);
      assert.equal(pushed.length, 3);
      assert.ok(pushed.some((x) => /期限が近づいて/.test(x.text)));
      // The other patient's messages are in the outbox, once each, as undeliverable — with no live link kept.
      const none = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', q.id).orderBy('created_at').execute();
      assert.deepEqual(none.map((r) => `${r.kind}/${r.channel}/${r.status}`), ['intake_link/none/failed', 'questionnaire_invite/none/failed']);
      assert.ok(none.every((r) => !/\/p\/l\//.test(r.body_text)));
      const list = (await as(t, rec, { url: `/api/outbox?patientId=${q.id}` })).json();
      assert.deepEqual(list.items.map((i: { channel: string; status: string }) => `${i.channel}/${i.status}`), ['none/failed', 'none/failed']);
      assert.equal((await as(t, rec, { method: 'POST', url: `/api/outbox/${none[0]!.id}/retry` })).statusCode, 404, 'nothing to re-send it to');
    });

    test('preference both: LINE and mail; the day-before reminder reaches the fake and the mail a real SMTP server', async () => {
      const p = await linkedPatient();
      assert.equal((await asPatient(t, p.ps, { method: 'PUT', url: '/api/p/line/preference', payload: { preference: 'both' } })).statusCode, 200);
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-02T10:00:00+09:00', resourceIds: ['dr-mori'] } });
      assert.equal(res.statusCode, 201, res.body);
      await queueDayBeforeReminders(deps());
      const rows = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', p.id).execute();
      assert.deepEqual(rows.map((r) => `${r.kind}/${r.channel}`).sort(), ['appointment_confirmation/line', 'appointment_confirmation/mail', 'appointment_reminder/line', 'appointment_reminder/mail']);
      const r = await deliverLineOnce(deps());
      assert.ok(r.sent >= 2);
      const mine = fake.pushes.filter((x) => x.to === p.user);
      assert.equal(mine.length, 2);
      assert.ok(mine.some((x) => /明日のご予約/.test(x.text) && /12月2日/.test(x.text)));
      assert.ok(mine.every((x) => x.retryKey && /^[0-9a-f-]{36}$/.test(x.retryKey)));
      const smtp = await startTestSmtp();
      try {
        const cfg = smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' })!;
        const worker = createMailWorker(deps(), cfg);
        await worker.runOnce();
        await worker.stop();
        assert.equal(smtp.received.filter((m) => m.to.includes(p.email)).length, 2, 'the mail worker never sends LINE rows');
      } finally {
        await smtp.close();
      }
    });

    test('retries with back-off on 500 and 429 (same retry key), 409 counts as sent; 400 and the monthly quota fall back to mail', async () => {
      const send = async () => {
        const p = await linkedPatient();
        // The first free 再診 slot from 3 December (each patient takes one).
        for (const day of ['2026-12-03', '2026-12-04', '2026-12-05', '2026-12-07']) {
          for (const time of ['09:30', '09:45', '10:30', '10:45', '11:30', '11:45', '14:30', '14:45', '15:30', '15:45']) {
            const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: `${day}T${time}:00+09:00`, resourceIds: ['dr-mori'] } });
            if (res.statusCode === 201) return p;
          }
        }
        throw new Error('no free slot');
      };
      const status = async (patientId: string) => t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', patientId).orderBy('created_at').execute();
      // 500 then 429 with Retry-After: retried later with the same key, then delivered.
      const a = await send();
      fake.failNextPushes([{ status: 500, message: 'Internal server error' }]);
      assert.deepEqual(await deliverLineOnce(deps()), { sent: 0, retried: 1, fellBack: 0 });
      let row = (await status(a.id))[0]!;
      assert.equal(row.status, 'pending');
      assert.match(row.last_error!, /500/);
      assert.equal(new Date(row.next_attempt_at).getTime() - t.clock.now.getTime(), 30_000, 'first back-off 30 s');
      assert.deepEqual(await deliverLineOnce(deps()), { sent: 0, retried: 0, fellBack: 0 }, 'not before its time');
      t.clock.advance(30_000);
      fake.failNextPushes([{ status: 429, message: 'The API rate limit has been exceeded. Try again later.', retryAfter: 600 }]);
      assert.deepEqual(await deliverLineOnce(deps()), { sent: 0, retried: 1, fellBack: 0 });
      row = (await status(a.id))[0]!;
      assert.equal(new Date(row.next_attempt_at).getTime() - t.clock.now.getTime(), 600_000, 'Retry-After honoured');
      t.clock.advance(600_000);
      assert.equal((await deliverLineOnce(deps())).sent, 1);
      const keys = fake.pushAttempts.filter((x) => x.to === a.user).map((x) => x.retryKey);
      assert.equal(keys.length, 3);
      assert.equal(new Set(keys).size, 1, 'one retry key for every attempt');
      // A retry LINE had already accepted: 409 → sent, never twice.
      const b = await send();
      const bRow = (await status(b.id))[0]!;
      fake.failNextPushes([{ status: 409, message: 'The retry key is already accepted' }]);
      assert.equal((await deliverLineOnce(deps())).sent, 1);
      assert.equal((await status(b.id)).find((r) => r.id === bRow.id)!.status, 'sent');
      // 400: permanent → mail.
      const c = await send();
      fake.failNextPushes([{ status: 400, message: 'The request body has 1 error(s)' }]);
      assert.equal((await deliverLineOnce(deps())).fellBack, 1);
      let rows = await status(c.id);
      assert.equal(rows.find((r) => r.channel === 'line')!.status, 'failed');
      assert.match(rows.find((r) => r.channel === 'line')!.last_error!, /400.*sent by mail/);
      assert.equal(rows.find((r) => r.channel === 'mail')!.to_address, c.email);
      // 429 for the monthly quota: never retried, mail at once.
      const d = await send();
      fake.failNextPushes([{ status: 429, message: 'You have reached your monthly limit.' }]);
      assert.equal((await deliverLineOnce(deps())).fellBack, 1);
      rows = await status(d.id);
      assert.match(rows.find((r) => r.channel === 'line')!.last_error!, /quota/);
      // Staff see it all in the outbox, LINE user ids never shown.
      const list = await as(t, rec, { url: `/api/outbox?patientId=${d.id}` });
      assert.equal(list.statusCode, 200);
      const items = list.json().items as { channel: string; to: string; status: string; lastError: string | null }[];
      assert.deepEqual(items.map((i) => i.channel).sort(), ['line', 'mail']);
      assert.ok(items.every((i) => !i.to.startsWith('U')));
      assert.equal(JSON.stringify(list.json()).includes(d.user), false);
    });

    test('the quota is read at most once a day and shown on the outbox', async () => {
      assert.equal(await refreshLineQuotas(deps()), 0, 'read with the check just now');
      t.clock.advance(86_400_000 + 1);
      assert.equal(await refreshLineQuotas(deps()), 1);
      assert.equal(await refreshLineQuotas(deps()), 0);
      // A day later the sessions have expired: sign in again.
      rec = await signedIn(t, 'reception');
      admin = await signedIn(t, 'admin');
      const list = (await as(t, rec, { url: '/api/outbox?limit=1' })).json();
      assert.deepEqual(list.lineQuota, { limit: 200, used: fake.pushes.length });
    });

    test('test messages from the settings: a mail to an address, a LINE to a user id; bad input is a 400', async () => {
      assert.equal((await as(t, admin, { method: 'POST', url: '/api/outbox/test', payload: { channel: 'mail', to: 'nope' } })).statusCode, 400);
      assert.equal((await as(t, admin, { method: 'POST', url: '/api/outbox/test', payload: { channel: 'line', to: 'nope' } })).statusCode, 400);
      const m = await as(t, admin, { method: 'POST', url: '/api/outbox/test', payload: { channel: 'mail', to: 'admin@example.test' } });
      assert.equal(m.statusCode, 200, m.body);
      const user = lineUserId();
      const l = await as(t, admin, { method: 'POST', url: '/api/outbox/test', payload: { channel: 'line', to: user } });
      assert.equal(l.statusCode, 200, l.body);
      await deliverLineOnce(deps());
      assert.ok(fake.pushes.some((p) => p.to === user && /テスト送信/.test(p.text)));
      assert.equal((await as(t, rec, { method: 'POST', url: '/api/outbox/test', payload: { channel: 'mail', to: 'x@example.test' } })).statusCode, 403);
    });
  });
}
