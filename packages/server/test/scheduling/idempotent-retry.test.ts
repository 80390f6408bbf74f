import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../../storage/test/test-db.ts';
import { createTestApp, signedIn, type Session, type TestApp } from '../test-app.ts';
import { newPatient, racePosts } from './scheduling-fixtures.ts';

const CLIENTS = 50;

/**
 * A client that retries a booking (a flaky network, a double tap) sends the same Idempotency-Key
 * and body again, possibly while the first is still running. Every copy must get the one booking,
 * on either database.
 */
for (const dialect of testDialects()) {
  describe(`Idempotency-Key under concurrency (${dialect})`, () => {
    let t: TestApp;
    let rec: Session;
    before(async () => {
      t = await createTestApp(dialect);
      rec = await signedIn(t, 'reception');
    });
    after(async () => t.destroy());

    test(`${CLIENTS} parallel copies of one booking all get 201 with the same appointment, and one is stored`, async () => {
      const p = await newPatient(t, rec);
      const body = { patientId: p.id, serviceId: 'saishin', start: '2026-12-02T09:00:00+09:00', resourceIds: ['dr-mori'] };
      const results = await racePosts(t, rec, '/api/appointments', Array(CLIENTS).fill(body), { 'idempotency-key': 'retry-0123456789' });
      assert.deepEqual(results.map((r) => r.status), Array(CLIENTS).fill(201), JSON.stringify(results.find((r) => r.status !== 201)));
      const ids = new Set(results.map((r) => JSON.parse(r.body).appointment.id as string));
      assert.equal(ids.size, 1);
      const rows = await t.db.db.selectFrom('appointments').select('id').where('patient_id', '=', p.id).execute();
      assert.deepEqual(rows.map((r) => r.id), [...ids]);
      const booked = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'appointment.book').where('patient_id', '=', p.id).execute();
      assert.equal(booked.length, 1, 'one booking, audited once');
    });

    test('parallel copies with the same key but another body: the first wins, the others get 409 mismatch', async () => {
      const p = await newPatient(t, rec);
      const bodies = Array.from({ length: 10 }, (_, i) => ({ patientId: p.id, serviceId: 'saishin', start: `2026-12-02T${10 + (i % 2)}:00:00+09:00`, resourceIds: ['dr-mori'] }));
      const results = await racePosts(t, rec, '/api/appointments', bodies, { 'idempotency-key': 'retry-mismatch-01' });
      const created = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      assert.equal(created.length + refused.length, 10, JSON.stringify(results.map((r) => r.status)));
      assert.equal(new Set(created.map((r) => JSON.parse(r.body).appointment.id)).size, 1);
      assert.ok(refused.every((r) => JSON.parse(r.body).error.code === 'conflict'));
      const rows = await t.db.db.selectFrom('appointments').select('id').where('patient_id', '=', p.id).execute();
      assert.equal(rows.length, 1);
    });

    test('10 parallel copies of one series all get 201 with the same series', async () => {
      const p = await newPatient(t, rec);
      const body = {
        patientId: p.id, serviceId: 'saishin', pattern: { kind: 'weekly', perWeek: 1, weeks: 2 },
        occurrences: [{ start: '2026-12-03T09:00:00+09:00' }, { start: '2026-12-10T09:00:00+09:00' }], resourceIds: ['dr-mori'],
      };
      const results = await racePosts(t, rec, '/api/appointments/series', Array(10).fill(body), { 'idempotency-key': 'series-0123456789' });
      assert.deepEqual(results.map((r) => r.status), Array(10).fill(201), JSON.stringify(results.find((r) => r.status !== 201)));
      assert.equal(new Set(results.map((r) => JSON.parse(r.body).series.id)).size, 1);
      const rows = await t.db.db.selectFrom('appointments').select('id').where('patient_id', '=', p.id).execute();
      assert.equal(rows.length, 2);
    });
  });
}
