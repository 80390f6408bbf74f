import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditHeads, checkExportSignature } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { as, createTestApp, signedIn, type TestApp } from './test-app.ts';

for (const dialect of testDialects()) {
  describe(`the audit CSV carries the chain head and a signature (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    test('an exported copy checks as intact; one edited character, a removed row or a cut file do not', async () => {
      const admin = await signedIn(t, 'admin');
      const r = await as(t, admin, { url: '/api/audit/export.csv' });
      assert.equal(r.statusCode, 200, r.body);
      const csv = r.body;
      const head = (await auditHeads(t.db.db, [t.clinicId]))[0]!;
      assert.ok(csv.includes(`# chain head: ${head.chain} ${head.seq} ${head.hash}`), 'the chain head at export time');
      assert.match(csv, /# signature: hmac-sha256 [0-9a-f]{64}\r\n$/);
      const key = t.db.secrets.key;
      assert.ok(csv.includes('success'), 'the export has rows to edit');
      assert.deepEqual(checkExportSignature(key, csv), { ok: true });
      assert.deepEqual(checkExportSignature(key, csv.replace('success', 'failure')), { ok: false, reason: 'edited' });
      const lines = csv.split('\r\n');
      assert.deepEqual(checkExportSignature(key, [lines[0], ...lines.slice(2)].join('\r\n')), { ok: false, reason: 'edited' });
      assert.deepEqual(checkExportSignature(key, lines.slice(0, -2).join('\r\n')), { ok: false, reason: 'unsigned' });
    });
  });
}
