import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXOSOME_PROGRAM } from '@mimamori/core/programs/index';
import { testDialects } from '../../../storage/test/test-db.ts';
import { recordScaleResponse } from '../../src/services/scales/record-scale-response.ts';
import { systemContext } from '../../src/request-context.ts';
import type { AppDeps } from '../../src/context.ts';
import { approvedProgram } from './approved-program.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノ';
const kana = () => Array.from({ length: 6 }, () => KANA[Math.floor(Math.random() * KANA.length)]).join('');
const others = ['exclusion:pregnancy', 'exclusion:product_allergy'].map((criterionId) => ({ criterionId, met: true }));
const intent = { criterionId: 'exclusion:active_suicidal_intent', met: true };

for (const dialect of testDialects()) {
  describe(`eligibility decided by the record (${dialect})`, () => {
    let t: TestApp;
    let doctor: Session;
    let reception: Session;
    let deps: AppDeps;

    async function screening(answers: Record<string, number> | null): Promise<{ pid: string; id: string }> {
      const res = await as(t, reception, { method: 'POST', url: '/api/patients', payload: { ...adultInput({ nameKana: `テスト ${kana()}` }), acknowledgeDuplicates: true } });
      const pid = res.json().patient.id as string;
      if (answers) {
        await t.db.db.transaction().execute((tx) =>
          recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId: pid, scaleId: 'phq9', answers, informant: 'self', source: 'intake' }));
      }
      const s = await as(t, doctor, { method: 'POST', url: `/api/programs/${EXOSOME_PROGRAM.id}/enrolments`, payload: { patientId: pid } });
      return { pid, id: s.json().enrolment.id as string };
    }

    before(async () => {
      t = await createTestApp(dialect);
      deps = { db: t.db, clock: t.clock.fn, config: t.config };
      doctor = await signedIn(t, 'doctor');
      reception = await signedIn(t, 'reception');
      const ex = await as(t, doctor, { method: 'GET', url: '/api/programs/examples' });
      const input = ex.json().items.find((p: { id: string }) => p.id === EXOSOME_PROGRAM.id);
      assert.equal((await as(t, doctor, { method: 'POST', url: '/api/programs', payload: { ...approvedProgram(input), ethicsApprovalId: 'IRB-2026-014', registryId: 'jRCTs031180032' } })).statusCode, 201);
    });
    after(() => t.destroy());

    test('with no PHQ-9 on record the severity criterion cannot be ticked met; the screen stays incomplete', async () => {
      const { id } = await screening(null);
      const tick = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: [...others, intent, { criterionId: 'severity:phq9', met: true }] } });
      assert.equal(tick.statusCode, 400, tick.body);
      assert.match(tick.json().error.details[0].message, /記録された質問票のスコアで判定/);
      const r = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: [...others, intent] } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().status, 'screening');
      assert.equal(r.json().eligibility.criteria.find((c: { id: string }) => c.id === 'severity:phq9').reason, 'no_score');
    });

    test('an open item-9 alert blocks "no active suicidal intent" until a doctor reviews it', async () => {
      const { pid, id } = await screening({ q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, q8: 0, q9: 2 });
      const blocked = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: [...others, intent] } });
      assert.equal(blocked.statusCode, 400, blocked.body);
      assert.equal(blocked.json().error.details[0].path, 'attestations[2].met');
      assert.match(blocked.json().error.details[0].message, /未確認の自殺・自傷に関するアラート/);
      const alerts = (await as(t, doctor, { method: 'GET', url: `/api/alerts?patientId=${pid}` })).json();
      const alert = (alerts.items ?? alerts.alerts).find((a: { kind: string; patientId?: string }) => a.kind === 'suicidality');
      assert.ok(alert, JSON.stringify(alerts).slice(0, 300));
      const ack = await as(t, doctor, { method: 'POST', url: `/api/alerts/${alert.id}/acknowledge`, payload: { note: '診察で確認。自殺の意図なし、安全計画を作成。' } });
      assert.equal(ack.statusCode, 200, ack.body);
      const ok = await as(t, doctor, { method: 'POST', url: `/api/program-enrolments/${id}/eligibility`, payload: { diagnoses: ['F32.1'], attestations: [...others, intent] } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().status, 'eligible');
    });
  });
}
