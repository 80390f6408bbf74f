import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { exampleAdultIntakeAnswers, exampleChildIntakeAnswers } from '@mimamori/core/intake/example-intake-answers';
import { testDialects } from '../../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

interface Patient {
  readonly cookie: string;
  readonly csrf: string;
}

for (const dialect of testDialects()) {
  describe(`intake (WEB問診) (${dialect})`, () => {
    let t: TestApp;
    let reception: Session;
    let doctor: Session;
    let nurse: Session;
    let admin: Session;
    before(async () => {
      // 2026-11-29 in Tokyo, so the example answers (a 14-year-old child) are valid.
      t = await createTestApp(dialect);
      t.clock.now = new Date('2026-11-29T01:00:00.000Z');
      reception = await signedIn(t, 'reception');
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      admin = await signedIn(t, 'admin');
    });
    after(() => t.destroy());

    const newPatient = async (over: Record<string, unknown> = {}) => {
      const r = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKanji: '見守 花子', nameKana: 'ミマモリ ハナコ', email: 'hanako@example.test', ...over }), acknowledgeDuplicates: true } });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().patient.id as string;
    };

    // A nurse sends: reception and administrators never see the link (it is mailed to the patient).
    const send = async (patientId: string, body: Record<string, unknown> = {}) => {
      const r = await as(t, nurse, { method: 'POST', url: `/api/patients/${patientId}/intakes`, payload: body });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { intakeId: string; link: { url: string }; mailQueued: boolean; qr: string; reused: boolean };
    };

    const open = async (url: string): Promise<Patient> => {
      const token = url.split('/p/l/')[1]!;
      assert.equal((await t.app.inject({ url: `/api/p/links/${token}` })).json().purpose, 'intake');
      const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } });
      assert.equal(ex.statusCode, 200, ex.body);
      return { cookie: ex.cookies.find((c) => c.name === PATIENT_COOKIE)!.value, csrf: ex.json().csrfToken };
    };

    const pt = (p: Patient, method: 'GET' | 'PUT' | 'POST', url: string, payload?: Record<string, unknown>, lang = 'ja'): Promise<LightMyRequestResponse> =>
      t.app.inject({ method, url, cookies: { [PATIENT_COOKIE]: p.cookie }, headers: { ...(method === 'GET' ? {} : { 'x-csrf-token': p.csrf }), 'accept-language': lang }, ...(payload === undefined ? {} : { payload }) });

    test('staff send the intake: a link to copy, a QR code, and a discreet email through the outbox', async () => {
      const patientId = await newPatient();
      const s = await send(patientId);
      assert.match(s.link.url, /^http:\/\/localhost:3000\/p\/l\/[A-Za-z0-9_-]{43}$/);
      assert.match(s.qr, /^data:image\/svg\+xml;base64,/);
      assert.equal(s.mailQueued, true);
      const mail = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', patientId).executeTakeFirstOrThrow();
      assert.equal(mail.to_address, 'hanako@example.test');
      assert.ok(mail.body_text.includes(s.link.url));
      assert.doesNotMatch(mail.subject, /問診|精神|心療|うつ|intake|psychi/i, 'the subject says nothing clinical');
      const st = await as(t, reception, { url: `/api/intake/status?patientIds=${patientId}` });
      assert.equal(st.json().patients[0].status, 'sent');
    });

    test('an adult fills in, leaves half-way, resumes on another device at the right screen, and submits once', async () => {
      const patientId = await newPatient();
      const { intakeId, link } = await send(patientId);
      const phone = await open(link.url);
      const first = (await pt(phone, 'GET', `/api/p/intakes/${intakeId}`)).json();
      assert.equal(first.intake.audience, 'adult');
      assert.equal(first.progress.currentGroupId, 'basic_patient');
      assert.ok(first.scales.phq9.items.length === 9 && first.scales.phq9.items[0].text.ja, 'the page gets the PHQ-9 wording');

      // Bad input on the first screen: an impossible date and kana typed in hiragana; phone with hyphens.
      const typed = { patient_name: '<b>見守</b> 花子', patient_name_kana: 'みまもり はなこ', birth_date: '1990-02-30', sex: { choice: 'female' }, patient_phone: '090-1234-5678' };
      const r1 = await pt(phone, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: typed, confirmGroup: 'basic_patient' });
      assert.equal(r1.statusCode, 200, r1.body);
      const b1 = r1.json();
      assert.deepEqual(b1.errors.map((e: { path: string; key: string }) => `${e.path}:${e.key}`), ['birth_date:date_invalid']);
      assert.equal(b1.errors[0].message, '存在しない日付です。');
      assert.equal(b1.values.birth_date, '1990-02-30', 'the invalid date is kept as typed');
      assert.equal(b1.values.patient_name_kana, 'ミマモリ ハナコ', 'kana is stored as katakana');
      assert.equal(b1.values.patient_phone, '+819012345678', 'the phone number is normalised');
      assert.equal(b1.values.patient_name, '<b>見守</b> 花子', 'markup is kept verbatim as text');
      assert.equal(b1.progress.currentGroupId, 'basic_patient');

      const r2 = await pt(phone, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { birth_date: '1990-06-15' }, confirmGroup: 'basic_patient' });
      assert.deepEqual(r2.json().errors, []);
      const rr = await pt(phone, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { respondent: { choice: 'self' } }, confirmGroup: 'basic_respondent' });
      assert.deepEqual(rr.json().errors, []);
      // Oversized free text is refused with a clear message, and kept so nothing is lost.
      const long = 'あ'.repeat(5000);
      const r3 = await pt(phone, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { chief_complaint: long }, confirmGroup: 'complaint_main' });
      const tooLong = r3.json().errors.find((e: { path: string }) => e.path === 'chief_complaint');
      assert.equal(tooLong.key, 'too_long');
      assert.match(tooLong.message, /文字以内/);
      assert.equal(r3.json().values.chief_complaint, long);
      assert.equal(r3.json().progress.currentGroupId, 'complaint_main');

      // A new browser: the same link again resumes where they left, with what they typed.
      const laptop = await open(link.url);
      const again = (await pt(laptop, 'GET', `/api/p/intakes/${intakeId}`)).json();
      assert.equal(again.progress.currentGroupId, 'complaint_main');
      assert.equal(again.values.chief_complaint, long);
      assert.equal(again.values.patient_name_kana, 'ミマモリ ハナコ');
      assert.equal((await as(t, reception, { url: `/api/intake/status?patientIds=${patientId}` })).json().patients[0].status, 'started');

      // Submitting with gaps lists them; then everything is filled in and submitted.
      const early = await pt(laptop, 'POST', `/api/p/intakes/${intakeId}/submit`, {});
      assert.equal(early.statusCode, 400);
      assert.ok(early.json().error.details.some((d: { path: string }) => d.path === 'chief_complaint'));
      // The core names the problem (a key and params); the error handler words it in the request's language.
      const gap = (r: LightMyRequestResponse) => (r.json().error.details as Array<{ path: string; message: string }>).find((d) => d.path === 'chief_complaint')?.message;
      assert.equal(gap(early), '1000文字以内で入力してください（現在5000文字）。');
      assert.equal(gap(await pt(laptop, 'POST', `/api/p/intakes/${intakeId}/submit`, {}, 'en')), 'Please use at most 1000 characters (now 5000).');
      const all = { ...exampleAdultIntakeAnswers().values, patient_name: '<script>alert(1)</script>', chief_complaint: '<img src=x onerror=alert(1)> 気分の落ち込み' };
      const scaleWith9 = { scaleId: 'phq9', answers: { q1: 2, q2: 2, q3: 3, q4: 2, q5: 1, q6: 1, q7: 2, q8: 1, q9: 1 } };
      const saved = await pt(laptop, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { ...all, scale_phq9: scaleWith9 } });
      assert.equal(saved.statusCode, 200, saved.body);
      const partial = await pt(laptop, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { scale_phq9: { scaleId: 'phq9', answers: { q1: 1 } } }, confirmGroup: 'scale_phq9' });
      assert.ok(partial.json().errors.some((e: { path: string; key: string }) => e.path === 'scale_phq9.q9' && e.key === 'required'), 'every item of a scale must be answered');
      await pt(laptop, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { scale_phq9: scaleWith9 } });
      const screen = await pt(laptop, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: {}, confirmGroup: 'scale_phq9' });
      assert.equal(screen.json().crisis, true, 'a positive item 9 shows crisis contacts at once');
      const alerts = await t.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patientId).execute();
      assert.equal(alerts.length, 1, 'the clinic is alerted as soon as the screen is done');
      assert.equal(alerts[0]!.source_type, 'intake', 'keyed by the intake, so the submit raises the same alert');
      assert.equal(alerts[0]!.severity, 'high', 'item 9 = 1 is high');

      const sub = await pt(laptop, 'POST', `/api/p/intakes/${intakeId}/submit`, {});
      assert.equal(sub.statusCode, 200, sub.body);
      assert.equal(sub.json().status, 'submitted');
      const twice = await pt(phone, 'POST', `/api/p/intakes/${intakeId}/submit`, {});
      assert.equal(twice.statusCode, 200);
      assert.equal(twice.json().submittedAt, sub.json().submittedAt, 'a second submit returns the first');
      assert.equal((await pt(phone, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { hopes_other: 'x' } })).statusCode, 409);

      const responses = await t.db.db.selectFrom('scale_responses').selectAll().where('patient_id', '=', patientId).execute();
      assert.deepEqual(responses.map((r) => `${r.scale_id}:${r.source}`).sort(), ['gad7:intake', 'phq9:intake'], 'each scale is stored once');
      assert.equal((await t.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patientId).execute()).length, 1, 'submitting does not alert twice');
      const row = await t.db.db.selectFrom('intakes').selectAll().where('id', '=', intakeId).executeTakeFirstOrThrow();
      assert.equal(row.consent_policy_version, '2026-04');
      assert.ok(row.consent_at);

      // The doctor's page: summary in both languages, answers, scores with bands, flags.
      const view = await as(t, doctor, { url: `/api/intakes/${intakeId}`, headers: { 'accept-language': 'ja' } });
      assert.equal(view.statusCode, 200, view.body);
      const v = view.json();
      assert.match(v.summary.ja.text, /PHQ-9: 15点/);
      assert.match(v.summary.ja.text, /^【要確認】/);
      assert.match(v.summary.en.text, /PHQ-9: 15/);
      assert.match(v.summary.ja.text, /<img src=x onerror=alert\(1\)> 気分の落ち込み/, 'markup is plain text in the summary');
      const phq = v.scores.find((s: { scaleId: string }) => s.scaleId === 'phq9');
      assert.equal(phq.total, 15);
      assert.equal(phq.bandId, 'moderately_severe');
      assert.equal(phq.flags[0].item, 'q9');
      assert.match(v.summary.ja.text, /項目9「/, 'the alert names the item by its words, not its id');
      assert.doesNotMatch(v.summary.ja.text, /q9/);
      assert.equal(v.scores.find((s: { scaleId: string }) => s.scaleId === 'gad7').total, 7);
      assert.ok(v.answers.some((s: { groups: Array<{ items: Array<{ questionId: string; text: string }> }> }) =>
        s.groups.some((g) => g.items.some((i) => i.questionId === 'patient_name' && i.text === '<script>alert(1)</script>'))));

      // Reception sees the status, never the answers.
      assert.equal((await as(t, reception, { url: `/api/intakes/${intakeId}` })).statusCode, 403);
      assert.equal((await as(t, reception, { url: `/api/patients/${patientId}/intakes` })).json().items[0].status, 'submitted');
    });

    test('a submitted intake is scored from its submitted answers; a flagged answer changed later stays on record', async () => {
      const patientId = await newPatient({ email: 'frozen@example.test' });
      const { intakeId, link } = await send(patientId);
      const p = await open(link.url);
      const all = exampleAdultIntakeAnswers().values;
      const start = t.clock.now;
      t.clock.now = new Date('2026-11-29T01:02:00.000Z'); // 10:02 in Tokyo
      // Item 9 = 2 and nothing else: the screen is left, the clinic is alerted at once (urgent).
      const first = { scaleId: 'phq9', answers: { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 2 } };
      const r1 = await pt(p, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { ...all, scale_phq9: first }, confirmGroup: 'scale_phq9' });
      assert.equal(r1.statusCode, 200, r1.body);
      assert.deepEqual(r1.json().errors, []);
      assert.equal(r1.json().crisis, true);
      const [alert] = await t.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patientId).execute();
      assert.equal(alert!.severity, 'urgent', 'item 9 = 2 is urgent');
      assert.equal((await t.db.db.selectFrom('scale_responses').selectAll().where('patient_id', '=', patientId).execute()).length, 0, 'a screen save scores nothing');

      // Then every answer changes: total 24 with item 9 = 0, and the form is submitted.
      t.clock.now = new Date('2026-11-29T01:10:00.000Z');
      const changed = { scaleId: 'phq9', answers: { q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3, q8: 3, q9: 0 } };
      const r2 = await pt(p, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { scale_phq9: changed }, confirmGroup: 'scale_phq9' });
      assert.deepEqual(r2.json().errors, []);
      assert.equal(r2.json().crisis, false);
      const sub = await pt(p, 'POST', `/api/p/intakes/${intakeId}/submit`, {});
      assert.equal(sub.statusCode, 200, sub.body);

      const v = (await as(t, doctor, { url: `/api/intakes/${intakeId}`, headers: { 'accept-language': 'ja' } })).json();
      const phq = v.scores.find((s: { scaleId: string }) => s.scaleId === 'phq9');
      assert.equal(phq.total, 24, 'the score is the submitted answers\' score, not the first flagged save');
      assert.equal(phq.bandId, 'severe');
      assert.match(v.summary.ja.text, /PHQ-9: 24点/);
      assert.deepEqual(phq.earlierAnswers.map((x: { item: string; value: number; submitted: number }) => [x.item, x.value, x.submitted]), [['q9', 2, 0]]);
      assert.match(v.summary.ja.text, /【要確認】PHQ-9 項目9「[^」]+」: 2026-11-29 10:02 に 2 と回答、その後 0 に変更して提出/);
      assert.match(v.summary.en.text, /item 9 "[^"]+": answered 2 at 2026-11-29 10:02, later changed to 0 before submitting/);

      const scores = await t.db.db.selectFrom('scale_scores').selectAll().where('patient_id', '=', patientId).where('scale_id', '=', 'phq9').execute();
      assert.deepEqual(scores.map((x) => x.total), [24], 'the scale history holds the submitted score only');
      const alerts = await t.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patientId).execute();
      assert.equal(alerts.length, 1, 'the earlier alert stays open: a doctor still looks at it');
      assert.equal(alerts[0]!.acknowledged_at, null);
      const events = await t.db.db.selectFrom('alert_events').selectAll().where('alert_id', '=', alerts[0]!.id).orderBy('seq').execute();
      const kinds = events.map((e) => e.type);
      assert.deepEqual(kinds.filter((k) => k !== 'sent'), ['raised', 'answer', 'answer_changed']);
      assert.deepEqual(JSON.parse(events.find((e) => e.type === 'answer_changed')!.detail_json), { scaleId: 'phq9', item: 'q9', from: 2, to: 0, answeredAt: '2026-11-29T01:02:00.000Z' });
      t.clock.now = start;
    });

    test('self-harm answers and phrases in free text alert the clinic at once, with PHQ-9 item 9 = 0', async () => {
      const patientId = await newPatient({ email: 'triggers@example.test' });
      const { intakeId, link } = await send(patientId);
      const p = await open(link.url);
      const all = exampleAdultIntakeAnswers().values;
      await pt(p, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: all });
      const sentence = '消えてしまいたい。昨日、薬をたくさん飲もうとした。';
      const r1 = await pt(p, 'PUT', `/api/p/intakes/${intakeId}/answers`, {
        values: { chief_complaint: sentence, symptoms: { choices: ['low_mood', 'suicidal_thoughts', 'self_harm'] } }, confirmGroup: 'complaint_main',
      });
      assert.equal(r1.statusCode, 200, r1.body);
      assert.deepEqual(r1.json().errors, []);
      assert.equal(r1.json().crisis, true, 'the crisis contacts show as soon as the screen is done');
      const row = await t.db.db.selectFrom('intakes').select('updated_at').where('id', '=', intakeId).executeTakeFirstOrThrow();
      const alerts = await t.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patientId).orderBy('kind').execute();
      assert.deepEqual(alerts.map((a) => `${a.kind}:${a.severity}:${a.source_type}`), ['free_text:review:intake', 'self_harm:high:intake']);
      assert.ok(alerts.every((a) => a.created_at === row.updated_at), 'raised with the save that stored the answer');
      const text = JSON.parse(alerts[0]!.summary_json);
      assert.equal(text.params.text, sentence, 'a phrase alert is shown with the text');
      assert.equal(text.params.phrases, '消えたい、OD・過量服薬');
      assert.match(JSON.parse(alerts[1]!.summary_json).params.answersJa, /死にたい気持ちになる/);

      // A recent suicide attempt makes the same alert urgent.
      const r2 = await pt(p, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { suicide_attempt: true, suicide_attempt_when: { choice: 'within_month' }, suicide_attempt_count: 2 }, confirmGroup: 'history_psychiatric' });
      assert.deepEqual(r2.json().errors, []);
      assert.equal(r2.json().crisis, true);
      const selfHarm = await t.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patientId).where('kind', '=', 'self_harm').execute();
      assert.equal(selfHarm.length, 1, 'one alert per intake and kind');
      assert.equal(selfHarm[0]!.severity, 'urgent');
      const events = await t.db.db.selectFrom('alert_events').select('type').where('alert_id', '=', selfHarm[0]!.id).orderBy('seq').execute();
      assert.deepEqual(events.map((e) => e.type), ['raised', 'answer', 'answer', 'severity_raised', 'answer', 'answer']);

      const scale0 = { scaleId: 'phq9', answers: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 0 } };
      await pt(p, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values: { scale_phq9: scale0 } });
      const sub = await pt(p, 'POST', `/api/p/intakes/${intakeId}/submit`, {});
      assert.equal(sub.statusCode, 200, sub.body);
      assert.equal(sub.json().crisis, true);
      assert.equal((await t.db.db.selectFrom('alerts').selectAll().where('patient_id', '=', patientId).execute()).length, 2, 'submitting raises nothing twice');
      const v = (await as(t, doctor, { url: `/api/intakes/${intakeId}`, headers: { 'accept-language': 'ja' } })).json();
      assert.match(v.summary.ja.text, /^【要確認】/);
      assert.match(v.summary.ja.text, /【要確認】[^\n]*死にたい気持ちになる/);
      assert.match(v.summary.ja.text, /【要確認】[^\n]*いちばん最近はいつですか。: この1か月以内/);
      assert.match(v.summary.ja.text, /【要確認】[^\n]*語句: 消えたい、OD・過量服薬/);
    });

    test('a guardian fills in for a child; the child scales follow the age', async () => {
      const patientId = await newPatient({ birthDate: '2012-05-01', guardians: [{ name: '見守 春子', relation: '母', email: 'haruko@example.test' }] });
      const { intakeId, link } = await send(patientId);
      const mail = await t.db.db.selectFrom('outbox').selectAll().where('patient_id', '=', patientId).executeTakeFirstOrThrow();
      assert.equal(mail.to_address, 'haruko@example.test', 'a child\'s intake goes to the guardian');
      const p = await open(link.url);
      const first = (await pt(p, 'GET', `/api/p/intakes/${intakeId}`)).json();
      assert.equal(first.intake.audience, 'child');
      const values = exampleChildIntakeAnswers().values;
      assert.equal((await pt(p, 'PUT', `/api/p/intakes/${intakeId}/answers`, { values })).statusCode, 200);
      const sub = await pt(p, 'POST', `/api/p/intakes/${intakeId}/submit`, {});
      assert.equal(sub.statusCode, 200, sub.body);
      const v = (await as(t, doctor, { url: `/api/intakes/${intakeId}`, headers: { 'accept-language': 'en' } })).json();
      assert.equal(v.intake.audience, 'child');
      assert.ok(v.answers.some((s: { id: string }) => s.id === 'development'));
    });

    test('a link for another patient\'s intake, and an expired link, are refused', async () => {
      const a = await newPatient();
      const b = await newPatient();
      const sa = await send(a);
      const sb = await send(b);
      const pa = await open(sa.link.url);
      assert.equal((await pt(pa, 'GET', `/api/p/intakes/${sb.intakeId}`)).statusCode, 403);
      assert.equal((await pt(pa, 'PUT', `/api/p/intakes/${sb.intakeId}/answers`, { values: { chief_complaint: 'x' } })).statusCode, 403);
      const sc = await send(await newPatient(), { expiresAt: new Date(t.clock.now.getTime() + 3600_000).toISOString() });
      t.clock.advance(2 * 3600_000);
      const token = sc.link.url.split('/p/l/')[1]!;
      const gone = await t.app.inject({ url: `/api/p/links/${token}` });
      assert.equal(gone.statusCode, 410);
      t.clock.now = new Date('2026-11-29T01:00:00.000Z');
    });

    test('sending again reuses the unfinished intake, so nothing typed is lost; the old link stops working', async () => {
      const patientId = await newPatient();
      const s1 = await send(patientId);
      const p = await open(s1.link.url);
      await pt(p, 'PUT', `/api/p/intakes/${s1.intakeId}/answers`, { values: { chief_complaint: '眠れない' } });
      const s2 = await send(patientId, { email: false });
      assert.equal(s2.intakeId, s1.intakeId);
      assert.equal(s2.reused, true);
      assert.equal(s2.mailQueued, false);
      assert.equal((await t.app.inject({ url: `/api/p/links/${s1.link.url.split('/p/l/')[1]}` })).statusCode, 410);
      const p2 = await open(s2.link.url);
      assert.equal((await pt(p2, 'GET', `/api/p/intakes/${s1.intakeId}`)).json().values.chief_complaint, '眠れない');
    });

    test('an admin publishes a new form version; past answers keep theirs; invalid edits are refused with paths', async () => {
      const patientId = await newPatient();
      const s1 = await send(patientId);
      const cur = await as(t, admin, { url: '/api/intake/definition' });
      assert.equal(cur.statusCode, 200);
      const def = cur.json().definition;
      assert.equal((await as(t, reception, { url: '/api/intake/definition' })).statusCode, 403);
      const bad = structuredClone(def);
      bad.version = def.version + 1;
      bad.sections[3].groups[0].questions[1].fields[3].showIf = { op: 'equals', sibling: 'freq', value: 'prn' };
      const rb = await as(t, admin, { method: 'POST', url: '/api/intake/definition', payload: { definition: bad } });
      assert.equal(rb.statusCode, 400);
      assert.match(rb.json().error.details[0].path, /fields\[3\]\(prn_when\)\.showIf/);
      assert.equal(rb.json().error.details[0].message, '「freq」は同じ行のこれより前の項目ではありません。');
      const rbEn = await as(t, admin, { method: 'POST', url: '/api/intake/definition', payload: { definition: bad }, headers: { 'accept-language': 'en' } });
      assert.equal(rbEn.json().error.details[0].message, '"freq" is not an earlier field of the same row.');
      const same = await as(t, admin, { method: 'POST', url: '/api/intake/definition', payload: { definition: def } });
      assert.equal(same.statusCode, 400, 'the same version number cannot be published again');
      const next = structuredClone(def);
      next.version = def.version + 1;
      next.sections[1].groups[0].questions[0].label = { ja: '一番困っていること', en: 'What troubles you most' };
      // The child form has no scored youth self-harm screen: refused without the clinic's written confirmation.
      const status = (await as(t, admin, { url: '/api/intake/child-screen' })).json();
      assert.deepEqual([status.missing, status.confirmation], [true, null]);
      const unconfirmed = await as(t, admin, { method: 'POST', url: '/api/intake/definition', payload: { definition: next } });
      assert.equal(unconfirmed.statusCode, 400, unconfirmed.body);
      assert.match(unconfirmed.json().error.message, /若者向けの自傷・自殺リスクのスクリーニング尺度がありません/);
      assert.equal(unconfirmed.json().error.details[0].path, 'noScreenConfirmation');
      const tooShort = await as(t, admin, { method: 'POST', url: '/api/intake/definition', payload: { definition: next, noScreenConfirmation: '  確認済み  ' } });
      assert.equal(tooShort.statusCode, 400);
      const text = '院長確認済み。12歳以上は診察時に医師が自傷・希死念慮を直接確認し、ライセンス取得まで尺度なしで運用する。';
      const ok = await as(t, admin, { method: 'POST', url: '/api/intake/definition', payload: { definition: next, noScreenConfirmation: text } });
      assert.equal(ok.statusCode, 201, ok.body);
      const after = (await as(t, admin, { url: '/api/intake/child-screen' })).json();
      assert.equal(after.missing, true);
      assert.equal(after.confirmation.text, text);
      assert.ok(after.confirmation.by && after.confirmation.byName, 'who confirmed, by name');
      const audited = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'intake_definition.publish_without_child_screen').execute();
      assert.equal(audited.length, 1);
      assert.ok(audited[0]!.detail!.includes(text));
      assert.equal((await as(t, nurse, { url: '/api/intake/child-screen' })).statusCode, 403);
      const p = await open(s1.link.url);
      assert.equal((await pt(p, 'GET', `/api/p/intakes/${s1.intakeId}`)).json().definition.version, def.version, 'the sent intake keeps its version');
      const fresh = await send(await newPatient());
      const pf = await open(fresh.link.url);
      assert.equal((await pt(pf, 'GET', `/api/p/intakes/${fresh.intakeId}`)).json().definition.version, def.version + 1);
    });
  });
}
