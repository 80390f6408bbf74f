import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '@mimamori/core';
import { listAlerts } from '@mimamori/storage';
import { testDialects } from '../../../storage/test/test-db.ts';
import { recordScaleResponse } from '../../src/services/scales/record-scale-response.ts';
import { systemContext } from '../../src/request-context.ts';
import type { AppDeps } from '../../src/context.ts';
import { adultInput, as, createTestApp, signedIn, type TestApp } from '../test-app.ts';

const phq9 = (q9: number) => ({ q1: 1, q2: 2, q3: 1, q4: 1, q5: 0, q6: 1, q7: 1, q8: 0, q9 });

for (const dialect of testDialects()) {
  describe(`recordScaleResponse (${dialect})`, () => {
    let t: TestApp;
    let patientId: string;
    let deps: AppDeps;
    before(async () => {
      t = await createTestApp(dialect);
      const rec = await signedIn(t, 'reception');
      patientId = (await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput() })).json().patient.id;
      deps = { db: t.db, clock: t.clock.fn, config: t.config };
    });
    after(() => t.destroy());

    test('stores the response and its score with the definition version', async () => {
      const r = await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9(0), informant: 'self', source: 'intake' }),
      );
      assert.equal(r.duplicate, false);
      assert.equal(r.score.total, 7);
      assert.equal(r.score.band, 'mild');
      const score = await t.db.db.selectFrom('scale_scores').selectAll().where('response_id', '=', r.responseId).executeTakeFirstOrThrow();
      assert.equal(score.total, 7);
      assert.equal(score.band, 'mild');
      assert.equal(score.scale_version, r.definition.version);
      const resp = await t.db.db.selectFrom('scale_responses').selectAll().where('id', '=', r.responseId).executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(resp.answers_json), phq9(0));
      assert.equal(resp.scale_version, r.definition.version);
      assert.equal(r.alertRaised, false);
    });

    test('item 9 ≥ 1 raises a suicidality alert in the same transaction; a rollback leaves neither', async () => {
      await assert.rejects(
        t.db.db.transaction().execute(async (tx) => {
          await recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9(2), informant: 'self', source: 'intake' });
          throw new Error('later step failed');
        }),
        /later step failed/,
      );
      assert.equal((await listAlerts(t.db.db, { clinicId: t.clinicId, patientId, limit: 50 })).length, 0);
      const r = await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9(2), informant: 'self', source: 'intake' }),
      );
      assert.equal(r.alertRaised, true);
      const alerts = await listAlerts(t.db.db, { clinicId: t.clinicId, patientId, limit: 50 });
      assert.equal(alerts.length, 1);
      assert.equal(alerts[0]!.kind, 'suicidality');
      assert.equal(alerts[0]!.source_id, r.responseId);
    });

    test('the same idempotency key stores one response', async () => {
      const key = `k-${Math.random()}`;
      const run = () => t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'gad7', answers: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 }, informant: 'self', source: 'intake', idempotencyKey: key }),
      );
      const a = await run();
      const b = await run();
      assert.equal(b.duplicate, true);
      assert.equal(b.responseId, a.responseId);
      const n = await t.db.db.selectFrom('scale_responses').select('id').where('idempotency_key', '=', key).execute();
      assert.equal(n.length, 1);
    });

    test('out-of-range and wrong-type answers store nothing', async () => {
      const before = (await t.db.db.selectFrom('scale_responses').select('id').execute()).length;
      for (const answers of [{ ...phq9(0), q1: 4 }, { ...phq9(0), q2: 'two' }, { ...phq9(0), q10: 1 }]) {
        await assert.rejects(
          t.db.db.transaction().execute((tx) => recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers, informant: 'self', source: 'intake' })),
          (e: unknown) => e instanceof DomainError && e.code === 'validation' && e.issues.length === 1,
        );
      }
      assert.equal((await t.db.db.selectFrom('scale_responses').select('id').execute()).length, before);
    });

    test('a stored response cannot be changed', async () => {
      const r = await t.db.db.transaction().execute((tx) =>
        recordScaleResponse(systemContext(deps, { job: 'import' }), tx, { clinicId: t.clinicId, patientId, scaleId: 'phq9', answers: phq9(0), informant: 'self', source: 'intake' }),
      );
      await assert.rejects(t.db.db.updateTable('scale_responses').set({ answers_json: '{}' }).where('id', '=', r.responseId).execute());
      await assert.rejects(t.db.db.deleteFrom('scale_responses').where('id', '=', r.responseId).execute());
    });
  });
}
