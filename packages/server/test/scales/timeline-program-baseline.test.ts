import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

for (const dialect of testDialects()) {
  describe(`scale results in a program use the pre-treatment baseline (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let patientId: string;
    before(async () => {
      t = await createTestApp(dialect);
      doctor = await signedIn(t, 'doctor');
      const reception = await signedIn(t, 'reception');
      patientId = (await as(t, reception, { method: 'POST', url: '/api/patients', payload: adultInput({}) })).json().patient.id;
      const db = t.db.db;
      const now = '2026-06-01T00:00:00.000Z';
      // PHQ-9 totals: an old 6, the screening 18, the pre-treatment 16, then 7 after the doses
      for (const [at, total] of [['2026-01-10T00:00:00.000Z', 6], ['2026-03-25T00:00:00.000Z', 18], ['2026-04-08T00:00:00.000Z', 16], ['2026-05-08T00:00:00.000Z', 7]] as const) {
        const responseId = newId();
        await db.insertInto('scale_responses').values({ id: responseId, clinic_id: t.clinicId, patient_id: patientId, instance_id: null, scale_id: 'phq9', scale_version: '1.0.0', informant: 'self', source: 'staff', answers_json: '{}', idempotency_key: null, entered_by: null, submitted_at: at }).execute();
        await db.insertInto('scale_scores').values({ id: newId(), clinic_id: t.clinicId, patient_id: patientId, response_id: responseId, scale_id: 'phq9', scale_version: '1.0.0', valid: 1, total, band: null, band_set: null, missing: 0, prorated: 0, subscales_json: '{}', flags_json: '[]', reason_json: null, scored_at: at }).execute();
      }
      const enrolmentId = newId();
      await db.insertInto('program_enrolments').values({
        id: enrolmentId, clinic_id: t.clinicId, patient_id: patientId, program_id: 'exosome-depression-anxiety', program_version: 1, status: 'active', history_json: '[]', eligibility_json: null,
        consent_state_json: JSON.stringify({ status: 'given', since: '2026-03-30', scopes: [] }), enrolment_date: '2026-03-30', schedule_json: null, created_at: now, updated_at: now, row_version: 1,
      }).execute();
      await db.insertInto('program_sessions').values({ id: newId(), clinic_id: t.clinicId, enrolment_id: enrolmentId, patient_id: patientId, kind: 'infusion', session_number: 1, lot_key: 'LOT1', started_at: '2026-04-10T01:00:00.000Z', record_json: '{}', created_by: null, created_at: now }).execute();
    });
    after(() => t.destroy());

    test('the baseline is the last score before the first dose, and change is measured from it', async () => {
      const r = await as(t, doctor, { url: `/api/patients/${patientId}/scale-results` });
      assert.equal(r.statusCode, 200);
      const points = r.json().scales.find((s: { scaleId: string }) => s.scaleId === 'phq9').series[0].points as Array<{ total: number; isBaseline: boolean; response: boolean | null }>;
      assert.deepEqual(points.map((p) => [p.total, p.isBaseline, p.response]), [[6, false, null], [18, false, null], [16, true, null], [7, false, true]]);
    });
  });
}
