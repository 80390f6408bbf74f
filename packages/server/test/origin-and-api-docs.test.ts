import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../storage/test/test-db.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from './test-app.ts';

for (const dialect of testDialects()) {
  describe(`same-origin check and API docs headers (${dialect})`, () => {
    let t: TestApp;
    let s: Session;
    before(async () => {
      t = await createTestApp(dialect);
      s = await signedIn(t, 'reception');
    });
    after(async () => t.destroy());

    const register = (host: string, origin: string) =>
      as(t, s, { method: 'POST', url: '/api/patients', payload: { ...adultInput(), acknowledgeDuplicates: true }, headers: { host, origin } });

    test('a write is accepted only from the exact origin: scheme, host and port', async () => {
      // A plain-http server reached at 127.0.0.1 (not its configured public address).
      assert.equal((await register('127.0.0.1:3000', 'http://127.0.0.1:3000')).statusCode, 201);
      for (const origin of ['https://127.0.0.1:3000', 'http://127.0.0.1:3001', 'http://127.0.0.1', 'http://localhost:3000', 'null']) {
        const r = await register('127.0.0.1:3000', origin);
        assert.equal(r.statusCode, 403, origin);
        assert.equal(r.json().error.code, 'csrf', origin);
      }
      // At its public address the configured scheme counts, also behind a proxy that ends TLS.
      assert.equal((await register('localhost:3000', 'http://localhost:3000')).statusCode, 201);
      assert.equal((await register('localhost:3000', 'https://localhost:3000')).statusCode, 403);
      const denials = await t.db.db.selectFrom('audit_log').select('id').where('action', '=', 'csrf.rejected').where('detail', '=', 'origin').execute();
      assert.equal(denials.length, 6);
    });

    test('behind a TLS proxy only the https public origin may write', async () => {
      const behindProxy = await createTestApp(dialect, { publicUrl: 'https://clinic.example' });
      try {
        const staff = await signedIn(behindProxy, 'reception');
        const send = (origin: string) =>
          as(behindProxy, staff, { method: 'POST', url: '/api/patients', payload: { ...adultInput(), acknowledgeDuplicates: true }, headers: { host: 'clinic.example', origin } });
        assert.equal((await send('https://clinic.example')).statusCode, 201);
        assert.equal((await send('http://clinic.example')).statusCode, 403);
        assert.equal((await send('https://clinic.example:8443')).statusCode, 403);
      } finally {
        await behindProxy.destroy();
      }
    });

    test('the API docs get the same strict CSP as every page, and are not stored', async () => {
      for (const url of ['/api/docs', '/api/docs/', '/api/docs/static/swagger-initializer.js', '/api/docs/json']) {
        const r = await t.app.inject({ url });
        assert.ok(r.statusCode < 400, `${url}: ${r.statusCode}`);
        const csp = String(r.headers['content-security-policy']);
        assert.ok(csp.includes("frame-ancestors 'none'"), `${url}: ${csp}`);
        assert.ok(csp.includes("default-src 'self'"), `${url}: ${csp}`);
        assert.doesNotMatch(csp, /https?:|validator\.swagger\.io|unsafe-inline/, `${url}: no external or inline sources`);
        assert.equal(r.headers['cache-control'], 'no-store', url);
      }
      // The UI loads only its own files, served here.
      const page = await t.app.inject({ url: '/api/docs/' });
      for (const src of page.body.matchAll(/(?:src|href)="([^"]+)"/g)) assert.doesNotMatch(src[1]!, /^(https?:)?\/\//, src[1]);
      const init = await t.app.inject({ url: '/api/docs/static/swagger-initializer.js' });
      assert.match(init.body, /validatorUrl: null/);
    });
  });
}
