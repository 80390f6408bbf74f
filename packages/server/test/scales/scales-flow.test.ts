import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';
import type { AppDeps } from '../../src/context.ts';
import { deliverDueQuestionnaires } from '../../src/services/scales/deliver-questionnaires.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const phq9 = (q9: number) => ({ q1: 1, q2: 2, q3: 1, q4: 1, q5: 0, q6: 1, q7: 1, q8: 0, q9 });

interface PatientSession {
  readonly cookie: string;
  readonly csrf: string;
  readonly resourceId: string;
}

async function openLink(t: TestApp, url: string): Promise<PatientSession> {
  const token = url.split('/p/l/')[1]!;
  const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } });
  assert.equal(ex.statusCode, 200, ex.body);
  const cookie = ex.cookies.find((c) => c.name === PATIENT_COOKIE)!.value;
  return { cookie, csrf: ex.json().csrfToken, resourceId: ex.json().resourceId };
}

function asPatient(t: TestApp, p: PatientSession, o: { method?: 'GET' | 'PUT' | 'POST'; url: string; payload?: object; lang?: string }) {
  return t.app.inject({
    method: o.method ?? 'GET', url: o.url, payload: o.payload, cookies: { [PATIENT_COOKIE]: p.cookie },
    headers: { 'accept-language': o.lang ?? 'ja', ...(o.method && o.method !== 'GET' ? { 'x-csrf-token': p.csrf } : {}) },
  });
}

for (const dialect of testDialects()) {
  describe(`scales: assign, answer, alert (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let reception: Session;
    let nurse: Session;
    let patientId: string;
    let otherPatientId: string;
    const deps = (): AppDeps => ({ db: t.db, clock: t.clock.fn, config: t.config });
    before(async () => {
      t = await createTestApp(dialect);
      doctor = await signedIn(t, 'doctor');
      reception = await signedIn(t, 'reception');
      nurse = await signedIn(t, 'nurse');
      patientId = (await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ email: 'taro@example.test' }) })).json().patient.id;
      otherPatientId = (await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '佐藤 花子', nameKana: 'サトウ ハナコ', birthDate: '1990-01-02', phone: '090-9999-0000' }) })).json().patient.id;
    });
    after(() => t.destroy());

    const assign = (over: object = {}, who: Session = doctor, pid = patientId) =>
      as(t, who, { method: 'POST', url: `/api/patients/${pid}/scale-assignments`, payload: { scaleId: 'phq9', informant: 'self', kind: 'once', startDate: '2026-12-01', windowDays: 3, ...over } });

    test('a scale is assigned only in its age range: PHQ-9 (13+) is refused for a 10-year-old, in Japanese, and nothing is stored', async () => {
      const child = await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '小児 一郎', nameKana: 'ショウニ イチロウ', birthDate: '2016-05-05', phone: '090-5555-0000', acknowledgeDuplicates: true, guardians: [{ name: '小児 花子', nameKana: 'ショウニ ハナコ', relation: '母', phone: '090-5555-0001' }] }) });
      assert.equal(child.statusCode, 201, child.body);
      const pid = child.json().patient.id;
      const r = await assign({}, doctor, pid);
      assert.equal(r.statusCode, 400, r.body);
      assert.match(r.json().error.message, /PHQ-9 はこの患者さんの年齢では使えません/);
      assert.equal((await t.db.db.selectFrom('scale_assignments').select('id').where('patient_id', '=', pid).execute()).length, 0);
    });

    test('only a doctor assigns; the link is mailed (discreet subject) and shown with a QR code', async () => {
      assert.equal((await assign({}, nurse)).statusCode, 403);
      assert.equal((await assign({}, reception)).statusCode, 403);
      const res = await assign();
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.match(body.link.url, /\/p\/l\//);
      assert.match(body.link.qr, /^data:image\/svg\+xml;base64,/);
      assert.equal(body.link.mailed, true);
      const outbox = (await as(t, reception, { url: `/api/outbox?patientId=${patientId}` })).json().items;
      assert.equal(outbox.length, 1);
      assert.doesNotMatch(outbox[0].subject, /PHQ|うつ|質問票|depress/i);
      // The outbox view masks the link's token (staff must not open the patient's answers with it).
      assert.ok(outbox[0].body.includes(body.link.url.replace(/\/p\/l\/.*$/, '/p/l/••••••')));
      assert.ok(!outbox[0].body.includes(body.link.url.split('/p/l/')[1]));
    });

    test('recurring: PHQ-9 every 14 days for 12 weeks makes 6 windows; only the open one is delivered now', async () => {
      const res = await assign({ kind: 'recurring', intervalDays: 14, occurrences: 6, windowDays: 3 });
      assert.equal(res.statusCode, 200, res.body);
      const inst = res.json().instances as Array<{ opensAt: string; closesAt: string }>;
      assert.equal(inst.length, 6);
      assert.equal(inst[0]!.opensAt, '2026-11-30T15:00:00.000Z');
      assert.equal(inst[1]!.opensAt, '2026-12-14T15:00:00.000Z');
      assert.equal(inst[0]!.closesAt, '2026-12-03T15:00:00.000Z');
      const bad = await assign({ kind: 'recurring', intervalDays: 2, occurrences: 3, windowDays: 5 }, doctor);
      assert.equal(bad.statusCode, 400);
    });

    test('metadata-only and clinician-rated scales cannot be sent to patients', async () => {
      assert.equal((await assign({ scaleId: 'madrs' })).statusCode, 400);
      assert.equal((await assign({ scaleId: 'hamd17' })).statusCode, 400);
    });

    test('the patient saves as they go, resumes on another device, submits once; item 9 > 0 alerts and returns crisis contacts', async () => {
      const res = await assign();
      const { url } = res.json().link;
      const a = await openLink(t, url);
      const q = await asPatient(t, a, { url: `/api/p/questionnaires/${a.resourceId}` });
      assert.equal(q.statusCode, 200);
      assert.equal(q.json().form.items.length, 9);
      assert.ok(q.json().form.items[0].text.ja);
      const draft = await asPatient(t, a, { method: 'PUT', url: `/api/p/questionnaires/${a.resourceId}/draft`, payload: { answers: { q1: 1, q2: 2 } } });
      assert.equal(draft.statusCode, 200, draft.body);
      // Another device opens the same link and sees the saved answers.
      const b = await openLink(t, url);
      assert.deepEqual((await asPatient(t, b, { url: `/api/p/questionnaires/${b.resourceId}` })).json().draft, { q1: 1, q2: 2 });
      assert.equal(draft.json().safety, false);
      // An answer that meets the safety rule brings the crisis contacts back with the save, and the
      // alert is raised at once: a patient who then closes the page is still seen by a clinician.
      const risky = await asPatient(t, b, { method: 'PUT', url: `/api/p/questionnaires/${b.resourceId}/draft`, payload: { answers: { q1: 1, q2: 2, q9: 1 } } });
      assert.equal(risky.json().safety, true);
      assert.ok(risky.json().crisisContacts.length > 0);
      assert.equal((await as(t, nurse, { url: `/api/alerts?patientId=${patientId}` })).json().items.length, 1);
      // Out of range: a clear message in the patient's language, nothing stored.
      const bad = await asPatient(t, b, { method: 'POST', url: `/api/p/questionnaires/${b.resourceId}/submit`, payload: { answers: { ...phq9(1), q3: 7 } }, lang: 'en' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].message, 'the answer 7 to item q3 is out of range; allowed: 0, 1, 2, 3');
      const badJa = await asPatient(t, b, { method: 'POST', url: `/api/p/questionnaires/${b.resourceId}/submit`, payload: { answers: { ...phq9(1), q3: 7 } } });
      assert.equal(badJa.json().error.details[0].message, '項目 q3 の回答 7 は範囲外です（0, 1, 2, 3 のいずれか）');
      assert.equal((await t.db.db.selectFrom('scale_responses').select('id').where('instance_id', '=', b.resourceId).execute()).length, 0);
      // Submit twice (a retry): one response, the same answer.
      const s1 = await asPatient(t, b, { method: 'POST', url: `/api/p/questionnaires/${b.resourceId}/submit`, payload: { answers: phq9(1) } });
      const s2 = await asPatient(t, b, { method: 'POST', url: `/api/p/questionnaires/${b.resourceId}/submit`, payload: { answers: phq9(1) } });
      assert.equal(s1.statusCode, 200, s1.body);
      assert.equal(s2.statusCode, 200);
      assert.equal(s1.json().safety, true);
      assert.equal(s2.json().duplicate, true);
      assert.ok(s1.json().crisisContacts.some((c: { phone: string }) => c.phone === '0120-279-338'));
      assert.equal((await t.db.db.selectFrom('scale_responses').select('id').where('instance_id', '=', b.resourceId).execute()).length, 1);
      // The alert is on the dashboard — one alert for the questionnaire, not one per save and submit.
      const alerts = (await as(t, nurse, { url: `/api/alerts?patientId=${patientId}` })).json().items;
      assert.equal(alerts.length, 1);
      assert.equal(alerts[0].kind, 'suicidality');
      assert.equal((await as(t, reception, { url: '/api/alerts' })).statusCode, 403);
      // Drafts cannot change a submitted questionnaire.
      assert.equal((await asPatient(t, b, { method: 'PUT', url: `/api/p/questionnaires/${b.resourceId}/draft`, payload: { answers: { q1: 0 } } })).statusCode, 409);
    });

    test("a link opens only its own questionnaire: not another instance, not another patient's", async () => {
      const mine = (await assign()).json();
      const theirs = (await assign({}, doctor, otherPatientId)).json();
      const p = await openLink(t, mine.link.url);
      for (const url of [`/api/p/questionnaires/${theirs.link.instanceId}`, `/api/p/questionnaires/${newId()}`]) {
        assert.equal((await asPatient(t, p, { url })).statusCode, 403);
        assert.equal((await asPatient(t, p, { method: 'POST', url: `${url}/submit`, payload: { answers: phq9(0) } })).statusCode, 403);
      }
      assert.equal((await t.db.db.selectFrom('scale_responses').select('id').where('instance_id', '=', theirs.link.instanceId).execute()).length, 0);
    });

    test('an expired link opens nothing; a closed window refuses submission', async () => {
      const res = (await assign({ startDate: '2026-12-01', windowDays: 1 })).json();
      const p = await openLink(t, res.link.url);
      t.clock.advance(2 * 86_400_000);
      try {
        const token = res.link.url.split('/p/l/')[1];
        assert.equal((await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } })).statusCode, 410);
        const late = await asPatient(t, p, { method: 'POST', url: `/api/p/questionnaires/${p.resourceId}/submit`, payload: { answers: phq9(0) } });
        assert.ok([401, 410].includes(late.statusCode), String(late.statusCode));
      } finally {
        t.clock.advance(-2 * 86_400_000);
      }
    });

    test('reception sees delivery status and links, never answers or scores; nurses see scores', async () => {
      const d = await as(t, reception, { url: `/api/patients/${patientId}/scale-assignments` });
      assert.equal(d.statusCode, 200);
      assert.doesNotMatch(d.body, /"total"|"answers"|"band"/);
      assert.equal((await as(t, reception, { url: `/api/patients/${patientId}/scale-results` })).statusCode, 403);
      const n = await as(t, nurse, { url: `/api/patients/${patientId}/scale-results` });
      assert.equal(n.statusCode, 200);
      const phq = n.json().scales.find((s: { scaleId: string }) => s.scaleId === 'phq9');
      assert.equal(phq.series[0].points[0].total, 8);
      assert.equal(phq.series[0].points[0].answers.q9, 1);
      const responseId = phq.series[0].points[0].responseId;
      assert.equal((await as(t, reception, { url: `/api/scale-responses/${responseId}/fhir` })).statusCode, 403);
      const qr = await as(t, nurse, { url: `/api/scale-responses/${responseId}/fhir` });
      assert.equal(qr.json().resourceType, 'QuestionnaireResponse');
      const obs = await as(t, nurse, { url: `/api/scale-responses/${responseId}/observation` });
      assert.equal(obs.json().resourceType, 'Observation');
      assert.equal((await as(t, nurse, { url: '/api/scales/phq9/fhir' })).json().resourceType, 'Questionnaire');
    });

    test('a doctor enters HAM-D17; nurses cannot; the score is stored with its version', async () => {
      const answers = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`q${i + 1}`, 1]));
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/patients/${patientId}/scale-ratings`, payload: { scaleId: 'hamd17', answers } })).statusCode, 403);
      const key = `k${newId()}`;
      const r1 = await as(t, doctor, { method: 'POST', url: `/api/patients/${patientId}/scale-ratings`, payload: { scaleId: 'hamd17', answers, idempotencyKey: key } });
      assert.equal(r1.statusCode, 200, r1.body);
      assert.equal(r1.json().total, 17);
      const r2 = await as(t, doctor, { method: 'POST', url: `/api/patients/${patientId}/scale-ratings`, payload: { scaleId: 'hamd17', answers, idempotencyKey: key } });
      assert.equal(r2.json().duplicate, true);
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/patients/${patientId}/scale-ratings`, payload: { scaleId: 'phq9', answers: phq9(0) } })).statusCode, 400);
    });

    test('the delivery job mails opened windows and a reminder before the window closes, once each', async () => {
      const res = (await assign({ kind: 'recurring', startDate: '2026-12-02', intervalDays: 7, occurrences: 2, windowDays: 3 })).json();
      assert.equal(res.link, null);
      t.clock.advance(86_400_000); // 2026-12-02 10:00 JST: the first window is open
      try {
        assert.equal((await deliverDueQuestionnaires(deps())).invites >= 1, true);
        assert.equal((await deliverDueQuestionnaires(deps())).invites, 0);
        t.clock.advance(2 * 86_400_000); // within 24 h of closing
        const r = await deliverDueQuestionnaires(deps());
        assert.ok(r.reminders >= 1);
        assert.equal((await deliverDueQuestionnaires(deps())).reminders, 0);
        const mails = await t.db.db.selectFrom('outbox').select(['kind', 'dedupe_key']).where('dedupe_key', 'like', `%:${res.instances[0].id}`).execute();
        assert.deepEqual(mails.map((m) => m.kind).sort(), ['questionnaire_invite', 'questionnaire_reminder']);
      } finally {
        t.clock.advance(-3 * 86_400_000);
      }
    });
  });
}
