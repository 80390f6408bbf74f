import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertClinic, newId } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { as, createStaff, createTestApp, signedIn, type Session, type TestApp, type TestStaff } from '../test-app.ts';
import { countAppointments, newPatient } from './scheduling-fixtures.ts';

// The fake clock reads Tuesday 2026-12-01, 10:00 in Tokyo; Wednesday is an ordinary full day.
const at = (time: string) => `2026-12-02T${time}:00+09:00`;

for (const dialect of testDialects()) {
  describe(`reservations: the doctor approving a double booking (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    let doctor: TestStaff;
    let disabledDoctor: TestStaff;
    let otherClinicDoctor: TestStaff;
    let nurse: TestStaff;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
      doctor = await createStaff(t, 'doctor');
      nurse = await createStaff(t, 'nurse');
      disabledDoctor = await createStaff(t, 'doctor');
      await t.db.db.updateTable('staff').set({ status: 'disabled' }).where('id', '=', disabledDoctor.staffId).execute();
      const other = newId();
      await insertClinic(t.db.db, { id: other, name: '別のクリニック', timeZone: 'Asia/Tokyo', now: t.clock.now.toISOString() });
      otherClinicDoctor = await createStaff(t, 'doctor', { clinicId: other });
    });
    after(async () => t.destroy());

    test('reception lists the clinic’s active doctors only; a researcher may not', async () => {
      const res = await as(t, rec, { url: '/api/scheduling/doctors' });
      assert.equal(res.statusCode, 200, res.body);
      const doctors = res.json().doctors as Array<{ id: string; displayName: string }>;
      const ids = doctors.map((d) => d.id);
      assert.ok(ids.includes(doctor.staffId));
      for (const s of [nurse, disabledDoctor, otherClinicDoctor]) assert.ok(!ids.includes(s.staffId), `${s.role} ${s.staffId} listed`);
      assert.deepEqual(Object.keys(doctors[0]!).sort(), ['displayName', 'id', 'resourceName']);
      const researcher = await signedIn(t, 'researcher');
      assert.equal((await as(t, researcher, { url: '/api/scheduling/doctors' })).statusCode, 403);
    });

    test('the approving doctor must be an active doctor of this clinic: otherwise a clear 400 and nothing stored', async () => {
      const p = await newPatient(t, rec);
      const time = at('16:00');
      const book = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
        as(t, rec, { method: 'POST', url: '/api/appointments', payload: { patientId: p.id, serviceId: 'saishin', start: time, resourceIds: ['dr-mori'], ...payload }, headers });
      assert.equal((await book({})).statusCode, 201);
      const stored = await countAppointments(t);
      for (const who of [otherClinicDoctor, disabledDoctor, nurse]) {
        const res = await book({ doubleBook: { reason: '急患', approvedBy: who.staffId } });
        assert.equal(res.statusCode, 400, `${who.role}: ${res.body}`);
        assert.match(res.json().error.message, /在籍中の医師/);
        assert.equal(res.json().error.details[0].path, 'doubleBook.approvedBy');
      }
      const en = await book({ doubleBook: { reason: 'emergency', approvedBy: otherClinicDoctor.staffId } }, { 'accept-language': 'en' });
      assert.match(en.json().error.message, /approved by an active doctor/);
      const noReason = await book({ doubleBook: { reason: '', approvedBy: doctor.staffId } });
      assert.equal(noReason.statusCode, 400);
      assert.equal(await countAppointments(t), stored);

      const ok = await book({ doubleBook: { reason: '急患（医師了承）', approvedBy: doctor.staffId } });
      assert.equal(ok.statusCode, 201, ok.body);
      const a = ok.json().appointment;
      assert.equal(a.doubleBooked, true);
      assert.equal(a.override.approvedBy.id, doctor.staffId);
      assert.equal(a.override.reason, '急患（医師了承）');
      const row = await t.db.db.selectFrom('audit_log').select(['detail', 'actor_id']).where('resource_id', '=', a.id).where('action', '=', 'appointment.book').executeTakeFirst();
      assert.match(row?.detail ?? '', new RegExp(`approved_by=${doctor.staffId}`));
      assert.equal(row?.actor_id, rec.staff.staffId);
    });
  });
}
