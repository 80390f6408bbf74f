import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTotp } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { PRE_AUTH_COOKIE, SESSION_COOKIE } from '../src/auth/session-cookie.ts';
import { as, createStaff, createTestApp, signedIn, type TestApp } from './test-app.ts';

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
    test('6 parallel enrolments with one pre-authentication cookie and code open exactly one session', async () => {
      t.clock.advance(60_000);
      const admin = await signedIn(t, 'admin');
      const inv = await as(t, admin, { method: 'POST', url: '/api/staff', payload: { loginId: `race.nurse.${Date.now()}`, displayName: '新人 看護師', role: 'nurse' } });
      assert.equal(inv.statusCode, 201, inv.body);
      const token = new URL(inv.json().link.url).searchParams.get('token')!;
      const acc = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'a-long-unique-passphrase' }, remoteAddress: '10.30.0.1' });
      assert.equal(acc.statusCode, 200, acc.body);
      const pre = acc.cookies.find((c) => c.name === PRE_AUTH_COOKIE)!;
      const code = currentTotp(acc.json().enrolment.secret, t.clock.now);
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', payload: { code }, cookies: { [PRE_AUTH_COOKIE]: pre.value }, remoteAddress: `10.30.1.${i}` })));
      assert.equal(results.filter((r) => r.statusCode === 200).length, 1, JSON.stringify(results.map((r) => r.statusCode)));
      assert.ok(results.every((r) => r.statusCode === 200 || r.statusCode === 401));
      const staffId = inv.json().staff.id as string;
      const sessions = await t.db.db.selectFrom('sessions').select('id').where('staff_id', '=', staffId).where('kind', '=', 'staff').execute();
      assert.equal(sessions.length, 1);
    });
  });
}
