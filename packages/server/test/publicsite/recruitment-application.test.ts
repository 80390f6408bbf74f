import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoRecruitmentContent, demoSiteContent } from '@mimamori/core/publicsite/demo-public-site';
import { TMS_PROGRAM } from '@mimamori/core/programs/index';
import { insertApplication, insertProgramDefinition, insertRecruitmentPageVersion, insertSiteContentVersion, newId, seedSchedulingConfig } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type TestApp } from '../test-app.ts';
import { newPatient } from '../scheduling/scheduling-fixtures.ts';

const form = (o: Record<string, string>) => ({
  method: 'POST' as const,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(o).toString(),
});

function tokenOf(html: string): string {
  const m = /name="started" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the form carries its start token');
  return m[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

for (const dialect of testDialects()) {
  describe(`recruitment application → screening queue (${dialect})`, () => {
    let t: TestApp;
    const url = `/p/recruit/${TMS_PROGRAM.id}/apply`;
    before(async () => {
      t = await createTestApp(dialect);
      const now = t.clock.now.toISOString();
      await seedSchedulingConfig(t.db.db, { clinicId: t.clinicId, now });
      await insertSiteContentVersion(t.db.db, { clinicId: t.clinicId, expectedVersion: 0, content: demoSiteContent, now, by: null });
      await insertProgramDefinition(t.db.db, { id: newId(), clinic_id: t.clinicId, program_id: TMS_PROGRAM.id, version: 1, definition_json: JSON.stringify(TMS_PROGRAM), created_by: null, created_at: now });
      await insertRecruitmentPageVersion(t.db.db, { clinicId: t.clinicId, programId: TMS_PROGRAM.id, expectedVersion: 0, status: 'published', content: demoRecruitmentContent, now, by: null });
    });
    after(() => t.destroy());

    test('the page links to a form that works without JavaScript; errors come back in the page, all at once', async () => {
      const page = await t.app.inject({ url: `/p/recruit/${TMS_PROGRAM.id}` });
      assert.match(page.body, new RegExp(`href="${url}"`));
      const get = await t.app.inject({ url });
      assert.equal(get.statusCode, 200);
      assert.doesNotMatch(get.body, /<script/i);
      assert.match(get.body, /<form class="apply" method="post"/);
      t.clock.advance(20_000);
      const bad = await t.app.inject({ url, ...form({ started: tokenOf(get.body), website: '', name: '', phone: '12', age: '15', complaint: '', consent: '' }) });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /入力内容を確認してください（6件）/);
      for (const s of ['電話番号を確認してください', '連絡を受けることへの同意が必要です']) assert.ok(bad.body.includes(s), s);
      assert.match(bad.body, /id="guardianName"[^>]*aria-invalid="true"/);
      const rows = await t.db.db.selectFrom('recruitment_applications').selectAll().execute();
      assert.equal(rows.length, 0);
    });

    test('a robot gets the same answer and nothing is stored: honeypot, too fast, forged start', async () => {
      const get = await t.app.inject({ url });
      const ok = { name: '見本 一郎', phone: '090-1111-0001', age: '34', complaint: '眠れない', consent: 'yes' };
      const honey = await t.app.inject({ url, ...form({ ...ok, started: tokenOf(get.body), website: 'http://spam.example' }) });
      assert.equal(honey.statusCode, 200);
      assert.match(honey.body, /お申し込みを受け付けました/);
      const fast = await t.app.inject({ url, ...form({ ...ok, started: tokenOf(get.body), website: '' }) });
      assert.equal(fast.statusCode, 200);
      const forged = await t.app.inject({ url, ...form({ ...ok, started: String(t.clock.now.getTime() - 60_000), website: '' }) });
      assert.equal(forged.statusCode, 200);
      assert.equal((await t.db.db.selectFrom('recruitment_applications').selectAll().execute()).length, 0);
      const denied = await t.db.db.selectFrom('audit_log').select('outcome').where('action', '=', 'recruitment.apply').execute();
      assert.deepEqual(denied.map((d) => d.outcome), ['denied', 'denied', 'denied']);
    });

    test('an application lands in the queue; reception sees contacts, not the complaint; each step is audited', async () => {
      const get = await t.app.inject({ url: `${url}?lang=en` });
      assert.match(get.body, /<html lang="en">/);
      t.clock.advance(30_000);
      const sent = await t.app.inject({ url: `${url}?lang=en`, ...form({ started: tokenOf(get.body), website: '', name: '見本 蓮', phone: '090-3333-0001', age: '16', complaint: '学校に行けない', guardianName: '見本 真理', guardianPhone: '090-2222-0009', consent: 'yes' }) });
      assert.equal(sent.statusCode, 200, sent.body);
      assert.match(sent.body, /we received your application/);

      const reception = await signedIn(t, 'reception');
      const q = await as(t, reception, { url: '/api/publicsite/applications' });
      assert.equal(q.statusCode, 200);
      const item = q.json().items[0];
      assert.deepEqual([item.name, item.phone, item.age, item.guardian.name, item.complaint], ['見本 蓮', '090-3333-0001', 16, '見本 真理', null]);
      const doctor = await signedIn(t, 'doctor');
      assert.equal((await as(t, doctor, { url: '/api/publicsite/applications' })).json().items[0].complaint, '学校に行けない');
      const researcher = await signedIn(t, 'researcher');
      assert.equal((await as(t, researcher, { url: '/api/publicsite/applications' })).statusCode, 403);
      // One application, to register the applicant without retyping the contact.
      const one = await as(t, reception, { url: `/api/publicsite/applications/${item.id}` });
      assert.equal(one.statusCode, 200, one.body);
      assert.deepEqual([one.json().application.name, one.json().application.phone, one.json().application.guardian, one.json().application.complaint], ['見本 蓮', '090-3333-0001', { name: '見本 真理', phone: '090-2222-0009' }, null]);
      const missing = await as(t, reception, { url: `/api/publicsite/applications/${'a'.repeat(32)}` });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.message, 'この申し込みは見つかりません。');
      assert.equal((await as(t, researcher, { url: `/api/publicsite/applications/${item.id}` })).statusCode, 403);

      const step = (to: string, appointmentId?: string) =>
        as(t, reception, { method: 'POST', url: `/api/publicsite/applications/${item.id}/status`, payload: { to, ...(appointmentId ? { appointmentId } : {}) } });
      assert.equal((await step('contacted')).statusCode, 200);
      // The screening visit: a first visit booked by staff for the applicant, named when the step is recorded.
      const patient = await newPatient(t, reception);
      const visit = await as(t, reception, { method: 'POST', url: '/api/appointments', payload: { patientId: patient.id, serviceId: 'shoshin', start: '2026-12-02T09:00:00+09:00' } });
      assert.equal(visit.statusCode, 201, visit.body);
      const visitId = visit.json().appointment.id as string;
      const wrong = await step('screening_booked', 'f'.repeat(32));
      assert.equal(wrong.statusCode, 400, wrong.body);
      assert.equal(wrong.json().error.details[0].path, 'appointmentId');
      assert.equal((await as(t, reception, { url: '/api/publicsite/applications' })).json().items[0].status, 'contacted', 'nothing half-written');
      assert.equal((await step('screening_booked', visitId)).statusCode, 200);
      const shown = (await as(t, reception, { url: '/api/publicsite/applications?all=1' })).json().items[0];
      assert.deepEqual([shown.appointment.id, shown.appointment.patientId, shown.appointment.serviceId, shown.appointment.status], [visitId, patient.id, 'shoshin', 'confirmed']);
      const stored = await t.db.db.selectFrom('recruitment_applications').select(['patient_id', 'appointment_id']).where('id', '=', item.id).executeTakeFirstOrThrow();
      assert.deepEqual([stored.patient_id, stored.appointment_id], [patient.id, visitId]);
      const back = await step('contacted');
      assert.equal(back.statusCode, 409);
      assert.doesNotMatch(back.json().error.message, /screening_booked|contacted/);
      const counts = (await as(t, reception, { url: '/api/publicsite/applications?all=1' })).json().counts;
      assert.deepEqual(counts, [{ programId: TMS_PROGRAM.id, status: 'screening_booked', n: 1 }]);
      // The appointment names its application, for the roles that see the queue (not its contacts).
      const named = await as(t, reception, { url: `/api/publicsite/applications/for-appointment/${visitId}` });
      assert.equal(named.statusCode, 200, named.body);
      assert.deepEqual(named.json(), { application: { id: item.id, programId: TMS_PROGRAM.id, status: 'screening_booked', createdAt: shown.createdAt } });
      assert.deepEqual((await as(t, reception, { url: `/api/publicsite/applications/for-appointment/${'e'.repeat(32)}` })).json(), { application: null });
      assert.equal((await as(t, researcher, { url: `/api/publicsite/applications/for-appointment/${visitId}` })).statusCode, 403);
      const actions = await t.db.db.selectFrom('audit_log').select('action').where('resource_id', '=', item.id).orderBy('seq').execute();
      assert.deepEqual(actions.map((a) => a.action), ['recruitment.apply', 'recruitment.application_read', 'recruitment.contacted', 'recruitment.screening_booked', 'recruitment.application_read']);
    });

    test('recording a call-back tells the applicant by mail, in the same step, discreetly; a bad time changes nothing', async () => {
      const reception = await signedIn(t, 'reception');
      const now = t.clock.now.toISOString();
      const data = (email: string | null) => ({ name: '見本 葵', phone: '090-4444-0001', email, age: 30, complaint: '気分が落ち込む', callTimes: '平日夕方', guardian: null });
      const withMail = newId();
      const noMail = newId();
      await insertApplication(t.db.db, { id: withMail, clinicId: t.clinicId, programId: TMS_PROGRAM.id, pageVersion: 1, data: data('aoi@example.test'), now });
      await insertApplication(t.db.db, { id: noMail, clinicId: t.clinicId, programId: TMS_PROGRAM.id, pageVersion: 1, data: data(null), now });
      const step = (id: string, body: Record<string, unknown>) => as(t, reception, { method: 'POST', url: `/api/publicsite/applications/${id}/status`, payload: { to: 'contacted', ...body } });
      // A time already past is refused, in Japanese, and nothing moves or is queued.
      const past = await step(withMail, { callbackAt: '2026-11-30T09:00:00+09:00' });
      assert.equal(past.statusCode, 400, past.body);
      assert.match(past.json().error.message, /60日以内/);
      assert.equal((await t.db.db.selectFrom('recruitment_applications').select('status').where('id', '=', withMail).executeTakeFirstOrThrow()).status, 'new');
      const of = (id: string) => t.db.db.selectFrom('outbox').selectAll().where('kind', '=', 'recruitment_callback').where('dedupe_key', 'like', `recruitment-callback:${id}:%`).execute();
      assert.equal((await of(withMail)).length, 0);
      // The call-back scheduled for tomorrow 18:00 Tokyo: one mail to the form's address.
      const ok = await step(withMail, { callbackAt: '2026-12-02T18:00:00+09:00' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().message, 'queued');
      const mails = await of(withMail);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.to_address, 'aoi@example.test');
      assert.equal(mails[0]!.channel, 'mail');
      assert.match(mails[0]!.body_text, /12月2日（水）18:00ごろにお電話いたします/);
      assert.doesNotMatch(`${mails[0]!.subject}\n${mails[0]!.body_text}`, /TMS|気分|うつ|モニター|治療/, 'nothing about the program or the complaint');
      const audit = await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'recruitment.contacted').where('resource_id', '=', withMail).executeTakeFirstOrThrow();
      assert.match(audit.detail!, /message=queued/);
      // No address and not a patient yet: the step is recorded and the outbox shows the message as undeliverable (the phone call is the contact).
      const none = await step(noMail, {});
      assert.equal(none.statusCode, 200, none.body);
      assert.equal(none.json().message, 'no_channel');
      assert.deepEqual((await of(noMail)).map((r) => `${r.channel}/${r.status}`), ['none/failed']);
    });
  });
}
