import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXOSOME_PROGRAM } from '@mimamori/core/programs/index';
import { insertApplication, newId } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { recordScaleResponse } from '../../src/services/scales/record-scale-response.ts';
import { systemContext } from '../../src/request-context.ts';
import type { AppDeps } from '../../src/context.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { approvedProgram } from '../programs/approved-program.ts';

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノ';
const kana = () => Array.from({ length: 6 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');
const phq9High = { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 2, q9: 0 };
const EXCLUSION_ATTESTATIONS = ['exclusion:pregnancy', 'exclusion:active_suicidal_intent', 'exclusion:product_allergy'].map((criterionId) => ({ criterionId, met: true }));
const infusion = (over: Record<string, unknown> = {}) => ({
  product: 'MSC-Exo 注', manufacturer: 'Example Bio', lot: 'EXO 2026041', expiryDate: '2027-06-30', volumeMl: 100, route: 'intravenous',
  startedAt: '2026-12-01T10:05:00+09:00', endedAt: '2026-12-01T10:50:00+09:00',
  vitalsBefore: { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 36.5, spo2Percent: 98 },
  vitalsAfter: { systolicMmHg: 121, diastolicMmHg: 78, heartRateBpm: 70, temperatureC: 36.6, spo2Percent: 99 },
  // Given on the day of enrolment, before the first session's window: confirmed with a reason.
  outsideWindowReason: 'テストのため登録日に投与',
  ...over,
});

for (const dialect of testDialects()) {
  describe(`billing: charges from completed sessions (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let nurse: Session;
    let reception: Session;
    let admin: Session;
    let deps: AppDeps;
    const programId = EXOSOME_PROGRAM.id;

    async function enrolled(): Promise<{ pid: string; id: string }> {
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKana: `テスト ${kana()}` }), acknowledgeDuplicates: true } });
      const pid = res.json().patient.id as string;
      await t.db.db.transaction().execute((tx) => recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: pid, scaleId: 'phq9', answers: phq9High, informant: 'self', source: 'intake' }));
      const id = (await as(t, doctor, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId: pid } })).json().enrolment.id as string;
      await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: EXCLUSION_ATTESTATIONS } });
      await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/consents`, payload: { role: 'participant', language: 'ja', signer: { kind: 'self', name: '山田 太郎' }, signature: { method: 'typed', typedName: '山田 太郎' }, identityMethod: 'passport' } });
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/enrol`, payload: {} })).statusCode, 200);
      return { pid, id };
    }

    before(async () => {
      t = await createTestApp(dialect);
      deps = { db: t.db, clock: t.clock.fn, config: t.config };
      doctor = await signedIn(t, 'doctor');
      nurse = await signedIn(t, 'nurse');
      reception = await signedIn(t, 'reception');
      admin = await signedIn(t, 'admin');
      const ex = await as(t, doctor, { method: 'GET', url: '/api/programs/examples' });
      const input = ex.json().items.find((p: { id: string }) => p.id === programId);
      assert.equal((await as(t, doctor, { method: 'POST', url: '/api/programs', payload: approvedProgram({ ...input, ethicsApprovalId: 'IRB-2026-014' }) })).statusCode, 201);
      for (const p of [
        { code: 'EXO-SCR', name: { ja: 'スクリーニング（エクソソーム）', en: 'Screening (exosome)' }, priceYen: 5_500, taxCategory: 'taxable_10', effectiveFrom: '2026-12-01', event: 'screening_visit', programId },
        { code: 'EXO-INF', name: { ja: 'エクソソーム点滴（1回）', en: 'Exosome infusion (one dose)' }, priceYen: 110_000, taxCategory: 'taxable_10', effectiveFrom: '2026-12-01', event: 'infusion_session' },
        { code: 'EXO-COURSE', name: { ja: 'エクソソーム点滴コース', en: 'Exosome infusion course' }, priceYen: 330_000, taxCategory: 'taxable_10', effectiveFrom: '2026-12-01', programId, sessions: 3, refundPolicy: { kind: 'pro_rata', cancellationFeeYen: 11_000, feeFreeDaysBefore: 3 } },
      ]) assert.equal((await as(t, admin, { method: 'POST', url: '/api/billing/prices', payload: p })).statusCode, 201);
    });
    after(() => t.destroy());

    test('a completed infusion is charged once, in its transaction, at the price of its day', async () => {
      const { pid, id } = await enrolled();
      const s1 = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: infusion() });
      assert.equal(s1.statusCode, 201, s1.body);
      const acct = (await as(t, reception, { method: 'GET', url: `/api/billing/patients/${pid}` })).json();
      assert.deepEqual(acct.charges.map((c: { code: string; amountYen: number; source: string; date: string }) => [c.code, c.amountYen, c.source, c.date]), [['EXO-INF', 110_000, 'infusion_session', '2026-12-01']]);
      // A refused session (bad vitals) charges nothing: the charge is in the session's transaction.
      const bad = await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: infusion({ sessionNumber: 2, vitalsBefore: { systolicMmHg: 118, diastolicMmHg: 76, heartRateBpm: 72, temperatureC: 365, spo2Percent: 98 } }) });
      assert.equal(bad.statusCode, 400);
      assert.equal((await as(t, reception, { method: 'GET', url: `/api/billing/patients/${pid}` })).json().charges.length, 1);
      // The database refuses a second charge for the same session on both engines.
      const row = await t.db.db.selectFrom('billing_charges').selectAll().where('patient_id', '=', pid).executeTakeFirstOrThrow();
      await assert.rejects(t.db.db.insertInto('billing_charges').values({ ...row, id: 'f'.repeat(32) }).execute());
    });

    test('a prepaid course covers its sessions; after a withdrawal the refund is pro rata less the fee, approved by an admin', async () => {
      const { pid, id } = await enrolled();
      const course = await as(t, reception, { method: 'POST', url: '/api/billing/charges', payload: { patientId: pid, code: 'EXO-COURSE', enrolmentId: id } });
      assert.equal(course.statusCode, 201, course.body);
      assert.equal((await as(t, reception, { method: 'POST', url: '/api/billing/charges', payload: { patientId: pid, code: 'EXO-COURSE', enrolmentId: id } })).statusCode, 409);
      const paid = await as(t, reception, { method: 'POST', url: '/api/billing/payments', payload: { patientId: pid, chargeIds: [course.json().id], method: 'transfer' } });
      assert.equal(paid.statusCode, 201, paid.body);
      assert.equal((await as(t, nurse, { method: 'POST', url: `/api/program-enrolments/${id}/sessions`, payload: infusion() })).statusCode, 201);
      let acct = (await as(t, reception, { method: 'GET', url: `/api/billing/patients/${pid}` })).json();
      assert.equal(acct.charges.length, 1); // the session is part of the course
      const w = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/withdraw`, payload: { reason: '本人の希望', dataChoice: 'delete_from_future_exports' } });
      assert.ok([200, 201].includes(w.statusCode), w.body);
      const req = await as(t, reception, { method: 'POST', url: '/api/billing/refunds', payload: { chargeId: course.json().id, method: 'transfer', reason: '中止（本人の希望）' } });
      assert.equal(req.statusCode, 201, req.body);
      // 330,000 × 2/3 = 220,000, less the 11,000 fee.
      assert.equal(req.json().amountYen, 209_000);
      assert.deepEqual(req.json().proposal, { refundYen: 209_000, unusedSessions: 2, unusedShareYen: 220_000, feeYen: 11_000 });
      assert.equal((await as(t, admin, { method: 'POST', url: `/api/billing/refunds/${req.json().id}/decision`, payload: { decision: 'approved' } })).statusCode, 200);
      acct = (await as(t, reception, { method: 'GET', url: `/api/billing/patients/${pid}` })).json();
      assert.deepEqual(acct.balance, { chargedYen: 121_000, paidYen: 330_000, refundedYen: 209_000, balanceYen: 0 });
    });

    test('a completed screening visit is charged once from the price list, in the transaction that completes it; an ordinary visit is not', async () => {
      const patient = async () => (await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKana: `テスト ${kana()}` }), acknowledgeDuplicates: true } })).json().patient.id as string;
      // In screening for the program (enrolment started, not yet enrolled).
      const screened = await patient();
      assert.equal((await as(t, doctor, { method: 'POST', url: `/api/programs/${programId}/enrolments`, payload: { patientId: screened } })).statusCode, 201);
      // Booked from a recruitment application (no enrolment yet).
      const applicant = await patient();
      // An ordinary patient: an insured visit, billed elsewhere.
      const ordinary = await patient();
      const book = async (pid: string, time: string) => {
        const res = await as(t, reception, { method: 'POST', url: '/api/appointments', payload: { patientId: pid, serviceId: 'saishin', start: `2026-12-02T${time}:00+09:00`, resourceIds: ['dr-mori'] } });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().appointment as { id: string; version: number };
      };
      const a1 = await book(screened, '09:00');
      const a2 = await book(applicant, '09:15');
      const a3 = await book(ordinary, '09:30');
      const appId = newId();
      await insertApplication(t.db.db, { id: appId, clinicId: t.clinicId, programId, pageVersion: 1, data: { name: '見本', phone: '090-0000-0000', email: null, age: 30, complaint: '—', callTimes: null, guardian: null }, now: t.clock.now.toISOString() });
      await t.db.db.updateTable('recruitment_applications').set({ status: 'screening_booked', appointment_id: a2.id }).where('id', '=', appId).execute();
      t.clock.advance(24 * 3600_000); // 2026-12-02 10:00: the visits have begun
      try {
        const desk = await signedIn(t, 'reception');
        // Five concurrent "completed" clicks on the same visit: one succeeds, one charge.
        const marks = await Promise.all(Array.from({ length: 5 }, () => as(t, desk, { method: 'POST', url: `/api/appointments/${a1.id}/mark`, payload: { status: 'completed', version: a1.version } })));
        assert.equal(marks.filter((m) => m.statusCode === 200).length, 1, marks.map((m) => `${m.statusCode} ${m.body}`).join('\n'));
        assert.ok(marks.every((m) => m.statusCode < 500));
        for (const a of [a2, a3]) assert.equal((await as(t, desk, { method: 'POST', url: `/api/appointments/${a.id}/mark`, payload: { status: 'completed', version: a.version } })).statusCode, 200);
        const charges = async (pid: string) => (await t.db.db.selectFrom('billing_charges').selectAll().where('patient_id', '=', pid).execute())
          .map((c) => [c.item_code, c.amount_yen, c.source_type, c.source_id, c.service_date]);
        assert.deepEqual(await charges(screened), [['EXO-SCR', 5_500, 'screening_visit', a1.id, '2026-12-02']]);
        assert.deepEqual(await charges(applicant), [['EXO-SCR', 5_500, 'screening_visit', a2.id, '2026-12-02']]);
        assert.deepEqual(await charges(ordinary), [], 'an insured visit is not charged here');
        const audits = await t.db.db.selectFrom('audit_log').select('detail').where('action', '=', 'billing.charge').where('patient_id', '=', screened).execute();
        assert.equal(audits.length, 1);
        // The database refuses a second charge for the same visit on both engines.
        const row = await t.db.db.selectFrom('billing_charges').selectAll().where('patient_id', '=', screened).executeTakeFirstOrThrow();
        await assert.rejects(t.db.db.insertInto('billing_charges').values({ ...row, id: 'e'.repeat(32) }).execute());
      } finally {
        t.clock.advance(-24 * 3600_000);
      }
    });
  });
}
