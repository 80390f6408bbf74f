import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkExportSignature } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { as, createStaff, createTestApp, sessionFor, signedIn, type TestApp } from './test-app.ts';

for (const dialect of testDialects()) {
  describe(`the monthly account review (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    test('lists every account with role, state, MFA, last sign-in and break-glass uses, signed; only for administrators', async () => {
      const admin = await signedIn(t, 'admin');
      const nurse = await createStaff(t, 'reception');
      await t.db.db.updateTable('staff').set({ last_login_at: new Date(t.clock.now.getTime() - 40 * 86_400_000).toISOString() }).where('id', '=', nurse.staffId).execute();
      const s = await sessionFor(t, nurse);
      assert.equal((await as(t, s, { method: 'POST', url: '/api/auth/break-glass', payload: { reason: '夜間の緊急連絡に対応するため（テスト）' } })).statusCode, 200);
      const r = await as(t, admin, { url: '/api/staff/review.csv' });
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-disposition']), /staff-review-\d{4}-\d{2}-\d{2}\.csv/);
      const row = r.body.split('\r\n').find((l) => l.startsWith(nurse.loginId))!;
      assert.ok(row, 'the reception account is listed');
      const cells = row.split(',');
      assert.deepEqual([cells[2], cells[3], cells[4], cells[6], cells[8]], ['reception', 'active', 'yes', '40', '1']);
      assert.deepEqual(checkExportSignature(t.db.secrets.key, r.body), { ok: true });
      assert.equal((await as(t, await signedIn(t, 'doctor'), { url: '/api/staff/review.csv' })).statusCode, 403);
    });
  });
}
