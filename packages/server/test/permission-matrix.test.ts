import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hasPermission, roles, type Permission } from '@mimamori/core';
import { testDialects } from '../../storage/test/test-db.ts';
import { renderPermissionsDoc } from '../src/auth/permissions-doc.ts';
import { as, createTestApp, signedIn, type TestApp } from './test-app.ts';

function concrete(url: string): string {
  return url.replace(/:id\b/g, 'f'.repeat(32)).replace(/:token\b/g, 'x'.repeat(43)).replace(/:(\w+)/g, 'x');
}

for (const dialect of testDialects()) {
  describe(`permission matrix (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t.destroy());

    test('docs/permissions.md matches the matrix and the route table (npm run docs:permissions)', () => {
      const doc = readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8');
      assert.equal(doc, renderPermissionsDoc(t.app.routeTable));
    });

    test('every /api route declares its access rule', () => {
      assert.ok(t.app.routeTable.length >= 15);
      for (const r of t.app.routeTable) assert.ok(r.access, `${r.method} ${r.url}`);
    });

    test('every protected route refuses a request without a session (401)', async () => {
      for (const r of t.app.routeTable.filter((x) => x.access !== 'public')) {
        const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
        assert.equal(res.statusCode, 401, `${r.method} ${r.url}`);
      }
    });

    test('every role × every route: allowed exactly as the matrix says', async () => {
      for (const role of roles) {
        for (const r of t.app.routeTable.filter((x) => x.access !== 'public')) {
          const s = await signedIn(t, role);
          if (r.access === 'patient') {
            const res = await as(t, s, { method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
            assert.equal(res.statusCode, 401, `a staff session opens no patient-link route: ${r.method} ${r.url}`);
            continue;
          }
          const res = await as(t, s, { method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
          const allowed = r.access === 'authenticated' || hasPermission(role, r.access as Permission);
          if (allowed) assert.notEqual(res.statusCode, 403, `${role} ${r.method} ${r.url} should be allowed`);
          else {
            assert.equal(res.statusCode, 403, `${role} ${r.method} ${r.url} should be denied`);
            assert.equal(res.json().error.code, 'forbidden');
          }
          assert.ok(res.statusCode < 500, `${role} ${r.method} ${r.url} → ${res.statusCode}`);
        }
      }
    });

    test('a denied request writes a "denied" audit row', async () => {
      const s = await signedIn(t, 'researcher');
      await as(t, s, { url: '/api/patients' });
      const row = await t.db.db.selectFrom('audit_log').selectAll().where('actor_id', '=', s.staff.staffId).where('outcome', '=', 'denied').executeTakeFirst();
      assert.ok(row);
      assert.equal(row.action, 'access.denied');
    });
  });
}
