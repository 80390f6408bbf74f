// Phone traps of the reservation mails (issue 15): the mail names the change/cancel deadline and
// carries the sign-in link; a same-day booking, already past the deadline, says to phone; the
// English part is complete; a cancellation's calendar file is METHOD:CANCEL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { newPatient } from './scheduling-fixtures.ts';

for (const dialect of testDialects()) {
  describe(`reservation mail deadlines and links (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
    });
    after(() => t.destroy());

    const mails = async (patientId: string) =>
      t.db.db.selectFrom('outbox').select(['kind', 'body_text', 'attachments_json']).where('patient_id', '=', patientId).orderBy('created_at').execute();

    test('a booking for another day: the deadline, the sign-in link, and the same in English', async () => {
      const p = await newPatient(t, rec);
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-03T10:00:00+09:00' } });
      assert.equal(res.statusCode, 201, res.body);
      const [m] = await mails(p.id);
      assert.match(m!.body_text, /変更・キャンセルは 12月2日（水）18:00 までオンラインで/);
      assert.match(m!.body_text, /ログイン）: http:\/\/localhost:3000\/p\/signin/);
      assert.match(m!.body_text, /Your appointment is booked:/);
      assert.match(m!.body_text, /Change or cancel online until Wed 2 Dec 18:00/);
      assert.match(m!.body_text, /Sign in to change or cancel: http:\/\/localhost:3000\/p\/signin/);
    });

    test('a same-day booking is past the online deadline at once: the mail says to phone, and offers no online change', async () => {
      // Wednesday 2 December 10:00 Tokyo; the deadline for a visit that afternoon was 1 December 18:00.
      t.clock.now = new Date('2026-12-02T01:00:00.000Z');
      rec = await signedIn(t, 'reception');
      const p = await newPatient(t, rec);
      const res = await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-02T16:00:00+09:00' } });
      assert.equal(res.statusCode, 201, res.body);
      const [m] = await mails(p.id);
      assert.match(m!.body_text, /このご予約の変更・キャンセルは、お電話/);
      assert.doesNotMatch(m!.body_text, /までオンラインで/);
      assert.match(m!.body_text, /To change or cancel this appointment, please phone/);
    });

    test('changed and cancelled: the English part says what happened; the cancellation’s .ics is METHOD:CANCEL', async () => {
      const p = await newPatient(t, rec);
      const a = (await as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: '2026-12-04T10:00:00+09:00' } })).json().appointment;
      const c = await as(t, rec, { method: 'POST', url: `/api/appointments/${a.id}/cancel`, payload: { version: a.version } });
      assert.equal(c.statusCode, 200, c.body);
      const cancel = (await mails(p.id)).find((r) => r.kind === 'appointment_cancellation')!;
      assert.match(cancel.body_text, /This appointment has been cancelled:/);
      const att = JSON.parse(cancel.attachments_json)[0];
      assert.match(att.content, /METHOD:CANCEL/);
      assert.match(att.content, /STATUS:CANCELLED/);
      assert.match(att.contentType, /method=CANCEL/);
    });
  });
}
