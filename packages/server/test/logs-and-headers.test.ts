import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { currentTotp } from '@mimamori/storage';
import { createTestDb, testDialects, type TestDb } from '../../storage/test/test-db.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { loggerOptions } from '../src/http/logger-options.ts';
import type { FastifyInstance } from 'fastify';
import { createStaff, fakeClock, type TestApp } from './test-app.ts';
import { insertClinic, newId } from '@mimamori/storage';

for (const dialect of testDialects().slice(0, 1)) {
  describe('logs carry no secrets or patient data; security headers', () => {
    let db: TestDb;
    let app: FastifyInstance;
    let log = '';
    const clinicId = newId();
    const clock = fakeClock();
    before(async () => {
      db = await createTestDb(dialect);
      const sink = new Writable({ write(chunk, _enc, cb) { log += chunk.toString(); cb(); } });
      app = await createApp({ db, clock: clock.fn, config: loadConfig({}) }, { logger: loggerOptions('info', sink) });
      await app.ready();
      await insertClinic(db.db, { id: clinicId, name: 'ログテスト', timeZone: 'Asia/Tokyo', now: clock.now.toISOString() });
    });
    after(async () => {
      await app.close();
      await db.destroy();
    });

    test('a scripted session leaves none of its canaries in the log', async () => {
      const t = { app, db, clock, config: loadConfig({}), clinicId, destroy: async () => {} } as unknown as TestApp;
      const staff = await createStaff(t, 'reception', { password: 'canary-password-4711' });
      const code = currentTotp(staff.totpSecret, clock.now);
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: staff.loginId, password: 'canary-password-4711', code } });
      assert.equal(login.statusCode, 200);
      const cookie = login.cookies.find((c) => c.name === '__Host-mm_session')!;
      const csrf = login.json().csrfToken as string;
      const h = { cookie: `__Host-mm_session=${cookie.value}`, 'x-csrf-token': csrf };
      const created = await app.inject({ method: 'POST', url: '/api/patients', headers: h, payload: { nameKanji: '検体 カナリア', nameKana: 'ケンタイ カナリア', birthDate: '1980-01-01', sex: 'female', notes: 'canary-note-clinical-9931', phone: '090-4711-4711' } });
      assert.equal(created.statusCode, 201);
      await app.inject({ url: `/api/patients?q=${encodeURIComponent('ケンタイ カナリア')}`, headers: h });
      await app.inject({ method: 'POST', url: '/api/patients', headers: h, payload: { nameKanji: 'x\nINJECTED canary-inject', nameKana: 'bad' } });
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId: 'canary-login', password: 'canary-password-wrong', code: '123456' } });
      for (const canary of ['canary-password-4711', code, cookie.value, csrf, '検体', 'カナリア', 'canary-note-clinical-9931', '4711-4711', 'canary-inject', 'canary-password-wrong', staff.totpSecret]) {
        assert.ok(!log.includes(canary), `the log contains "${canary}"`);
        assert.ok(!log.includes(encodeURIComponent(canary)), `the log contains "${canary}" (URL-encoded)`);
      }
      assert.match(log, /"route":"\/api\/patients"/, 'requests are logged by route pattern');
    });

    test('security headers on API and page responses', async () => {
      const r = await app.inject({ url: '/api/health' });
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
      assert.match(String(r.headers['strict-transport-security']), /max-age=31536000; includeSubDomains/);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.match(String(r.headers['x-request-id']), /^[0-9a-f]{16}$/);
      const csp = String(r.headers['content-security-policy']);
      for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) assert.ok(csp.includes(d), d);
      assert.ok(!csp.includes('unsafe-inline'));
      for (const [name, value] of Object.entries({
        'x-frame-options': 'SAMEORIGIN', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin',
        'x-dns-prefetch-control': 'off', 'x-permitted-cross-domain-policies': 'none', 'origin-agent-cluster': '?1', 'x-xss-protection': '0',
      })) assert.equal(r.headers[name], value, name);
      const other = await app.inject({ url: '/api/health' });
      assert.notEqual(other.headers['x-request-id'], r.headers['x-request-id']);
      const trace = await app.inject({ method: 'TRACE' as 'GET', url: '/api/health' });
      assert.ok([404, 405].includes(trace.statusCode));
      const page = await app.inject({ url: '/patients' });
      assert.ok(String(page.headers['content-security-policy']).includes("frame-ancestors 'none'"));
    });
  });
}
