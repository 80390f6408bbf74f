import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { appendAudit, insertClinic, verifyAudit } from '../src/index.ts';
import { createTestDb, testDialects, type TestDb } from './test-db.ts';

for (const dialect of testDialects()) {
  describe(`audit chain (${dialect})`, () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb(dialect);
      await insertClinic(t.db, { id: 'c1', name: 'A', timeZone: 'Asia/Tokyo', now: '2026-01-01T00:00:00.000Z' });
      await insertClinic(t.db, { id: 'c2', name: 'B', timeZone: 'Asia/Tokyo', now: '2026-01-01T00:00:00.000Z' });
      for (let i = 0; i < 20; i++) {
        await appendAudit(t.db, {
          at: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`, clinicId: i % 2 ? 'c1' : 'c2', actorId: 's1', actorRole: 'doctor',
          action: 'read', resource: 'patient', resourceId: `p${i}`, patientId: `p${i}`, outcome: 'success', requestId: `r${i}`, ip: '127.0.0.1',
        });
      }
    });
    after(async () => t.destroy());

    test('an untouched chain verifies', async () => {
      const r = await verifyAudit(t.db);
      assert.equal(r.ok, true);
      assert.equal(r.rows, 20);
      assert.equal(r.chains, 2);
    });

    test('the database refuses UPDATE and DELETE of audit rows', async () => {
      await assert.rejects(sql`UPDATE audit_log SET action = 'x' WHERE seq = 3`.execute(t.db), /append-only/);
      await assert.rejects(sql`DELETE FROM audit_log WHERE seq = 3`.execute(t.db), /append-only/);
      assert.equal((await verifyAudit(t.db)).ok, true);
    });

    test('a row changed behind the application is found and named', async () => {
      const target = await t.db.selectFrom('audit_log').select(['id', 'chain', 'seq']).where('chain', '=', 'c1').where('seq', '=', 4).executeTakeFirstOrThrow();
      if (dialect === 'sqlite') {
        await sql`DROP TRIGGER audit_log_no_update`.execute(t.db);
        await sql`UPDATE audit_log SET patient_id = 'someone-else' WHERE id = ${target.id}`.execute(t.db);
      } else {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.db);
        await sql`UPDATE audit_log SET patient_id = 'someone-else' WHERE id = ${target.id}`.execute(t.db);
      }
      const r = await verifyAudit(t.db);
      assert.equal(r.ok, false);
      assert.equal(r.firstBad?.id, Number(target.id));
      assert.equal(r.firstBad?.chain, 'c1');
      assert.equal(r.firstBad?.seq, 4);
      assert.match(r.firstBad?.reason ?? '', /does not match/);
    });
  });
}
