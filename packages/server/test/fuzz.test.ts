import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { testDialects } from '../../storage/test/test-db.ts';
import { adultInput, as, createTestApp, signedIn, type Session, type TestApp } from './test-app.ts';

/** Bodies that are wrong in shape, type, size or content. None of them may ever be a valid request. */
function badBodies(): fc.Arbitrary<{ payload: string; contentType: string }> {
  const json = (v: unknown) => ({ payload: JSON.stringify(v), contentType: 'application/json' });
  const validish = adultInput();
  const keys = Object.keys(validish);
  return fc.oneof(
    fc.string({ maxLength: 40 }).map((s) => ({ payload: `{${s}`, contentType: 'application/json' })), // malformed JSON
    fc.constantFrom('', 'null', '[]', '"x"', '1e309', '{"a":', '\u0000', '{"__proto__":{"x":1}}').map((p) => ({ payload: p, contentType: 'application/json' })),
    fc.jsonValue({ maxDepth: 3 }).map(json), // arbitrary JSON
    fc.record({ k: fc.constantFrom(...keys), v: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object()) }).map(({ k, v }) => json({ ...validish, [k]: v, version: 'x' })),
    fc.string({ maxLength: 20 }).map((k) => json({ ...validish, [`x_${k}`]: 1, version: 1.5 })), // unknown field
    fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '2026-1-1', '１９９０-０１-０１', '2026-02-29T00:00', '9999-99-99').map((d) => json({ ...validish, birthDate: d, version: 0 })),
    fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085').map((c) => json({ ...validish, nameKanji: `山田${c}`, displayName: `x${c}`, loginId: `a${c}b`, version: -1 })),
    fc.integer({ min: 1, max: 3 }).map((n) => json({ ...validish, notes: 'あ'.repeat(400_000 * n) })), // oversized
    fc.constant({ payload: 'nameKanji=x&nameKana=y', contentType: 'application/x-www-form-urlencoded' }),
    fc.constant({ payload: '<x/>', contentType: 'text/xml' }),
  );
}

for (const dialect of testDialects()) {
  describe(`fuzz: bad requests on every route (${dialect})`, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await createTestApp(dialect);
      admin = await signedIn(t, 'admin');
      await as(t, admin, { method: 'POST', url: '/api/patients', payload: adultInput() });
    });
    after(async () => t.destroy());

    const counts = async () => {
      const n = async (table: 'patients' | 'staff' | 'patient_versions' | 'credential_links' | 'clinics') =>
        Number((await t.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return { patients: await n('patients'), versions: await n('patient_versions'), staff: await n('staff'), links: await n('credential_links'), clinics: await n('clinics') };
    };

    test('a few thousand generated bad requests: always 4xx with the error shape, never 5xx, nothing stored', async () => {
      // Logout and ending one's own emergency access take no body: "null" is as good as none there.
      const routes = t.app.routeTable.filter((r) => r.url !== '/api/auth/logout' && !(r.method === 'DELETE' && r.url === '/api/auth/break-glass'));
      const patientId = (await t.db.db.selectFrom('patients').select('id').executeTakeFirstOrThrow()).id;
      const before = await counts();
      const ids = fc.constantFrom(patientId, 'f'.repeat(32), '../../etc/passwd', '%00', 'x'.repeat(300), "1' OR '1'='1", '１２３');
      const queries = fc.constantFrom('', '?limit=-1', '?limit=abc', '?offset=1e99', '?q=%00', `?q=${'a'.repeat(500)}`, '?from=2026-02-30', '?unknown=1', '?q=%27%20OR%201%3D1--', '?birthDate=2026-13-01', '?patientId=xyz');
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), ids, queries, badBodies(), fc.boolean(), async (route, id, query, body, lang) => {
          const url = route.url.replace(/:(\w+)/g, () => encodeURIComponent(id)) + (route.method === 'GET' ? query : '');
          const res = await as(t, admin, {
            method: route.method as 'POST',
            url,
            ...(route.method === 'GET' ? {} : { payload: body.payload, headers: { 'content-type': body.contentType, ...(lang ? { 'accept-language': 'en' } : {}) } }),
            remoteAddress: `10.${sent % 250}.${Math.floor(sent / 250) % 250}.1`,
          });
          sent++;
          if (route.method === 'GET' && res.statusCode === 200) return; // a GET with harmless junk may succeed
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          const b = res.json();
          assert.equal(typeof b.error?.code, 'string');
          assert.equal(typeof b.error?.message, 'string');
          assert.ok(b.error.message.length > 0);
        }),
        { numRuns: 2500, seed: 20261129 },
      );
      assert.ok(sent >= 2500);
      assert.deepEqual(await counts(), before);
    });

    test('an oversized body is refused with 413 before it is read', async () => {
      const r = await as(t, admin, { method: 'POST', url: '/api/patients', payload: JSON.stringify({ notes: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
      assert.equal(r.statusCode, 413);
      assert.equal(r.json().error.code, 'payload_too_large');
    });
  });
}
