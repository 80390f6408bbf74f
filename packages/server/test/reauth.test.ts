import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { currentTotp } from '@mimamori/storage';
import { testDialects } from '../../storage/test/test-db.ts';
import { SESSION_COOKIE } from '../src/auth/session-cookie.ts';
import { as, createStaff, createTestApp, login, type Session, type TestApp, type TestStaff } from './test-app.ts';

for (const dialect of testDialects()) {
  describe(`re-authentication before sensitive actions (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    const signIn = async (s: TestStaff): Promise<Session> => {
      const { res, session } = await login(t, s);
      assert.equal(res.statusCode, 200, res.body);
      return session!;
    };
    const invite = (s: Session, loginId: string) =>
      as(t, s, { method: 'POST', url: '/api/staff', payload: { loginId, displayName: '新しい 職員', role: 'doctor' } });
    const reauth = (s: Session, password: string, code: string) =>
      as(t, s, { method: 'POST', url: '/api/auth/reauth', payload: { password, code } });
    const actions = async (staffId: string) =>
      (await t.db.db.selectFrom('audit_log').select('action').where('actor_id', '=', staffId).execute()).map((r) => r.action);

    test('within 5 minutes of signing in, an administrator grants a role without being asked again', async () => {
      const admin = await createStaff(t, 'admin');
      const s = await signIn(admin);
      t.clock.advance(4 * 60_000);
      assert.equal((await invite(s, 'within.five')).statusCode, 201);
    });

    test('later, granting a role, resetting an account and exporting the audit log ask again, in Japanese, and change nothing', async () => {
      const admin = await createStaff(t, 'admin');
      const s = await signIn(admin);
      t.clock.advance(6 * 60_000);
      const r = await invite(s, 'needs.reauth');
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error.code, 'reauth_required');
      assert.match(r.json().error.message, /もう一度パスワードと確認コード/);
      assert.equal(await t.db.db.selectFrom('staff').select('id').where('login_id', '=', 'needs.reauth').executeTakeFirst(), undefined);
      const other = await createStaff(t, 'nurse');
      assert.equal((await as(t, s, { method: 'POST', url: `/api/staff/${other.staffId}/reset` })).json().error.code, 'reauth_required');
      assert.equal((await as(t, s, { method: 'PATCH', url: `/api/staff/${other.staffId}`, payload: { role: 'admin' } })).json().error.code, 'reauth_required');
      assert.equal((await t.db.db.selectFrom('staff').select('role').where('id', '=', other.staffId).executeTakeFirstOrThrow()).role, 'nurse');
      assert.equal((await as(t, s, { url: '/api/audit/export.csv' })).json().error.code, 'reauth_required');
      // Taking access away stays quick: disabling an account is not held up.
      assert.equal((await as(t, s, { method: 'POST', url: `/api/staff/${other.staffId}/disable` })).statusCode, 200);
      // Ordinary reads go on as before.
      assert.equal((await as(t, s, { url: '/api/staff' })).statusCode, 200);
    });

    test('a wrong code is refused and audited, the session goes on; the right ones start a fresh session that may act', async () => {
      const admin = await createStaff(t, 'admin');
      const s = await signIn(admin);
      t.clock.advance(6 * 60_000);
      const wrongCode = currentTotp(admin.totpSecret, t.clock.now) === '000000' ? '111111' : '000000';
      const bad = await reauth(s, admin.password, wrongCode);
      assert.equal(bad.statusCode, 401);
      assert.match(bad.json().error.message, /パスワードまたは確認コードが正しくありません/);
      assert.equal((await as(t, s, { url: '/api/auth/session' })).statusCode, 200, 'a failed re-authentication does not end the session');
      const ok = await reauth(s, admin.password, currentTotp(admin.totpSecret, t.clock.now));
      assert.equal(ok.statusCode, 200, ok.body);
      const cookie = ok.cookies.find((c) => c.name === SESSION_COOKIE);
      assert.ok(cookie);
      const fresh: Session = { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrf: ok.json().csrfToken, staff: admin };
      assert.notEqual(fresh.cookie, s.cookie);
      assert.notEqual(fresh.csrf, s.csrf);
      assert.equal((await as(t, s, { url: '/api/auth/session' })).statusCode, 401, 'the old session ended');
      assert.equal((await invite(fresh, 'after.reauth')).statusCode, 201);
      const log = await actions(admin.staffId);
      assert.ok(log.includes('reauth.failure') && log.includes('reauth.success'));
    });

    test('the same code cannot be used twice, and five failures lock the account as at sign-in', async () => {
      const admin = await createStaff(t, 'admin');
      const s = await signIn(admin);
      const replayed = await reauth(s, admin.password, currentTotp(admin.totpSecret, t.clock.now));
      assert.equal(replayed.statusCode, 401, 'the code used to sign in is refused');
      for (let i = 0; i < 4; i++) assert.equal((await reauth(s, 'wrong-password-123', '000000')).statusCode, 401);
      const row = await t.db.db.selectFrom('staff').select('locked_until').where('id', '=', admin.staffId).executeTakeFirstOrThrow();
      assert.ok(row.locked_until, 'locked after five failures');
      t.clock.advance(60_000);
      assert.equal((await reauth(s, admin.password, currentTotp(admin.totpSecret, t.clock.now))).statusCode, 401, 'refused while locked');
    });

    test('re-authentication needs a session and a CSRF token', async () => {
      const admin = await createStaff(t, 'admin');
      const s = await signIn(admin);
      const anon = await t.app.inject({ method: 'POST', url: '/api/auth/reauth', payload: { password: admin.password, code: '123456' } });
      assert.equal(anon.statusCode, 401);
      const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/reauth', headers: { cookie: s.cookie }, payload: { password: admin.password, code: '123456' } });
      assert.equal(noCsrf.statusCode, 403);
    });
  });
}
