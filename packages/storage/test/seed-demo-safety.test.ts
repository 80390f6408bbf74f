import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { onCallAt } from '@mimamori/core/safety/on-call';
import { listAlertEvents, listOnCallShifts, seedDemo, seedDemoSafety } from '../src/index.ts';
import { createTestDb, testDialects, type TestDb } from './test-db.ts';

// Monday 2026-12-07 19:00 in Tokyo (after hours); the rota must cover tonight and the closed days ahead.
const NOW = new Date('2026-12-07T10:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`demo safety data (${dialect})`, () => {
    let t: TestDb;
    let patientsBefore = 0;
    before(async () => {
      t = await createTestDb(dialect);
      await t.db.transaction().execute(async (tx) => {
        await seedDemo(tx, { now: NOW, today: '2026-12-07', secrets: t.secrets });
        patientsBefore = (await tx.selectFrom('patients').select('id').execute()).length;
        await seedDemoSafety(tx, { now: NOW, today: '2026-12-07' });
      });
    });
    after(() => t.destroy());

    test('the demo doctor is on call now and at every hour of the coming week, the administrator after', async () => {
      const staff = await t.db.selectFrom('staff').select(['id', 'login_id']).execute();
      const doctor = staff.find((s) => s.login_id === 'demo.doctor')!.id;
      const admin = staff.find((s) => s.login_id === 'demo.admin')!.id;
      const clinicId = (await t.db.selectFrom('staff').select('clinic_id').where('id', '=', doctor).executeTakeFirstOrThrow()).clinic_id!;
      const shifts = await listOnCallShifts(t.db, { clinicId, from: NOW.toISOString(), to: new Date(NOW.getTime() + 7 * 86_400_000).toISOString() });
      for (let h = 0; h < 7 * 24; h += 1) {
        const at = new Date(NOW.getTime() + h * 3_600_000).toISOString();
        assert.deepEqual(onCallAt(shifts, at), [doctor, admin], at);
      }
      assert.equal((await t.db.selectFrom('patients').select('id').execute()).length, patientsBefore, 'no patient is added');
    });

    test('one open urgent alert with its history: raised, the answers, sent, escalated, sent again', async () => {
      // The demo program's serious adverse events raised alerts too, each acknowledged; one alert is open.
      const alerts = await t.db.selectFrom('alerts').selectAll().where('acknowledged_at', 'is', null).execute();
      assert.equal(alerts.length, 1);
      const a = alerts[0]!;
      assert.equal(a.severity, 'urgent');
      assert.equal(a.acknowledged_at, null);
      const intake = await t.db.selectFrom('intakes').selectAll().where('id', '=', a.source_id).executeTakeFirstOrThrow();
      assert.equal(intake.respondent, 'adolescent');
      const events = await listAlertEvents(t.db, a.clinic_id, a.id);
      assert.deepEqual(events.map((e) => e.type), ['raised', 'answer', 'answer', 'answer', 'sent', 'escalated', 'sent']);
      const dispatch = await t.db.selectFrom('alert_dispatch').selectAll().where('alert_id', '=', a.id).executeTakeFirstOrThrow();
      assert.equal(dispatch.status, 'waiting');
      assert.ok(dispatch.next_at! > NOW.toISOString(), 'the next step is still ahead');
      const mails = await t.db.selectFrom('outbox').select(['to_address', 'subject']).where('kind', '=', 'staff_alert').execute();
      assert.deepEqual(mails.map((m) => m.to_address).sort(), ['admin@demo.invalid', 'doctor@demo.invalid']);
      assert.ok(mails.every((m) => !/自殺|希死|自傷|患者|見本/.test(m.subject)), 'discreet subjects');
    });
  });
}
