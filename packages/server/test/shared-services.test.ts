import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { enqueueMail, newId, raiseAlert } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { createMailWorker } from '../src/mail/mail-worker.ts';
import { smtpConfigFrom } from '../src/mail/smtp-config.ts';
import { issuePatientLink } from '../src/services/patient-link-service.ts';
import { PATIENT_COOKIE } from '../src/auth/patient-auth.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from './test-app.ts';
import { startTestSmtp } from './test-smtp.ts';


for (const dialect of testDialects()) {
  describe(`shared services: outbox, patient links, alerts (${dialect})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
    let rec: Session;
    let patientId: string;
    before(async () => {
      t = await createTestApp(dialect);
      smtp = await startTestSmtp();
      rec = await signedIn(t, 'reception');
      patientId = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ email: 'taro@example.test' }) })).json().patient.id;
    });
    after(async () => {
      await smtp.close();
      await t.destroy();
    });

    const deps = () => ({ db: t.db, clock: t.clock.fn, config: t.config });
    const queue = (dedupeKey: string, subject = 'ご予約のお知らせ') =>
      t.db.db.transaction().execute((tx) =>
        enqueueMail(tx, { id: newId(), clinicId: t.clinicId, patientId, kind: 'test', to: 'taro@example.test', subject, text: '本文', dedupeKey, notBefore: t.clock.now.toISOString(), now: t.clock.now.toISOString(), attachments: [{ filename: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }] }),
      );

    test('queued mail is delivered to a real SMTP server once, even when the worker runs again', async () => {
      assert.equal(await queue('k1'), true);
      assert.equal(await queue('k1'), false, 'the same dedupe key is queued once');
      const cfg = smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' })!;
      const worker = createMailWorker(deps(), cfg);
      const first = await worker.runOnce();
      const second = await worker.runOnce();
      await worker.stop();
      assert.equal(first.sent, 1);
      assert.equal(second.sent, 0);
      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0]!.to, ['taro@example.test']);
      assert.match(smtp.received[0]!.raw, /text\/calendar/);
      const row = await t.db.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', 'k1').executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
    });

    test('a refused message is retried later with backoff and staff see the error; then it goes', async () => {
      await queue('k2');
      smtp.refuse.on = true;
      const cfg = smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off' })!;
      const worker = createMailWorker(deps(), cfg);
      assert.deepEqual(await worker.runOnce(), { sent: 0, failed: 1 });
      const seen = (await as(t, await signedIn(t, 'reception'), { url: '/api/outbox?status=pending' })).json();
      const failed = seen.items.find((m: { lastError: string | null }) => m.lastError);
      assert.ok(failed, 'the error is visible to staff');
      assert.match(failed.lastError, /451|mailbox/);
      smtp.refuse.on = false;
      assert.equal((await worker.runOnce()).sent, 0, 'not before the backoff');
      t.clock.advance(61_000);
      assert.equal((await worker.runOnce()).sent, 1);
      await worker.stop();
    });

    test('with no SMTP configured, mail waits in the outbox, visible to staff', async () => {
      await queue('k3', 'お知らせ');
      const r = (await as(t, await signedIn(t, 'reception'), { url: '/api/outbox' })).json();
      assert.equal(r.smtpConfigured, false);
      assert.ok(r.items.some((m: { subject: string; status: string }) => m.subject === 'お知らせ' && m.status === 'pending'));
      const researcher = await signedIn(t, 'researcher');
      assert.equal((await as(t, researcher, { url: '/api/outbox' })).statusCode, 403);
    });

    test('SMTP without TLS is refused for anything but a relay on this machine', () => {
      assert.throws(() => smtpConfigFrom({ SMTP_HOST: 'mail.example.com', SMTP_TLS: 'off' }), /only allowed/);
      assert.equal(smtpConfigFrom({ SMTP_HOST: 'mail.example.com' })?.tls, 'require');
    });

    test('a patient link: GET does not use it; POST opens a session scoped to one patient and purpose; it expires', async () => {
      const link = await t.db.db.transaction().execute((tx) =>
        issuePatientLink(deps(), tx, { clinicId: t.clinicId, patientId, purpose: 'questionnaire', resourceId: 'q1', expiresAt: new Date(t.clock.now.getTime() + 3 * 86_400_000).toISOString(), maxUses: 2, createdBy: null }),
      );
      assert.match(link.url, /\/p\/l\/[A-Za-z0-9_-]{43}$/);
      for (let i = 0; i < 3; i++) assert.equal((await t.app.inject({ url: `/api/p/links/${link.token}` })).statusCode, 200, 'GETs (mail scanners) do not spend it');
      const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token: link.token } });
      assert.equal(ex.statusCode, 200);
      assert.equal(ex.json().purpose, 'questionnaire');
      const cookie = ex.cookies.find((c) => c.name === PATIENT_COOKIE)!;
      assert.match(String(ex.headers['set-cookie']), /HttpOnly.*Secure|Secure.*HttpOnly/);
      const me = await t.app.inject({ url: '/api/p/session', cookies: { [PATIENT_COOKIE]: cookie.value } });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().resourceId, 'q1');
      // The patient session opens nothing of the staff API.
      assert.equal((await t.app.inject({ url: `/api/patients/${patientId}`, cookies: { [PATIENT_COOKIE]: cookie.value } })).statusCode, 401);
      assert.equal((await t.app.inject({ url: '/api/patients', cookies: { [PATIENT_COOKIE]: cookie.value } })).statusCode, 401);
      // 15 minutes idle ends it.
      t.clock.advance(16 * 60_000);
      assert.equal((await t.app.inject({ url: '/api/p/session', cookies: { [PATIENT_COOKIE]: cookie.value } })).statusCode, 401);
      // A second use is allowed (resume on another device); a third is not.
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token: link.token } })).statusCode, 200);
      const third = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token: link.token } });
      assert.equal(third.statusCode, 410);
      assert.match(third.json().error.message, /無効|有効期限/);
      const forged = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token: 'A'.repeat(43) } });
      assert.equal(forged.statusCode, 410);
    });

    test('a safety alert stays open until a doctor acknowledges it with a note; nurses and reception cannot', async () => {
      const id = newId();
      await t.db.db.transaction().execute((tx) =>
        raiseAlert(tx, { id, clinicId: t.clinicId, patientId, kind: 'suicidality', severity: 'urgent', sourceType: 'test', sourceId: id, summary: { key: 'alert.phq9_item9', params: { value: 2 } }, now: t.clock.now.toISOString() }),
      );
      const nurse = await signedIn(t, 'nurse');
      const list = (await as(t, nurse, { url: '/api/alerts' })).json();
      assert.ok(list.items.some((a: { id: string }) => a.id === id));
      const reception = await signedIn(t, 'reception');
      assert.equal((await as(t, reception, { url: '/api/alerts' })).statusCode, 403, 'reception sees no risk flags');
      const urgent = await as(t, reception, { url: '/api/alerts/urgent-patients' });
      assert.equal(urgent.statusCode, 200, urgent.body);
      assert.deepEqual(Object.keys(urgent.json()), ['patientIds'], 'only that a patient has an open urgent alert, not its content');
      assert.ok(urgent.json().patientIds.includes(patientId));
      assert.equal((await as(t, await signedIn(t, 'researcher'), { url: '/api/alerts' })).statusCode, 403, 'a researcher sees no alerts with identities');
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/alerts/${id}/acknowledge`, payload: { note: '電話で確認' } })).statusCode, 403);
      t.clock.advance(2 * 3600_000);
      const doctor = await signedIn(t, 'doctor');
      assert.equal((await as(t, doctor, { url: '/api/alerts' })).json().items.find((a: { id: string }) => a.id === id).overdue, true);
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/alerts/${id}/acknowledge`, payload: { note: '' } })).statusCode, 400, 'a note is required');
      // The clinic sets its own time: 3 hours → the 2-hour-old alert is no longer highlighted.
      assert.equal((await as(t, await signedIn(t, 'nurse'), { method: 'PUT', url: '/api/alerts/settings', payload: { overdueMinutes: 180 } })).statusCode, 403);
      assert.equal((await as(t, doctor, { method: 'PUT', url: '/api/alerts/settings', payload: { overdueMinutes: 1 } })).statusCode, 400);
      assert.equal((await as(t, doctor, { method: 'PUT', url: '/api/alerts/settings', payload: { overdueMinutes: 180 } })).statusCode, 200);
      const after3h = (await as(t, doctor, { url: '/api/alerts' })).json();
      assert.equal(after3h.overdueMinutes, 180);
      assert.equal(after3h.items.find((a: { id: string }) => a.id === id).overdue, false);
      const ack = await as(t, doctor, { method: 'POST', url: `/api/alerts/${id}/acknowledge`, payload: { note: '本人に電話し安全を確認。明日受診。' } });
      assert.equal(ack.statusCode, 200);
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/alerts/${id}/acknowledge`, payload: { note: 'again' } })).statusCode, 409);
      assert.ok(!(await as(t, doctor, { url: '/api/alerts' })).json().items.some((a: { id: string }) => a.id === id));
      const audit = await t.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'alert.acknowledge').where('resource_id', '=', id).execute();
      assert.equal(audit.length, 1);
    });
  });
}
