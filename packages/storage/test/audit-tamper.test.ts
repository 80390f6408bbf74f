import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendAudit, auditHash, auditHeads, insertClinic, verifyAudit, type AuditAnchor } from '../src/index.ts';
import { asAttacker, disableAuditTriggers } from './as-attacker.ts';
import { createTestDb, testDialects, type TestDb } from './test-db.ts';

/**
 * The audit log attacked by someone who can edit the database directly (the SQLite file, or a
 * PostgreSQL session with the owner's rights): triggers off, a row changed, the chain head deleted,
 * or the whole chain recomputed. Verification must not be fooled by any of it.
 */
for (const dialect of testDialects()) {
  describe(`audit chain under direct attack (${dialect})`, () => {
    let t: TestDb;
    let anchors: AuditAnchor[];
    beforeEach(async () => {
      t = await createTestDb(dialect);
      for (const id of ['c1', 'c2']) await insertClinic(t.db, { id, name: id, timeZone: 'Asia/Tokyo', now: '2026-01-01T00:00:00.000Z' });
      for (let i = 0; i < 20; i++) {
        await appendAudit(t.db, {
          at: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`, clinicId: i % 2 ? 'c1' : 'c2', actorId: 's1', actorRole: 'doctor',
          action: 'patient.read', resource: 'patient', resourceId: `p${i}`, patientId: `p${i}`, outcome: 'success',
        });
      }
      anchors = await auditHeads(t.db);
      assert.deepEqual(anchors.map((a) => [a.chain, a.seq]), [['c1', 10], ['c2', 10]]);
    });
    afterEach(async () => t.destroy());

    test('a changed row whose chain head was deleted is still found, and the anchor copied out earlier fails', async () => {
      await asAttacker(t, [
        ...disableAuditTriggers(dialect),
        "UPDATE audit_log SET patient_id = 'someone-else' WHERE chain = 'c1' AND seq = 4",
        "DELETE FROM audit_head WHERE chain = 'c1'",
      ]);
      const v = await verifyAudit(t.db, { anchors });
      assert.equal(v.ok, false);
      assert.deepEqual([v.firstBad?.chain, v.firstBad?.seq], ['c1', 4]);
      assert.match(v.firstBad!.reason, /does not match its hash/);
      assert.equal(v.chains, 2, 'chains are found from the rows, not the head table');
      // The row at the anchor is untouched, but the chain up to it no longer reproduces it.
      assert.deepEqual(v.anchorsBroken.map((a) => [a.chain, a.seq, a.found === a.hash]), [['c1', 10, true]]);
      assert.match(v.anchorsBroken[0]!.reason, /seq 4/);
    });

    test('deleting every chain head alone is a failure; the rows are still counted', async () => {
      await asAttacker(t, ['DELETE FROM audit_head']);
      const v = await verifyAudit(t.db);
      assert.equal(v.ok, false);
      assert.equal(v.chains, 2);
      assert.match(v.firstBad!.reason, /head missing/);
      assert.equal(v.rows, 20);
    });

    test('a chain recomputed after the change verifies on its own, but not against its anchor', async () => {
      const rows = await t.db.selectFrom('audit_log').selectAll().where('chain', '=', 'c1').orderBy('seq').execute();
      let prev = '0'.repeat(64);
      const rewrite: string[] = [];
      for (const r of rows) {
        const row = { ...r, seq: Number(r.seq), action: Number(r.seq) === 4 ? 'patient.list' : r.action };
        const hash = auditHash(prev, row);
        rewrite.push(`UPDATE audit_log SET action = '${row.action}', prev_hash = '${prev}', hash = '${hash}' WHERE id = ${Number(r.id)}`);
        prev = hash;
      }
      rewrite.push(`UPDATE audit_head SET hash = '${prev}' WHERE chain = 'c1'`);
      await asAttacker(t, [...disableAuditTriggers(dialect), ...rewrite]);
      assert.equal((await verifyAudit(t.db)).ok, true, 'consistent on its own: only an anchor can tell');
      const v = await verifyAudit(t.db, { anchors });
      assert.deepEqual(v.anchorsBroken.map((a) => [a.chain, a.seq, a.found]), [['c1', 10, prev]]);
      assert.match(v.anchorsBroken[0]!.reason, /rewritten/);
    });

    test('a whole chain deleted with its head is caught by its anchor', async () => {
      await asAttacker(t, [...disableAuditTriggers(dialect), "DELETE FROM audit_log WHERE chain = 'c2'", "DELETE FROM audit_head WHERE chain = 'c2'"]);
      const v = await verifyAudit(t.db, { anchors });
      assert.deepEqual(v.anchorsBroken.map((a) => [a.chain, a.seq, a.found, a.reason]), [['c2', 10, null, 'row missing']]);
    });

    test('a row moved to another clinic\'s chain is refused', async () => {
      await asAttacker(t, [...disableAuditTriggers(dialect), "UPDATE audit_log SET clinic_id = 'c2' WHERE chain = 'c1' AND seq = 2"]);
      const v = await verifyAudit(t.db);
      assert.deepEqual([v.ok, v.firstBad?.chain, v.firstBad?.seq], [false, 'c1', 2]);
    });
  });
}
