import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTotp } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { SESSION_COOKIE } from '../src/auth/session-cookie.ts';
import { createStaff, createTestApp, type TestApp } from './test-app.ts';

/**
 * Sign-in under truly parallel requests: every attempt is in flight before any answers (the
 * password check alone takes long enough that they all overlap), each from its own address so the
 * per-address rate limit is not what stops them.
 */
for (const dialect of testDialects()) {
  describe(`sign-in races (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    const attempt = (payload: Record<string, string>, i: number) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: `10.${20 + (i >> 8)}.${i & 255}.1` });

    test('15 parallel wrong passwords count 15 failures and lock the account', async () => {
      const s = await createStaff(t, 'reception');
      const code = currentTotp(s.totpSecret, t.clock.now);
      const results = await Promise.all(Array.from({ length: 15 }, (_, i) => attempt({ loginId: s.loginId, password: `wrong-password-${i}`, code }, i)));
      assert.deepEqual(results.map((r) => r.statusCode), Array(15).fill(401));
      const row = await t.db.db.selectFrom('staff').select(['failed_count', 'locked_until']).where('id', '=', s.staffId).executeTakeFirstOrThrow();
      assert.equal(Number(row.failed_count), 15, 'every failure is counted');
      assert.ok(row.locked_until && row.locked_until > t.clock.now.toISOString(), 'the account is locked');
      const lockouts = await t.db.db.selectFrom('audit_log').select('id').where('actor_id', '=', s.staffId).where('action', '=', 'login.lockout').execute();
      assert.equal(lockouts.length, 1, 'the lock is recorded once');
      // The right password and code are now refused too, until the lock ends.
      t.clock.advance(30_000);
      assert.equal((await attempt({ loginId: s.loginId, password: s.password, code: currentTotp(s.totpSecret, t.clock.now) }, 99)).statusCode, 401);
      t.clock.advance(15 * 60_000);
      const ok = await attempt({ loginId: s.loginId, password: s.password, code: currentTotp(s.totpSecret, t.clock.now) }, 100);
      assert.equal(ok.statusCode, 200, ok.body);
      const after = await t.db.db.selectFrom('staff').select(['failed_count', 'locked_until']).where('id', '=', s.staffId).executeTakeFirstOrThrow();
      assert.equal(Number(after.failed_count), 0);
      assert.equal(after.locked_until, null);
    });

    test('6 parallel sign-ins with the same password and code open exactly one session', async () => {
      t.clock.advance(60_000);
      const s = await createStaff(t, 'doctor');
      const code = currentTotp(s.totpSecret, t.clock.now);
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => attempt({ loginId: s.loginId, password: s.password, code }, 200 + i)));
      const statuses = results.map((r) => r.statusCode).sort();
      assert.deepEqual(statuses, [200, 401, 401, 401, 401, 401]);
      assert.equal(results.filter((r) => r.cookies.some((c) => c.name === SESSION_COOKIE && c.value)).length, 1);
      const sessions = await t.db.db.selectFrom('sessions').select('id').where('staff_id', '=', s.staffId).where('kind', '=', 'staff').execute();
      assert.equal(sessions.length, 1, 'one code, one session');
      const replays = await t.db.db.selectFrom('audit_log').select('detail').where('actor_id', '=', s.staffId).where('action', '=', 'login.failure').execute();
      assert.deepEqual(replays.map((r) => r.detail), Array(5).fill('totp_replay'));
    });
  });
}
