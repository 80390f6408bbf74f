import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../../src/auth/patient-auth.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

for (const dialect of testDialects()) {
  describe(`intake: re-sending and the register (${dialect})`, () => {
    let t: TestApp;
    let reception: Session;
    let nurse: Session;
    let doctor: Session;
    before(async () => {
      t = await createTestApp(dialect);
      reception = await signedIn(t, 'reception');
      nurse = await signedIn(t, 'nurse');
      doctor = await signedIn(t, 'doctor');
    });
    after(() => t.destroy());

    const newPatient = async (over: Record<string, unknown> = {}) => {
      const r = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ email: 'register@example.test', ...over }), acknowledgeDuplicates: true } });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().patient.id as string;
    };
    const send = async (patientId: string) => {
      const r = await as(t, nurse, { method: 'POST', url: `/api/patients/${patientId}/intakes`, payload: {} });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { intakeId: string; link: { url: string }; reused: boolean; answersKept: boolean };
    };
    const answer = async (url: string, intakeId: string, values: Record<string, unknown>) => {
      const token = url.split('/p/l/')[1]!;
      const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token } });
      assert.equal(ex.statusCode, 200, ex.body);
      const cookie = ex.cookies.find((c) => c.name === PATIENT_COOKIE)!.value;
      const r = await t.app.inject({ method: 'PUT', url: `/api/p/intakes/${intakeId}/answers`, cookies: { [PATIENT_COOKIE]: cookie }, headers: { 'x-csrf-token': ex.json().csrfToken }, payload: { values } });
      assert.equal(r.statusCode, 200, r.body);
    };

    test('re-sending an intake never opened does not claim answers were kept; once answered, it does', async () => {
      const patientId = await newPatient();
      const first = await send(patientId);
      assert.equal(first.reused, false);
      const again = await send(patientId);
      assert.deepEqual([again.intakeId, again.reused, again.answersKept], [first.intakeId, true, false], 'same intake, new link, nothing to keep');
      await answer(again.link.url, again.intakeId, { patient_name: '山田 太郎' });
      const third = await send(patientId);
      assert.deepEqual([third.intakeId, third.reused, third.answersKept], [first.intakeId, true, true]);
    });

    test('the register says 男性 and the intake 女性 (and another birth date): the intake view flags both', async () => {
      const patientId = await newPatient({ sex: 'male', birthDate: '1985-04-01' });
      const s = await send(patientId);
      await answer(s.link.url, s.intakeId, { sex: { choice: 'female' }, birth_date: '1985-04-02' });
      const view = await as(t, doctor, { url: `/api/intakes/${s.intakeId}` });
      assert.equal(view.statusCode, 200, view.body);
      assert.deepEqual(view.json().mismatches, [
        { field: 'sex', registered: 'male', answered: 'female' },
        { field: 'birth_date', registered: '1985-04-01', answered: '1985-04-02' },
      ]);

      // Answers that agree with the register: nothing flagged.
      const other = await newPatient({ nameKanji: '一致 花子', nameKana: 'イッチ ハナコ', sex: 'female', birthDate: '1990-06-15', phone: '090-5555-0000' });
      const s2 = await send(other);
      await answer(s2.link.url, s2.intakeId, { sex: { choice: 'female' }, birth_date: '1990-06-15' });
      assert.deepEqual((await as(t, doctor, { url: `/api/intakes/${s2.intakeId}` })).json().mismatches, []);
    });
  });
}
