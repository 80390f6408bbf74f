import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { testDialects } from '../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../src/auth/patient-auth.ts';
import { createMailWorker } from '../src/mail/mail-worker.ts';
import { smtpConfigFrom } from '../src/mail/smtp-config.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from './test-app.ts';
import { startTestSmtp } from './test-smtp.ts';

/**
 * A patient link opens what the patient typed so far. Staff who may issue one but not read the
 * answers (reception, administrators) must never hold it: re-issuing mails it to the patient, a
 * browser with a staff session cannot open a patient session, and the outbox view masks tokens and
 * one-time codes for every role.
 */

interface PatientSession { readonly cookie: string; readonly csrf: string }

const tokenOf = (url: string) => url.split('/p/l/')[1]!;
const linkIn = (text: string) => /http:\/\/localhost:3000\/p\/l\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];

/** The text/plain body of a raw MIME message (base64 or quoted-printable), for checking what was delivered. */
function plainText(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? raw;
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head!)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

for (const dialect of testDialects()) {
  describe(`patient links stay with the patient (${dialect})`, () => {
    let t: TestApp;
    let reception: Session;
    let admin: Session;
    let doctor: Session;
    let nurse: Session;
    before(async () => {
      t = await createTestApp(dialect);
      reception = await signedIn(t, 'reception');
      admin = await signedIn(t, 'admin');
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
    });
    after(async () => t.destroy());

    let n = 0;
    // Link and sign-in routes allow 20 requests a minute per address; each call here comes from its own.
    let addr = 0;
    const from = () => `10.9.${Math.floor(++addr / 250)}.${addr % 250}`;
    const newPatient = async (email: string | null) => {
      n++;
      const r = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKanji: `見守 ${'一二三四五六七八九'[n % 9]}郎`, ...(email ? { email } : {}) }), acknowledgeDuplicates: true } });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().patient as { id: string; patientNumber: string };
    };
    const exchange = (token: string, staff?: Session): Promise<LightMyRequestResponse> =>
      t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token }, headers: staff ? { cookie: staff.cookie } : {}, remoteAddress: from() });
    const openAsPatient = async (token: string): Promise<PatientSession> => {
      const ex = await exchange(token);
      assert.equal(ex.statusCode, 200, ex.body);
      return { cookie: ex.cookies.find((c) => c.name === PATIENT_COOKIE)!.value, csrf: ex.json().csrfToken };
    };
    const asPatient = (p: PatientSession, method: 'GET' | 'PUT', url: string, payload?: object, staff?: Session) =>
      t.app.inject({
        method, url, payload,
        headers: { cookie: `${PATIENT_COOKIE}=${p.cookie}${staff ? `; ${staff.cookie}` : ''}`, ...(method === 'GET' ? {} : { 'x-csrf-token': p.csrf }) },
      });
    const outboxRows = (patientId: string) => t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', patientId).orderBy('created_at').execute();
    const linkUses = async (token: string) => {
      const ex = await t.app.inject({ url: `/api/p/links/${token}`, remoteAddress: from() });
      return ex.statusCode;
    };

    /** A PHQ-9 the patient has started, item 9 answered: the draft reception must not see. */
    const startedQuestionnaire = async (email: string | null) => {
      const p = await newPatient(email);
      const a = await as(t, doctor, { method: 'POST', url: `/api/patients/${p.id}/scale-assignments`, payload: { scaleId: 'phq9', informant: 'self', kind: 'once', startDate: '2026-12-01', windowDays: 3 } });
      assert.equal(a.statusCode, 200, a.body);
      const { url, instanceId } = a.json().link as { url: string; instanceId: string };
      const patient = await openAsPatient(tokenOf(url));
      const d = await asPatient(patient, 'PUT', `/api/p/questionnaires/${instanceId}/draft`, { answers: { q1: 1, q9: 3 } });
      assert.equal(d.statusCode, 200, d.body);
      return { p, instanceId, token: tokenOf(url), patient };
    };

    test('reception and administrators re-issuing a questionnaire link get no link: it is mailed to the patient, who can still answer', async () => {
      for (const who of [reception, admin]) {
        const email = `${who.staff.role}.resend@example.test`;
        const q = await startedQuestionnaire(email);
        const r = await as(t, who, { method: 'POST', url: `/api/scale-instances/${q.instanceId}/link` });
        assert.equal(r.statusCode, 200, r.body);
        assert.deepEqual(Object.keys(r.json()).sort(), ['expiresAt', 'mailed']);
        assert.equal(r.json().mailed, true);
        assert.doesNotMatch(r.body, /\/p\/l\/|"q9"|data:image/);
        const mail = (await outboxRows(q.p.id)).find((m) => m.kind === 'questionnaire_resend');
        assert.ok(mail, 'the new link goes to the patient through the outbox');
        assert.equal(mail.to_address, email);
        // The patient's mailed link opens their draft; the earlier one no longer does.
        const fresh = await openAsPatient(tokenOf(linkIn(mail.body_text)!));
        assert.equal((await asPatient(fresh, 'GET', `/api/p/questionnaires/${q.instanceId}`)).json().draft.q9, 3);
        assert.equal(await linkUses(q.token), 410);
      }
    });

    test('doctors and nurses, who may read the answers, still get the link and QR code to show', async () => {
      const q = await startedQuestionnaire(null);
      for (const who of [nurse, doctor]) {
        const r = await as(t, who, { method: 'POST', url: `/api/scale-instances/${q.instanceId}/link` });
        assert.equal(r.statusCode, 200, r.body);
        assert.match(r.json().url, /\/p\/l\//);
        assert.match(r.json().qr, /^data:image\/svg\+xml;base64,/);
        assert.equal(r.json().mailed, false);
      }
    });

    test('without an email address, reception is told a doctor or nurse can show the link, and nothing changes', async () => {
      const q = await startedQuestionnaire(null);
      // The assignment already kept its undeliverable invitation in the outbox (channel `none`); the refused attempt adds nothing.
      const before = (await outboxRows(q.p.id)).length;
      const r = await as(t, reception, { method: 'POST', url: `/api/scale-instances/${q.instanceId}/link` });
      assert.equal(r.statusCode, 409);
      assert.match(r.json().error.message, /メールアドレスも LINE の連携もない.*医師・看護師/);
      const en = await as(t, reception, { method: 'POST', url: `/api/scale-instances/${q.instanceId}/link`, headers: { 'accept-language': 'en' } });
      assert.match(en.json().error.message, /no email address and no LINE link.*doctor or nurse/);
      assert.equal(await linkUses(q.token), 200, "the patient's own link still works");
      assert.equal((await outboxRows(q.p.id)).length, before);
    });

    test('a browser with a staff session cannot exchange a patient link or use a patient session (403, audited, link not spent)', async () => {
      const q = await startedQuestionnaire(null);
      const linkRow = () => t.db.db.selectFrom('patient_links').select('uses').where('patient_id', '=', q.p.id).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
      const usesBefore = (await linkRow()).uses;
      for (const who of [reception, admin, doctor]) {
        const r = await exchange(q.token, who);
        assert.equal(r.statusCode, 403);
        assert.equal(r.json().error.code, 'forbidden');
        assert.match(r.json().error.message, /スタッフとしてログインしているブラウザ/);
        assert.equal(r.cookies.find((c) => c.name === PATIENT_COOKIE), undefined);
      }
      assert.equal((await linkRow()).uses, usesBefore, 'a refused exchange does not use the link');
      const both = await asPatient(q.patient, 'GET', `/api/p/questionnaires/${q.instanceId}`, undefined, reception);
      assert.equal(both.statusCode, 403);
      assert.doesNotMatch(both.body, /q9/);
      const audited = await t.db.db.selectFrom('audit_log').select(['actor_id', 'outcome']).where('action', '=', 'patient_link.staff_refused').execute();
      assert.ok(audited.some((a) => a.actor_id === reception.staff.staffId && a.outcome === 'denied'));
      // A staff member signed out (no cookie) is just a browser: the patient's device works as before.
      assert.equal((await asPatient(q.patient, 'GET', `/api/p/questionnaires/${q.instanceId}`)).statusCode, 200);
    });

    test('reception re-sending an unfinished intake gets no link (reused, mailed); without an address it is refused and the link kept', async () => {
      const p = await newPatient('intake@example.test');
      const first = await as(t, nurse, { method: 'POST', url: `/api/patients/${p.id}/intakes`, payload: { email: false } });
      assert.equal(first.statusCode, 201, first.body);
      const { intakeId } = first.json();
      const phone = await openAsPatient(tokenOf(first.json().link.url));
      const typed = await asPatient(phone, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { patient_name: '見守 花子' }, confirmGroup: 'basic_patient' });
      assert.equal(typed.statusCode, 200, typed.body);

      const r = await as(t, reception, { method: 'POST', url: `/api/patients/${p.id}/intakes`, payload: { email: false } });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().reused, true);
      assert.equal(r.json().link, null);
      assert.equal(r.json().qr, null);
      assert.equal(r.json().mailQueued, true, 'mailed even though email:false was asked');
      assert.doesNotMatch(r.body, /\/p\/l\//);
      const mail = (await outboxRows(p.id)).find((m) => m.kind === 'intake_link')!;
      const resumed = await openAsPatient(tokenOf(linkIn(mail.body_text)!));
      assert.equal((await asPatient(resumed, 'GET', `/api/p/intakes/${intakeId}`)).statusCode, 200);
      assert.equal((await exchange(tokenOf(linkIn(mail.body_text)!), reception)).statusCode, 403);

      const noMail = await newPatient(null);
      const sent = await as(t, nurse, { method: 'POST', url: `/api/patients/${noMail.id}/intakes`, payload: {} });
      const token = tokenOf(sent.json().link.url);
      const refused = await as(t, reception, { method: 'POST', url: `/api/patients/${noMail.id}/intakes`, payload: { email: false } });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'invalid_state');
      assert.equal(await linkUses(token), 200, "the patient's link was not revoked");
      const intakes = await t.db.db.selectFrom('intakes').select('id').where('patient_id', '=', noMail.id).execute();
      assert.equal(intakes.length, 1);
    });

    test('the outbox view masks link tokens and one-time codes for every role; the delivered mail carries them', async () => {
      const smtp = await startTestSmtp();
      try {
        const p = await newPatient('codes@example.test');
        const asked = await t.app.inject({ method: 'POST', url: '/api/p/appointments/sign-in/request', payload: { patientNumber: p.patientNumber, birthDate: '1985-04-01' }, remoteAddress: from() });
        assert.equal(asked.statusCode, 202, asked.body);
        assert.equal((await as(t, nurse, { method: 'POST', url: `/api/patients/${p.id}/intakes`, payload: {} })).statusCode, 201);
        const stored = await outboxRows(p.id);
        const code = /確認コード: (\d{6})/.exec(stored.find((m) => m.kind === 'sign_in_code')!.body_text)![1]!;
        const link = linkIn(stored.find((m) => m.kind === 'intake_link')!.body_text)!;
        for (const who of [admin, doctor, nurse, reception]) {
          const items = (await as(t, who, { url: `/api/outbox?patientId=${p.id}` })).json().items as Array<{ kind: string; body: string }>;
          assert.equal(items.length, 2);
          for (const m of items) {
            assert.ok(!m.body.includes(code) && !m.body.includes(tokenOf(link)), `${who.staff.role} sees ${m.kind} unmasked`);
          }
          assert.match(items.find((m) => m.kind === 'sign_in_code')!.body, /確認コード: ••••••[\s\S]*Your code: ••••••/);
          assert.match(items.find((m) => m.kind === 'intake_link')!.body, /\/p\/l\/••••••/);
        }
        const cfg = smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' })!;
        const worker = createMailWorker({ db: t.db, clock: t.clock.fn, config: t.config }, cfg);
        await worker.runOnce();
        await worker.stop();
        const delivered = smtp.received.filter((m) => m.to.includes('codes@example.test')).map((m) => plainText(m.raw));
        assert.equal(delivered.length, 2);
        assert.ok(delivered.some((b) => b.includes(`確認コード: ${code}`)), 'the patient receives the real code');
        assert.ok(delivered.some((b) => b.includes(link)), 'the patient receives the real link');
      } finally {
        await smtp.close();
      }
    });
  });
}
