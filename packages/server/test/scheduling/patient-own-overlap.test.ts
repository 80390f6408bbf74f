// Phone trap (issue 15): a patient booking online could put a 再診 on top of their own 初診.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { asPatient, newPatient, patientSession } from './scheduling-fixtures.ts';

for (const dialect of testDialects()) {
  describe(`a patient cannot book over their own appointment (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
    });
    after(() => t.destroy());

    test('a registered patient with no visit before cannot book a 再診 online: the first visit is by phone', async () => {
      const p = await newPatient(t, rec);
      const s = await patientSession(t, rec, p.id);
      const res = await asPatient(t, s, { method: 'POST', url: '/api/p/appointments', payload: { serviceId: 'saishin', start: '2026-12-03T11:00:00+09:00' } });
      assert.equal(res.statusCode, 403, res.body);
      assert.match(res.json().error.message, /初めての受診（初診）はお電話/);
      // Nor before their booked 初診.
      await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'shoshin', start: '2026-12-04T10:00:00+09:00' } });
      const before = await asPatient(t, s, { method: 'POST', url: '/api/p/appointments', payload: { serviceId: 'saishin', start: '2026-12-03T11:00:00+09:00' } });
      assert.equal(before.statusCode, 403, before.body);
    });

    test('a 再診 at the time of the patient’s own 初診 is refused; another time is accepted', async () => {
      const p = await newPatient(t, rec);
      const first = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'shoshin', start: '2026-12-03T10:00:00+09:00' } });
      assert.equal(first.statusCode, 201, first.body);
      const s = await patientSession(t, rec, p.id);
      const clash = await asPatient(t, s, { method: 'POST', url: '/api/p/appointments', payload: { serviceId: 'saishin', start: '2026-12-03T10:30:00+09:00' } });
      assert.equal(clash.statusCode, 409, clash.body);
      assert.match(clash.json().error.message, /この時間にはすでにご予約があります/);
      const other = await asPatient(t, s, { method: 'POST', url: '/api/p/appointments', payload: { serviceId: 'saishin', start: '2026-12-03T15:00:00+09:00' } });
      assert.equal(other.statusCode, 201, other.body);
      // The 初診 is booked by staff: the patient's list does not offer to change it online (before the deadline too).
      const mine = (await asPatient(t, s, { url: '/api/p/appointments' })).json().appointments as Array<{ serviceId: string; canChangeOnline: boolean; staffOnly: boolean }>;
      assert.deepEqual(mine.map((a) => [a.serviceId, a.canChangeOnline, a.staffOnly]), [['shoshin', false, true], ['saishin', true, false]]);
    });
  });
}
