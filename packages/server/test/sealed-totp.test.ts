import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../storage/test/test-db.ts';
import { createStaff, createTestApp, login, type TestApp } from './test-app.ts';

for (const dialect of testDialects()) {
  describe(`TOTP secrets are sealed at rest (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    const stored = async (staffId: string) =>
      (await t.db.db.selectFrom('staff').select('totp_secret').where('id', '=', staffId).executeTakeFirstOrThrow()).totp_secret!;

    test('the database holds only the sealed secret, and sign-in still works', async () => {
      const s = await createStaff(t, 'doctor');
      const row = await stored(s.staffId);
      assert.ok(row.startsWith('mm1.'));
      assert.ok(!row.includes(s.totpSecret), 'the plain secret must not be in the database');
      assert.equal((await login(t, s)).res.statusCode, 200);
    });

    test('a secret stored in plain text before sealing existed is sealed at the next sign-in', async () => {
      const s = await createStaff(t, 'nurse');
      await t.db.db.updateTable('staff').set({ totp_secret: s.totpSecret }).where('id', '=', s.staffId).execute();
      assert.equal((await login(t, s)).res.statusCode, 200);
      const row = await stored(s.staffId);
      assert.ok(row.startsWith('mm1.') && !row.includes(s.totpSecret));
      t.clock.advance(31_000);
      assert.equal((await login(t, s)).res.statusCode, 200, 'the sealed secret opens at the sign-in after');
    });

    test("one account's sealed secret copied onto another account does not let anyone sign in", async () => {
      const a = await createStaff(t, 'reception');
      const b = await createStaff(t, 'reception');
      await t.db.db.updateTable('staff').set({ totp_secret: await stored(a.staffId) }).where('id', '=', b.staffId).execute();
      t.clock.advance(31_000);
      const r = (await login(t, { ...b, totpSecret: a.totpSecret })).res;
      assert.notEqual(r.statusCode, 200);
      assert.ok(r.statusCode < 500, `a 4xx, got ${r.statusCode}`);
    });
  });
}
