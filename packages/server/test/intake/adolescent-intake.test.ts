import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { exampleChildIntakeAnswers } from '@mimamori/core/intake/example-intake-answers';
import { testDialects } from '../../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

interface Patient { readonly cookie: string; readonly csrf: string }

for (const dialect of testDialects()) {
  describe(`the adolescent's own intake link (${dialect})`, () => {
    let t: TestApp;
    let reception: Session;
    let nurse: Session;
    let doctor: Session;
    before(async () => {
      t = await createTestApp(dialect);
      // 2026-11-29 in Tokyo: a child born 2012-05-01 is 14.
      t.clock.now = new Date('2026-11-29T01:00:00.000Z');
      reception = await signedIn(t, 'reception');
      nurse = await signedIn(t, 'nurse');
      doctor = await signedIn(t, 'doctor');
    });
    after(() => t.destroy());

    const newChild = async (over: Record<string, unknown> = {}) => {
      const r = await as(t, reception, {
        method: 'POST', url: '/api/patients',
        payload: { ...adultInput({ nameKanji: '見守 湊', nameKana: 'ミマモリ ミナト', birthDate: '2012-05-01', email: null, guardians: [{ name: '見守 春子', relation: '母', email: 'haruko@example.test' }], ...over }), acknowledgeDuplicates: true },
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().patient.id as string;
    };
    const open = async (url: string): Promise<Patient> => {
      const token = url.split('/p/l/')[1]!;
      const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } });
      assert.equal(ex.statusCode, 200, ex.body);
      return { cookie: ex.cookies.find((c) => c.name === PATIENT_COOKIE)!.value, csrf: ex.json().csrfToken };
    };
    const pt = (p: Patient, method: 'GET' | 'PUT' | 'POST', url: string, payload?: Record<string, unknown>): Promise<LightMyRequestResponse> =>
      t.app.inject({ method, url, cookies: { [PATIENT_COOKIE]: p.cookie }, headers: method === 'GET' ? {} : { 'x-csrf-token': p.csrf }, ...(payload === undefined ? {} : { payload }) });

    test("the adolescent answers their own part on their own link; the guardian's session cannot open it", async () => {
      const patientId = await newChild();
      const g = await as(t, nurse, { method: 'POST', url: `/api/patients/${patientId}/intakes`, payload: {} });
      assert.equal(g.statusCode, 201, g.body);
      const a = await as(t, nurse, { method: 'POST', url: `/api/patients/${patientId}/intakes/adolescent`, payload: {} });
      assert.equal(a.statusCode, 201, a.body);
      const guardianIntake = g.json().intakeId as string;
      const ownIntake = a.json().intakeId as string;
      assert.notEqual(ownIntake, guardianIntake);
      assert.notEqual(a.json().link.url, g.json().link.url);
      // The only address is the mother's: the adolescent's link is not mailed there.
      assert.equal(a.json().mailQueued, false);
      const mails = await t.db.db.selectFrom('outbox').select(['to_address', 'channel']).where('patient_id', '=', patientId).execute();
      assert.deepEqual(mails.map((m) => `${m.channel}:${m.to_address}`).sort(), ['mail:haruko@example.test', 'none:'], 'the adolescent\'s link shows in the outbox as undeliverable (no own address, no own LINE)');

      const guardian = await open(g.json().link.url);
      const gv = (await pt(guardian, 'GET', `/api/p/intakes/${guardianIntake}`)).json();
      const guardianScreens = gv.definition.sections.flatMap((s: { groups: Array<{ id: string }> }) => s.groups.map((x) => x.id));
      assert.ok(!guardianScreens.includes('self_feelings'), "the guardian's form leaves out the adolescent's screens");
      assert.equal(gv.intake.respondent, 'guardian');

      const teen = await open(a.json().link.url);
      const tv = (await pt(teen, 'GET', `/api/p/intakes/${ownIntake}`)).json();
      assert.equal(tv.intake.respondent, 'adolescent');
      assert.deepEqual(tv.definition.sections.flatMap((s: { groups: Array<{ id: string }> }) => s.groups.map((x) => x.id)), ['self_feelings']);
      const saved = await pt(teen, 'PUT', `/api/p/intakes/${ownIntake}/answers`, {
        values: { self_worries: 'もう消えたい', self_feelings: { choices: ['low_mood', 'suicidal_thoughts'] }, self_attempt: false }, confirmGroup: 'self_feelings',
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(saved.json().errors, []);
      assert.equal(saved.json().crisis, true, 'the crisis panel shows at once');
      const crisis = await pt(teen, 'GET', '/api/p/crisis-contacts');
      assert.equal(crisis.statusCode, 200, crisis.body);
      assert.equal(crisis.json().audience, 'child', 'the adolescent sees the contacts for children');

      // Neither session opens the other's answers.
      assert.equal((await pt(guardian, 'GET', `/api/p/intakes/${ownIntake}`)).statusCode, 403);
      assert.equal((await pt(guardian, 'PUT', `/api/p/intakes/${ownIntake}/answers`, { values: { self_worries: 'x' } })).statusCode, 403);
      assert.equal((await pt(teen, 'GET', `/api/p/intakes/${guardianIntake}`)).statusCode, 403);

      const sub = await pt(teen, 'POST', `/api/p/intakes/${ownIntake}/submit`, {});
      assert.equal(sub.statusCode, 200, sub.body);
      assert.equal(sub.json().crisis, true);

      // The guardian's part still submits without the adolescent's screens.
      assert.equal((await pt(guardian, 'PUT', `/api/p/intakes/${guardianIntake}/answers`, { values: exampleChildIntakeAnswers().values })).statusCode, 200);
      assert.equal((await pt(guardian, 'POST', `/api/p/intakes/${guardianIntake}/submit`, {})).statusCode, 200);

      // Staff see who answered which part, and the alert from the adolescent's own answers.
      const list = (await as(t, doctor, { url: `/api/patients/${patientId}/intakes` })).json().items as Array<{ id: string; respondent: string }>;
      assert.deepEqual(Object.fromEntries(list.map((i) => [i.id, i.respondent])), { [guardianIntake]: 'guardian', [ownIntake]: 'adolescent' });
      const read = (await as(t, doctor, { url: `/api/intakes/${ownIntake}` })).json();
      assert.equal(read.intake.respondent, 'adolescent');
      assert.match(read.summary.ja.text, /本人の訴え: もう消えたい/);
      assert.match(read.summary.ja.text, /希死念慮（本人回答）/);
      const alerts = await t.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patientId).execute();
      assert.ok(alerts.some((x) => x.source_id === ownIntake && x.severity === 'high'), 'the self-harm answer alerts the clinic');
      // The day list follows the guardian's intake.
      assert.equal((await as(t, reception, { url: `/api/intake/status?patientIds=${patientId}` })).json().patients[0].id, guardianIntake);
    });

    test("a recent attempt on the adolescent's link is urgent", async () => {
      const patientId = await newChild();
      const a = (await as(t, nurse, { method: 'POST', url: `/api/patients/${patientId}/intakes/adolescent`, payload: {} })).json();
      const teen = await open(a.link.url);
      const r = await pt(teen, 'PUT', `/api/p/intakes/${a.intakeId}/answers`, {
        values: { self_feelings: { choices: ['self_harm'] }, self_attempt: true, self_attempt_when: { choice: 'within_month' } }, confirmGroup: 'self_feelings',
      });
      assert.equal(r.statusCode, 200, r.body);
      const alerts = await t.db.db.selectFrom('alerts').selectAll().where('source_id', '=', a.intakeId).execute();
      assert.deepEqual(alerts.map((x) => x.severity), ['urgent']);
    });

    test("the link goes only to the adolescent's own address; reception never sees it; ages outside 12–17 are refused", async () => {
      const own = await newChild({ email: 'minato@example.test' });
      const r = await as(t, reception, { method: 'POST', url: `/api/patients/${own}/intakes/adolescent`, payload: {} });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().link, null);
      assert.equal(r.json().mailQueued, true);
      const mail = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', own).executeTakeFirstOrThrow();
      assert.equal(mail.to_address, 'minato@example.test');
      assert.doesNotMatch(mail.subject, /問診|精神|心療|うつ|自殺|intake/i);

      // The patient's address is the guardian's too: reception cannot send it (nothing is created).
      const shared = await newChild({ email: 'haruko@example.test' });
      const refused = await as(t, reception, { method: 'POST', url: `/api/patients/${shared}/intakes/adolescent`, payload: {} });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.match(refused.json().error.message, /ご本人のメールアドレス/);
      assert.equal((await t.db.db.selectFrom('intakes').select('id').where('patient_id', '=', shared).execute()).length, 0);

      const young = await newChild({ birthDate: '2016-01-01' });
      const y = await as(t, nurse, { method: 'POST', url: `/api/patients/${young}/intakes/adolescent`, payload: {}, headers: { 'accept-language': 'en' } });
      assert.equal(y.statusCode, 400, y.body);
      assert.match(y.json().error.message, /aged 12 to 17 \(this patient is 10\)/);
    });

    test("a minor's own questionnaire is never mailed to a guardian's address; their own address gets it", async () => {
      // The test clock is 2026-11-29: the windows open on that day.
      const payload = { scaleId: 'phq9', informant: 'self', kind: 'once', startDate: '2026-11-29', windowDays: 3 };
      const shared = await newChild({ email: 'haruko@example.test' });
      const a = await as(t, doctor, { method: 'POST', url: `/api/patients/${shared}/scale-assignments`, payload });
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(a.json().link.mailed, false, "the family address is the mother's too: handed over in person");
      assert.deepEqual((await t.db.db.selectFrom('outbox').select('channel').where('patient_id', '=', shared).execute()).map((m) => m.channel), ['none'], 'nothing sent; staff see it as undeliverable');
      const own = await newChild({ email: 'minato@example.test' });
      const b = await as(t, doctor, { method: 'POST', url: `/api/patients/${own}/scale-assignments`, payload });
      assert.equal(b.statusCode, 200, b.body);
      assert.equal(b.json().link.mailed, true);
      assert.deepEqual((await t.db.db.selectFrom('outbox').select('to_address').where('patient_id', '=', own).execute()).map((m) => m.to_address), ['minato@example.test']);
    });
  });
}
