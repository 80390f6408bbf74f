import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTotp } from '@mimamori/storage';
import { issueCredentialLink } from '../src/services/staff-service.ts';
import { testDialects } from '../../storage/test/test-db.ts';
import { as, createStaff, createTestApp, login, sessionFor, signedIn, type TestApp } from './test-app.ts';
import { SESSION_COOKIE, PRE_AUTH_COOKIE } from '../src/auth/session-cookie.ts';

for (const dialect of testDialects()) {
  describe(`staff authentication (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    test('a correct password and TOTP code sign in with a __Host- HttpOnly Secure SameSite=Strict cookie', async () => {
      const s = await createStaff(t, 'doctor');
      const { res, session } = await login(t, s);
      assert.equal(res.statusCode, 200);
      assert.ok(session);
      const raw = String(res.headers['set-cookie']);
      assert.match(raw, /__Host-mm_session=/);
      assert.match(raw, /HttpOnly/);
      assert.match(raw, /Secure/);
      assert.match(raw, /SameSite=Strict/);
      assert.match(raw, /Path=\//);
      assert.doesNotMatch(raw, /Domain=/);
      const body = res.json();
      assert.equal(body.user.role, 'doctor');
      assert.ok(body.permissions.includes('patients:read'));
      const me = await as(t, session, { url: '/api/auth/session' });
      assert.equal(me.statusCode, 200);
    });

    test('unknown id, wrong password and wrong code fail with the same status and message', async () => {
      const s = await createStaff(t, 'nurse');
      const code = currentTotp(s.totpSecret, t.clock.now);
      const attempts = [
        { loginId: 'no-such-user', password: s.password, code },
        { loginId: s.loginId, password: 'wrong-password-1', code },
        { loginId: s.loginId, password: s.password, code: code === '000000' ? '111111' : '000000' },
        { loginId: s.loginId, password: s.password, code: '' },
      ];
      const bodies: string[] = [];
      for (const payload of attempts) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: `10.0.0.${bodies.length + 1}` });
        assert.equal(r.statusCode, 401);
        assert.equal(r.cookies.find((c) => c.name === SESSION_COOKIE), undefined);
        bodies.push(r.body);
      }
      assert.equal(new Set(bodies).size, 1, 'every failure must answer identically');
      assert.match(bodies[0]!, /ログインできませんでした/);
    });

    test('a TOTP code cannot be used twice', async () => {
      const s = await createStaff(t, 'nurse');
      assert.equal((await login(t, s)).res.statusCode, 200);
      assert.equal((await login(t, s)).res.statusCode, 401);
      t.clock.advance(30_000);
      assert.equal((await login(t, s)).res.statusCode, 200);
    });

    test('five failures lock the account for 15 minutes, whatever the source address; then it unlocks', async () => {
      const s = await createStaff(t, 'reception');
      for (let i = 0; i < 5; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: s.loginId, password: 'wrong-password', code: '123456' }, remoteAddress: `10.1.0.${i}` });
        assert.equal(r.statusCode, 401);
      }
      t.clock.advance(30_000);
      const locked = await login(t, s);
      assert.equal(locked.res.statusCode, 401, 'correct credentials are refused while locked');
      t.clock.advance(15 * 60_000);
      assert.equal((await login(t, s)).res.statusCode, 200, 'the lock is temporary');
      const rows = await t.db.db.selectFrom('audit_log').select('action').where('actor_id', '=', s.staffId).execute();
      assert.ok(rows.some((r) => r.action === 'login.lockout'));
    });

    test('more than 20 credential requests a minute from one address get 429 with Retry-After', async () => {
      let last;
      for (let i = 0; i < 21; i++) {
        last = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'x', password: 'y', code: '1' }, remoteAddress: '10.9.9.9' });
      }
      assert.equal(last!.statusCode, 429);
      assert.ok(Number(last!.headers['retry-after']) >= 1);
      assert.equal(last!.json().error.code, 'rate_limited');
      const other = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'x', password: 'y', code: '1' }, remoteAddress: '10.9.9.10' });
      assert.equal(other.statusCode, 401, 'another address is not affected');
    });

    test('sessions end after 30 minutes idle and after 12 hours in all (fake clock)', async () => {
      const s = await signedIn(t, 'doctor');
      t.clock.advance(29 * 60_000);
      assert.equal((await as(t, s, { url: '/api/auth/session' })).statusCode, 200, 'activity at 29 min keeps it alive');
      t.clock.advance(29 * 60_000);
      assert.equal((await as(t, s, { url: '/api/auth/session' })).statusCode, 200);
      t.clock.advance(31 * 60_000);
      assert.equal((await as(t, s, { url: '/api/auth/session' })).statusCode, 401, 'idle for 31 minutes');

      const s2 = await signedIn(t, 'doctor');
      for (let i = 0; i < 12 * 3; i++) {
        t.clock.advance(20 * 60_000);
        const r = await as(t, s2, { url: '/api/auth/session' });
        if (i < 35) assert.equal(r.statusCode, 200, `still valid after ${(i + 1) * 20} min`);
        else assert.equal(r.statusCode, 401, 'absolute limit of 12 h');
      }
    });

    test('the session reports when it will expire, so the app can warn before', async () => {
      const s = await signedIn(t, 'nurse');
      const body = (await as(t, s, { url: '/api/auth/session' })).json();
      assert.equal(Date.parse(body.idleExpiresAt) - t.clock.now.getTime(), 30 * 60_000);
      assert.ok(Date.parse(body.absoluteExpiresAt) > Date.parse(body.idleExpiresAt));
    });

    test('logout ends every session of that user and clears site data', async () => {
      const staff = await createStaff(t, 'doctor');
      const a = await sessionFor(t, staff);
      const b = await sessionFor(t, staff);
      const out = await as(t, a, { method: 'POST', url: '/api/auth/logout' });
      assert.equal(out.statusCode, 204);
      assert.match(String(out.headers['clear-site-data']), /storage/);
      assert.equal((await as(t, a, { url: '/api/auth/session' })).statusCode, 401);
      assert.equal((await as(t, b, { url: '/api/auth/session' })).statusCode, 401);
    });

    test('disabling an account ends its sessions at once and it cannot sign in', async () => {
      const admin = await signedIn(t, 'admin');
      const staff = await createStaff(t, 'nurse');
      const s = await sessionFor(t, staff);
      const r = await as(t, admin, { method: 'POST', url: `/api/staff/${staff.staffId}/disable` });
      assert.equal(r.statusCode, 200);
      assert.equal((await as(t, s, { url: '/api/auth/session' })).statusCode, 401);
      t.clock.advance(60_000);
      assert.equal((await login(t, staff)).res.statusCode, 401);
      assert.equal((await as(t, admin, { method: 'POST', url: `/api/staff/${admin.staff.staffId}/disable` })).statusCode, 409, 'an admin cannot disable themself');
    });

    test('CSRF: a write without the token, with a wrong token, or from another origin is refused and nothing changes', async () => {
      const s = await signedIn(t, 'reception');
      const payload = { nameKanji: '佐藤 花子', nameKana: 'サトウ ハナコ', birthDate: '1990-01-01', sex: 'female' };
      const noToken = await t.app.inject({ method: 'POST', url: '/api/patients', payload, headers: { cookie: s.cookie } });
      assert.equal(noToken.statusCode, 403);
      assert.equal(noToken.json().error.code, 'csrf');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/patients', payload, headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) } });
      assert.equal(wrong.statusCode, 403);
      const crossSite = await t.app.inject({ method: 'POST', url: '/api/patients', payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://evil.example', host: 'localhost:3000' } });
      assert.equal(crossSite.statusCode, 403);
      const form = await t.app.inject({ method: 'POST', url: '/api/patients', payload: 'nameKanji=x', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(form.statusCode, 415, 'an HTML form post is not accepted');
      const n = await t.db.db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).where('name_kana', '=', 'サトウ ハナコ').executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 0);
      const ok = await as(t, s, { method: 'POST', url: '/api/patients', payload, headers: { origin: 'http://localhost:3000', host: 'localhost:3000' } });
      assert.equal(ok.statusCode, 201);
    });

    test('a state change sent as GET is refused with 405', async () => {
      const s = await signedIn(t, 'admin');
      const r = await as(t, s, { method: 'GET', url: '/api/auth/logout' });
      assert.equal(r.statusCode, 405);
      assert.equal((await as(t, s, { url: '/api/auth/session' })).statusCode, 200);
    });

    test('an invitation link sets a password, then TOTP must be enrolled before anything else; the link works once', async () => {
      const admin = await signedIn(t, 'admin');
      const inv = await as(t, admin, { method: 'POST', url: '/api/staff', payload: { loginId: `new.nurse.${Date.now()}`, displayName: '新人 看護師', role: 'nurse' } });
      assert.equal(inv.statusCode, 201);
      const token = new URL(inv.json().link.url).searchParams.get('token')!;
      const info = await t.app.inject({ url: `/api/invitations/${token}` });
      assert.equal(info.statusCode, 200);
      assert.equal(info.json().purpose, 'invite');
      const weak = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'password123' } });
      assert.equal(weak.statusCode, 400, 'a common password is refused');
      assert.deepEqual(weak.json().error.details, [{ path: 'password', message: 'よく使われるパスワードのため使用できません。' }], 'the field and the reason, in Japanese');
      const acc = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'a-long-unique-passphrase' } });
      assert.equal(acc.statusCode, 200);
      const { secret } = acc.json().enrolment;
      assert.ok(acc.json().enrolment.qrSvg.startsWith('<svg'));
      const pre = acc.cookies.find((c) => c.name === PRE_AUTH_COOKIE)!;
      // Password alone gives nothing: no staff session, and login without enrolment fails.
      assert.equal(acc.cookies.find((c) => c.name === SESSION_COOKIE), undefined);
      const again = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'another-passphrase-1' } });
      assert.equal(again.statusCode, 410, 'the link works once');
      const bad = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', payload: { code: '000000' }, cookies: { [PRE_AUTH_COOKIE]: pre.value } });
      assert.equal(bad.statusCode, 400);
      const enrol = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', payload: { code: currentTotp(secret, t.clock.now) }, cookies: { [PRE_AUTH_COOKIE]: pre.value } });
      assert.equal(enrol.statusCode, 200);
      assert.ok(enrol.cookies.find((c) => c.name === SESSION_COOKIE));
    });

    test('first-run setup: a one-time link that expires in 24 h creates the first administrator', async () => {
      const fresh = await createTestApp(dialect, {}, { freshClinic: true });
      try {
        await fresh.db.db.deleteFrom('clinics').execute();
        assert.equal((await fresh.app.inject({ url: '/api/setup/status' })).json().needsSetup, true);
        const link = await issueCredentialLink({ db: fresh.db, clock: fresh.clock.fn, config: fresh.config }, fresh.db.db, { purpose: 'setup', clinicId: null, staffId: null, createdBy: null });
        fresh.clock.advance(25 * 3600_000);
        const late = await fresh.app.inject({ method: 'POST', url: '/api/setup', payload: { token: link.token, loginId: 'admin', displayName: '管理者', password: 'correct horse battery' } });
        assert.equal(late.statusCode, 410, 'expired after 24 h');
        const link2 = await issueCredentialLink({ db: fresh.db, clock: fresh.clock.fn, config: fresh.config }, fresh.db.db, { purpose: 'setup', clinicId: null, staffId: null, createdBy: null });
        const res = await fresh.app.inject({ method: 'POST', url: '/api/setup', payload: { token: link2.token, loginId: 'admin', displayName: '管理者', password: 'correct horse battery', clinicName: '見守りクリニック' } });
        assert.equal(res.statusCode, 200);
        const pre = res.cookies.find((c) => c.name === PRE_AUTH_COOKIE)!;
        const enrol = await fresh.app.inject({ method: 'POST', url: '/api/auth/totp/enrol', payload: { code: currentTotp(res.json().enrolment.secret, fresh.clock.now) }, cookies: { [PRE_AUTH_COOKIE]: pre.value } });
        assert.equal(enrol.statusCode, 200);
        assert.equal(enrol.json().user.role, 'admin');
        assert.equal(enrol.json().user.clinicName, '見守りクリニック');
        assert.equal((await fresh.app.inject({ url: '/api/setup/status' })).json().needsSetup, false);
        const link3 = await issueCredentialLink({ db: fresh.db, clock: fresh.clock.fn, config: fresh.config }, fresh.db.db, { purpose: 'setup', clinicId: null, staffId: null, createdBy: null });
        const second = await fresh.app.inject({ method: 'POST', url: '/api/setup', payload: { token: link3.token, loginId: 'admin2', displayName: 'x', password: 'correct horse battery' } });
        assert.equal(second.statusCode, 410, 'setup works only on an empty database');
        const dflt = await fresh.app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'admin', password: 'admin', code: '000000' } });
        assert.equal(dflt.statusCode, 401, 'no default passwords');
      } finally {
        await fresh.destroy();
      }
    });
  });
}
