import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newId, raiseAlert, seedSchedulingConfig } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';
import { createMailWorker } from '../../src/mail/mail-worker.ts';
import { smtpConfigFrom } from '../../src/mail/smtp-config.ts';
import { runAlertDispatch } from '../../src/services/safety/alert-escalation.ts';
import { adultInput, as, createStaff, createTestApp, sessionFor, signedIn, type TestApp, type TestStaff } from '../test-app.ts';
import { startTestSmtp, type TestSmtp } from '../test-smtp.ts';

for (const dialect of testDialects()) {
  describe(`urgent alerts reach whoever is on call, and escalate (${dialect})`, () => {
    let t: TestApp;
    let smtp: TestSmtp;
    let drA: TestStaff;
    let drB: TestStaff;
    let admin: TestStaff;
    let patientId: string;
    const deps = () => ({ db: t.db, clock: t.clock.fn, config: t.config });
    const events = async (alertId: string) => (await t.db.db.selectFrom('alert_events').selectAll().where('alert_id', '=', alertId).orderBy('seq').execute()).map((e) => `${e.type}${e.staff_id ? `:${e.staff_id}` : ''}`);

    before(async () => {
      t = await createTestApp(dialect);
      smtp = await startTestSmtp();
      // Saturday 2026-12-05 22:00 in Tokyo: the clinic is closed.
      t.clock.now = new Date('2026-12-05T13:00:00.000Z');
      await seedSchedulingConfig(t.db.db, { clinicId: t.clinicId, now: t.clock.now.toISOString() });
      drA = await createStaff(t, 'doctor');
      drB = await createStaff(t, 'doctor');
      admin = await createStaff(t, 'admin');
      const editor = await sessionFor(t, admin);
      for (const [s, mail] of [[drA, 'dr-a@example.test'], [drB, 'dr-b@example.test'], [admin, 'admin@example.test']] as const) {
        const r = await as(t, editor, { method: 'PUT', url: `/api/safety/channels/${s.staffId}`, payload: { mail } });
        assert.equal(r.statusCode, 200, r.body);
      }
      // The weekend rota: Dr A first, Dr B second, Saturday 20:00 to Monday 09:00.
      for (const [s, position] of [[drA, 1], [drB, 2]] as const) {
        const r = await as(t, editor, { method: 'POST', url: '/api/safety/oncall', payload: { staffId: s.staffId, startsAt: '2026-12-05T20:00:00+09:00', endsAt: '2026-12-07T09:00:00+09:00', position } });
        assert.equal(r.statusCode, 201, r.body);
      }
      const bad = await as(t, editor, { method: 'POST', url: '/api/safety/oncall', payload: { staffId: drA.staffId, startsAt: '2026-12-07T09:00:00+09:00', endsAt: '2026-12-05T20:00:00+09:00' } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /終了は開始より後/);
      const rec = await signedIn(t, 'reception');
      patientId = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '夜間 太郎', email: 'yakan@example.test' }) })).json().patient.id;
    });
    after(async () => {
      await smtp.close();
      await t.destroy();
    });

    const raise = (severity: 'urgent' | 'high') => {
      const id = newId();
      return t.db.db.transaction().execute(async (tx) => {
        await raiseAlert(tx, { id, clinicId: t.clinicId, patientId, kind: 'self_harm', severity, sourceType: 'test', sourceId: id, summary: { key: 'alert_intake_safety', params: {} }, now: t.clock.now.toISOString() });
        return id;
      });
    };

    test('sent at once → delivered → not acknowledged → escalated to the next on call, then the administrator → acknowledged', async () => {
      const id = await raise('urgent');
      assert.equal((await runAlertDispatch(deps())).sent, 1);
      assert.deepEqual(await events(id), ['raised', `sent:${drA.staffId}`]);

      // Delivered by the mail worker to a real SMTP server; the subject says nothing clinical or personal.
      const cfg = smtpConfigFrom({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'off', SMTP_FROM: 'clinic@example.test' })!;
      const worker = createMailWorker(deps(), cfg);
      assert.equal((await worker.runOnce()).sent, 1);
      const mail = smtp.received.at(-1)!;
      assert.deepEqual(mail.to, ['dr-a@example.test']);
      const queued = await t.db.db.selectFrom('outbox').selectAll().where('to_address', '=', 'dr-a@example.test').executeTakeFirstOrThrow();
      assert.equal(queued.status, 'sent');
      assert.ok(queued.body_text.includes(`http://localhost:3000/alerts/${id}`), 'a link to the alert in the staff app');
      assert.doesNotMatch(`${queued.subject}\n${queued.body_text}`, /夜間|太郎|自殺|自傷|希死|suicid|self-harm/i, 'no patient and no clinical term in the mail');
      assert.equal(queued.patient_id, null);
      await runAlertDispatch(deps());
      assert.deepEqual(await events(id), ['raised', `sent:${drA.staffId}`, `delivered:${drA.staffId}`]);

      // 14 minutes: still Dr A's. 15: escalated to Dr B. 15 more: the administrator.
      t.clock.advance(14 * 60_000);
      assert.equal((await runAlertDispatch(deps())).sent, 0);
      t.clock.advance(60_000);
      // Two runs at once (two server processes) send the step once.
      const [r1, r2] = await Promise.all([runAlertDispatch(deps()), runAlertDispatch(deps())]);
      assert.equal(r1.sent + r2.sent, 1);
      t.clock.advance(15 * 60_000);
      assert.equal((await runAlertDispatch(deps())).sent, 1);
      const history = await events(id);
      assert.deepEqual(history.filter((e) => !e.startsWith('delivered')), [
        'raised', `sent:${drA.staffId}`, `escalated:${drB.staffId}`, `sent:${drB.staffId}`, `escalated:${admin.staffId}`, `sent:${admin.staffId}`,
      ]);

      // Dr B acknowledges; nothing more is sent.
      const doctor = await sessionFor(t, drB);
      const ack = await as(t, doctor, { method: 'POST', url: `/api/alerts/${id}/acknowledge`, payload: { note: '本人と電話で話し、家族が付き添っている' } });
      assert.equal(ack.statusCode, 200, ack.body);
      t.clock.advance(60 * 60_000);
      assert.equal((await runAlertDispatch(deps())).sent, 0);
      const view = await as(t, await sessionFor(t, drA), { url: `/api/alerts/${id}/history` });
      assert.equal(view.statusCode, 200, view.body);
      const types = view.json().events.map((e: { type: string }) => e.type);
      assert.equal(types.at(-1), 'acknowledged');
      assert.equal(view.json().events.at(-1).staffName !== null, true, 'who acknowledged is shown');
      const audits = await t.db.db.selectFrom('audit_log').select(['action', 'actor_id', 'actor_role', 'request_id']).where('resource_id', '=', id).execute();
      const count = (a: string) => audits.filter((x) => x.action === a).length;
      // The job audits as the system, its rows named by the run's request id.
      assert.ok(audits.filter((x) => x.action === 'alert.send').every((x) => x.actor_id === null && x.actor_role === 'system' && x.request_id === 'job:alert-dispatch'));
      assert.equal(count('alert.send'), 3);
      assert.equal(count('alert.escalate'), 2);
      assert.ok(count('alert.delivered') >= 1);
      assert.equal(count('alert.acknowledge'), 1);
      await worker.stop();
    });

    test('a high alert on Saturday night waits for Monday\'s opening, then goes to whoever is on call', async () => {
      t.clock.now = new Date('2026-12-05T14:00:00.000Z'); // Saturday 23:00 JST
      const id = await raise('high');
      assert.equal((await runAlertDispatch(deps())).sent, 0);
      const d = await t.db.db.selectFrom('alert_dispatch').selectAll().where('alert_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(d.next_at, '2026-12-07T00:00:00.000Z', 'Monday 09:00 in Tokyo');
      t.clock.now = new Date('2026-12-07T00:00:00.000Z');
      assert.equal((await runAlertDispatch(deps())).sent, 1);
      const d2 = await t.db.db.selectFrom('alert_dispatch').selectAll().where('alert_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(d2.next_at, '2026-12-09T00:00:00.000Z', 'sent again at the start of the next clinic day (Wednesday) until acknowledged');
    });

    test('the patient\'s crisis panel: contacts for their age, and when nobody is on call, when the clinic next reads', async () => {
      t.clock.now = new Date('2026-12-05T13:00:00.000Z');
      const rec = await signedIn(t, 'nurse'); // a role that may see the link it issues
      const sent = await as(t, rec, { method: 'POST', url: `/api/patients/${patientId}/intakes`, payload: {} });
      assert.equal(sent.statusCode, 201, sent.body);
      const token = sent.json().link.url.split('/p/l/')[1];
      const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } });
      assert.equal(ex.statusCode, 200, ex.body);
      const cookie = ex.cookies.find((c) => c.name === PATIENT_COOKIE)!;
      const view = async () => (await t.app.inject({ url: '/api/p/crisis-contacts', cookies: { [cookie.name]: cookie.value } })).json();
      // Saturday 22:00: Dr A is on call — the answers are read now.
      let v = await view();
      assert.equal(v.audience, 'adult');
      assert.ok(!v.contacts.some((c: { audience: string }) => c.audience === 'child'), 'an adult is not shown the child lines');
      assert.ok(v.contacts.some((c: { phone: string | null }) => c.phone === '0570-064-556'));
      assert.deepEqual(v.availability, { readNow: true, onCallNow: true, nextReadAt: null });
      // Saturday 15:00: closed at 14:00 and the night rota starts at 20:00 — nobody reads until Monday 09:00.
      t.clock.now = new Date('2026-12-05T06:00:00.000Z');
      const ex2 = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } });
      const c2 = ex2.cookies.find((c) => c.name === cookie.name)!;
      v = (await t.app.inject({ url: '/api/p/crisis-contacts', cookies: { [c2.name]: c2.value } })).json();
      assert.deepEqual(v.availability, { readNow: false, onCallNow: false, nextReadAt: '2026-12-07T00:00:00.000Z' });
      assert.equal(v.psychiatricEmergencyCentre, null, 'not set yet');
      const editor = await sessionFor(t, admin);
      const centre = { nameJa: '精神科救急医療情報センター（テスト）', nameEn: 'Psychiatric emergency information centre (test)', phone: '03-0000-0000', hoursJa: '夜間・休日', hoursEn: 'Nights and holidays', source: 'test', checkedOn: '2026-12-01' };
      assert.equal((await as(t, editor, { method: 'PUT', url: '/api/safety/settings', payload: { psychiatricEmergencyCentre: centre } })).statusCode, 200);
      v = (await t.app.inject({ url: '/api/p/crisis-contacts', cookies: { [c2.name]: c2.value } })).json();
      assert.deepEqual(v.psychiatricEmergencyCentre, centre);
    });

    test('on-call settings are for administrators and doctors; bad input is refused in Japanese and changes nothing', async () => {
      const nurse = await signedIn(t, 'nurse');
      assert.equal((await as(t, nurse, { method: 'PUT', url: '/api/safety/settings', payload: { escalationMinutes: 5 } })).statusCode, 403);
      const editor = await sessionFor(t, admin);
      assert.equal((await as(t, editor, { method: 'PUT', url: '/api/safety/settings', payload: { escalationMinutes: 0 } })).statusCode, 400);
      assert.equal((await as(t, editor, { method: 'PUT', url: '/api/safety/settings', payload: { escalationMinutes: 10 } })).statusCode, 200);
      const list = await as(t, editor, { url: '/api/safety/oncall?from=2026-12-05T00:00:00Z&to=2026-12-08T00:00:00Z' });
      assert.equal(list.json().escalationMinutes, 10);
      assert.equal(list.json().shifts.length, 2);
    });
  });
}
