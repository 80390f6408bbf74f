import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';
import type { AppDeps } from '../../src/context.ts';
import { createMailWorker } from '../../src/mail/mail-worker.ts';
import { smtpConfigFrom } from '../../src/mail/smtp-config.ts';
import { queueDayBeforeReminders } from '../../src/services/scheduling/appointment-mail.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { startTestSmtp } from '../test-smtp.ts';
import { asPatient, newPatient } from './scheduling-fixtures.ts';


/** The decoded text/calendar part of a raw MIME message. */
function icsOf(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /content-type:\s*text\/calendar/i.test(p));
  assert.ok(part, 'has a text/calendar part');
  const [head, ...body] = part.split(/\r?\n\r?\n/);
  const content = body.join('\n\n').replace(/\r?\n--[^\r\n]*--\s*$/, '');
  if (/content-transfer-encoding:\s*base64/i.test(head!)) return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head!)) {
    return Buffer.from(content.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return content;
}

/** The subject, decoding RFC 2047 encoded words. */
function subjectOf(raw: string): string {
  const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw);
  return (m?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

for (const dialect of testDialects()) {
  describe(`reservation mail and patient sign-in (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
    const deps = (): AppDeps => ({ db: t.db, clock: t.clock.fn, config: t.config });
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
      smtp = await startTestSmtp();
    });
    after(async () => {
      await smtp.close();
      await t.destroy();
    });

    test('confirmation and day-before reminder reach a real SMTP server once, with a discreet subject and an .ics in UTC', async () => {
      const p = await newPatient(t, rec);
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-02T09:00:00+09:00', resourceIds: ['dr-mori'] } });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().appointment.id as string;
      // The fake clock is the day before (1 December, 10:00 Tokyo): the reminder is due.
      assert.equal(await queueDayBeforeReminders(deps()), 1);
      assert.equal(await queueDayBeforeReminders(deps()), 0, 'never queued twice');
      const cfg = smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' })!;
      const worker = createMailWorker(deps(), cfg);
      const sent = await worker.runOnce();
      await worker.runOnce();
      await worker.stop();
      assert.equal(sent.sent, 2);
      const mine = smtp.received.filter((m) => m.to.includes(p.email));
      assert.equal(mine.length, 2);
      const subjects = mine.map((m) => subjectOf(m.raw)).sort();
      assert.deepEqual(subjects, ['ご予約の確認（テストクリニック）', '明日のご予約（テストクリニック）'].sort());
      for (const m of mine) {
        const ics = icsOf(m.raw);
        assert.match(ics, /BEGIN:VEVENT/);
        assert.match(ics, /DTSTART:20261202T000000Z/, '9:00 in Tokyo is 00:00 UTC');
        assert.match(ics, /DTEND:20261202T001500Z/);
        assert.match(ics, new RegExp(`UID:${id}`));
        assert.doesNotMatch(ics + subjectOf(m.raw), /再診/, 'never names the service');
      }
    });

    test('cancelling queues a cancellation whose calendar entry is marked cancelled', async () => {
      const p = await newPatient(t, rec);
      const a = (await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-03T10:00:00+09:00' } })).json().appointment;
      await as(t, rec, { method: 'POST', url: `/api/appointments/${a.id}/cancel`, payload: { version: a.version } });
      const rows = await t.db.db.selectFrom('outbox').select(['kind', 'attachments_json']).where('patient_id', '=', p.id).orderBy('created_at').execute();
      assert.deepEqual(rows.map((r) => r.kind).sort(), ['appointment_cancellation', 'appointment_confirmation']);
      const cancel = rows.find((r) => r.kind === 'appointment_cancellation')!;
      assert.match(JSON.parse(cancel.attachments_json)[0].content, /STATUS:CANCELLED/);
    });

    test('sign-in with 診察券番号 + birth date + emailed code opens an appointments session; the same answer for unknown patients; 5 tries', async () => {
      const p = await newPatient(t, rec);
      const ask = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/p/appointments/sign-in/request', payload: body });
      const unknown = await ask({ patientNumber: '999999', birthDate: '1985-04-01' });
      const wrongBirth = await ask({ patientNumber: p.patientNumber, birthDate: '1990-01-01' });
      const right = await ask({ patientNumber: p.patientNumber, birthDate: '1985-04-01' });
      for (const r of [unknown, wrongBirth, right]) {
        assert.equal(r.statusCode, 202);
        assert.deepEqual(Object.keys(r.json()).sort(), ['challengeId', 'expiresAt']);
      }
      const codes = await t.db.db.selectFrom('outbox').select(['body_text', 'subject']).where('patient_id', '=', p.id).where('kind', '=', 'sign_in_code').execute();
      assert.equal(codes.length, 1, 'a code is mailed only for the matching patient');
      const code = /確認コード: (\d{6})/.exec(codes[0]!.body_text)![1]!;
      const verify = (challengeId: string, c: string) => t.app.inject({ method: 'POST', url: '/api/p/appointments/sign-in/verify', payload: { challengeId, code: c } });
      assert.equal((await verify(unknown.json().challengeId, code)).statusCode, 401);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) assert.equal((await verify(right.json().challengeId, wrong)).statusCode, 401);
      assert.equal((await verify(right.json().challengeId, code)).statusCode, 401, 'void after 5 wrong tries');

      const again = await ask({ patientNumber: String(Number(p.patientNumber)), birthDate: '1985-04-01' });
      const rows = await t.db.db.selectFrom('outbox').select(['body_text', 'created_at']).where('patient_id', '=', p.id).where('kind', '=', 'sign_in_code').orderBy('created_at').execute();
      const code2 = /確認コード: (\d{6})/.exec(rows.at(-1)!.body_text)![1]!;
      const ok = await verify(again.json().challengeId, code2);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().purpose, 'appointments');
      const cookie = ok.cookies.find((c) => c.name === PATIENT_COOKIE)!;
      const ps = { cookie: `${PATIENT_COOKIE}=${cookie.value}`, csrf: ok.json().csrfToken as string };
      const list = await asPatient(t, ps, { url: '/api/p/appointments' });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().clinicPhone, '03-0000-0000');
      assert.equal((await verify(again.json().challengeId, code2)).statusCode, 401, 'a code works once');
    });
    test('a same-day confirmation never offers an online-change deadline already past', async () => {
      const p = await newPatient(t, rec);
      // The clock is Tuesday 1 December 10:00: tomorrow's deadline (18:00 today) is still ahead.
      const today = (await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-02T15:00:00+09:00' } })).json().appointment;
      const later = await t.db.db.selectFrom('outbox').select('body_text').where('patient_id', '=', p.id).where('kind', '=', 'appointment_confirmation').executeTakeFirstOrThrow();
      assert.match(later.body_text, /変更・キャンセルは 12月1日（火）18:00 までオンラインで/, 'a future deadline, as a date people read');
      assert.match(later.body_text, /Date and time: Wed 2 Dec 2026 15:00/);
      await as(t, rec, { method: 'POST', url: `/api/appointments/${today.id}/cancel`, payload: { version: today.version } });
      const q = await newPatient(t, rec);
      // Wednesday 10:00, booking 16:00 the same day: its deadline (Tuesday 18:00) has passed.
      // (The last test of the file: the clock stays there; a session of that morning books.)
      t.clock.now = new Date('2026-12-02T01:00:00.000Z');
      const desk = await signedIn(t, 'reception');
      const r = await as(t, desk, { method: 'POST', url: '/api/appointments', payload: { patientId: q.id, serviceId: 'saishin', start: '2026-12-02T16:00:00+09:00' } });
      assert.equal(r.statusCode, 201, r.body);
      const same = await t.db.db.selectFrom('outbox').select('body_text').where('patient_id', '=', q.id).where('kind', '=', 'appointment_confirmation').executeTakeFirstOrThrow();
      assert.doesNotMatch(same.body_text, /までオンラインで/);
      assert.doesNotMatch(same.body_text, /\d{4}-\d{2}-\d{2}/, 'no ISO date');
      assert.match(same.body_text, /このご予約の変更・キャンセルは、お電話（03-0000-0000）でお願いします。/);
    });

  });
}
