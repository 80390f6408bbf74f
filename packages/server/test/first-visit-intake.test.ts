import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from './test-app.ts';
import { newPatient } from './scheduling/scheduling-fixtures.ts';

// Issue 5: "When staff book a first visit, the patient (or guardian) gets a link to the clinic's WEB問診."
for (const dialect of testDialects()) {
  describe(`booking a first visit sends the WEB問診 (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
    });
    after(async () => t.destroy());

    test('初診 booked by reception → an intake for that appointment, its link mailed, status on the day list; 再診 sends none', async () => {
      const p = await newPatient(t, rec);
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'shoshin', start: '2026-12-02T09:00:00+09:00' } });
      assert.equal(res.statusCode, 201, res.body);
      const appointmentId = res.json().appointment.id as string;
      const intakes = await t.db.db.selectFrom('intakes').selectAll().where('patient_id', '=', p.id).execute();
      assert.equal(intakes.length, 1);
      const mails = await t.db.db.selectFrom('outbox').select(['kind', 'body_text']).where('patient_id', '=', p.id).execute();
      assert.ok(mails.some((m) => /\/p\/l\//.test(m.body_text)), `an email carries the intake link: ${JSON.stringify(mails.map((m) => m.kind))}`);
      const status = await as(t, rec, { url: `/api/intake/status?appointmentIds=${appointmentId}` });
      assert.equal(status.statusCode, 200, status.body);
      assert.match(JSON.stringify(status.json()), /sent/);

      const p2 = await newPatient(t, rec);
      const re = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p2.id, serviceId: 'saishin', start: '2026-12-02T11:00:00+09:00' } });
      assert.equal(re.statusCode, 201, re.body);
      assert.equal((await t.db.db.selectFrom('intakes').selectAll().where('patient_id', '=', p2.id).execute()).length, 0);
    });
  });
}
