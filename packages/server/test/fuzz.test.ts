import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { permissionMatrix, type Permission, type Role } from '@mimamori/core';
import { testDialects } from '../../storage/test/test-db.ts';
import { PATIENT_COOKIE } from '../src/auth/patient-auth.ts';
import { mutationsAt, sample, schemaNodes, setAt, type JsonSchema, type Mutation } from './schema-fuzz.ts';
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

    test('every nested path of every route\'s body schema, and every query and path parameter, with bad values: 4xx with a message, never 5xx, nothing written', async (ctx) => {
      const patientId = (await t.db.db.selectFrom('patients').select('id').executeTakeFirstOrThrow()).id;
      // Each route is called by a role that holds its permission, so the body is really read.
      const sessions = new Map<Role, Session>();
      const sessionOf = async (role: Role) => sessions.get(role) ?? sessions.set(role, await signedIn(t, role)).get(role)!;
      for (const role of ['admin', 'doctor', 'nurse', 'reception', 'researcher'] as const) await sessionOf(role);
      const nurse = await sessionOf('nurse');
      const sent = await as(t, nurse, { method: 'POST', url: `/api/patients/${patientId}/intakes`, payload: { email: false } });
      assert.equal(sent.statusCode, 201, sent.body);
      const ex = await t.app.inject({ method: 'POST', url: '/api/p/links/exchange', payload: { token: sent.json().link.url.split('/p/l/')[1] } });
      const patient = { cookie: ex.cookies.find((c) => c.name === PATIENT_COOKIE)!.value, csrf: ex.json().csrfToken as string };
      const intakeId = sent.json().intakeId as string;
      // A stored program and an enrolment, so that loose fields reach the core checks behind them.
      const doctor = await sessionOf('doctor');
      const example = (await as(t, doctor, { url: '/api/programs/examples' })).json().items[0] as { id: string };
      assert.equal((await as(t, doctor, { method: 'POST', url: '/api/programs', payload: example })).statusCode, 201);
      const enrolled = await as(t, doctor, { method: 'POST', url: `/api/programs/${example.id}/enrolments`, payload: { patientId } });
      assert.equal(enrolled.statusCode, 201, enrolled.body);
      const real = (url: string, name: string): string | undefined => {
        if (name === 'programId') return example.id;
        if (name !== 'id') return undefined;
        if (url.startsWith('/api/patients/')) return patientId;
        if (url.startsWith('/api/program-enrolments/')) return enrolled.json().enrolment.id as string;
        if (url.startsWith('/api/p/intakes/') || url.startsWith('/api/intakes/')) return intakeId;
        return undefined;
      };

      const tables = (await t.db.db.introspection.getTables()).map((x) => x.name).filter((n) => !n.startsWith('audit') && !n.startsWith('kysely') && !n.includes('session'));
      const snapshot = async () => {
        const out: Record<string, number> = {};
        for (const name of tables) out[name] = Number((await t.db.db.selectFrom(name as 'patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        return out;
      };
      const before = await snapshot();

      interface Op { parameters?: Array<{ in: string; name: string; schema: JsonSchema }>; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
      const spec = t.app.swagger() as unknown as { paths: Record<string, Record<string, Op>> };
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      let sentCount = 0;
      let bodyPaths = 0;
      const call = async (o: { route: { method: string; url: string; access: string | undefined }; url: string; payload?: unknown; label: string; certainlyBad: boolean }) => {
        const { route } = o;
        const headers: Record<string, string> = { 'accept-language': sentCount % 2 ? 'en' : 'ja' };
        if (o.payload !== undefined) headers['content-type'] = 'application/json';
        if (route.access === 'patient') {
          headers.cookie = `${PATIENT_COOKIE}=${patient.cookie}`;
          if (route.method !== 'GET') headers['x-csrf-token'] = patient.csrf;
        } else if (route.access !== 'public') {
          const role = route.access === 'authenticated' ? 'admin' : (permissionMatrix[route.access as Permission][0] as Role);
          const s = await sessionOf(role);
          headers.cookie = s.cookie;
          if (route.method !== 'GET') headers['x-csrf-token'] = s.csrf;
        }
        const res = await t.app.inject({
          method: route.method as 'POST', url: o.url, headers, remoteAddress: `10.${sentCount % 250}.${Math.floor(sentCount / 250) % 250}.2`,
          ...(o.payload === undefined ? {} : { payload: JSON.stringify(o.payload) }),
        });
        sentCount++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const where = `${route.method} ${route.url} ${o.label}`;
        if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode}`);
        else if (o.certainlyBad && (res.statusCode < 400 || res.statusCode >= 500)) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        else if (res.statusCode >= 400) {
          const b = res.json() as { error?: { code?: unknown; message?: unknown } };
          if (typeof b.error?.code !== 'string' || typeof b.error?.message !== 'string' || b.error.message.length === 0) failures.push(`${where}: no clear error body`);
        }
      };

      for (const route of t.app.routeTable) {
        if (route.url === '/api/auth/logout' || (route.method === 'DELETE' && route.url === '/api/auth/break-glass')) continue;
        const op = spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
        if (!op) continue;
        const params = (op.parameters ?? []).filter((p) => p.in === 'path');
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        const urlWith = (values: Record<string, string>) => route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]!));
        const good: Record<string, string> = {};
        for (const p of params) good[p.name] = real(route.url, p.name) ?? String(sample(p.schema));
        const url = urlWith(good);
        // Path and query parameters: control characters are refused before the route's schema.
        for (const p of params) {
          await call({ route, url: urlWith({ ...good, [p.name]: `${good[p.name]}\u0000` }), label: `param ${p.name} NUL`, certainlyBad: true });
        }
        for (const q of query) {
          for (const [label, v] of [['NUL', '%00'], ['BEL', 'a%07'], ['C1', 'a%C2%85']] as const) {
            await call({ route, url: `${url}?${encodeURIComponent(q.name)}=${v}`, label: `query ${q.name} ${label}`, certainlyBad: true });
          }
        }
        const schema = op.requestBody?.content['application/json']?.schema;
        if (!schema || route.method === 'GET') continue;
        const base = sample(schema);
        for (const node of schemaNodes(schema)) {
          bodyPaths++;
          for (const m of mutationsAt(node.path, node.schema) as Mutation[]) {
            await call({ route, url, payload: setAt(base, m.path, m.value), label: `body ${m.path.join('.') || '(root)'} ${m.label}`, certainlyBad: m.certainlyBad });
          }
        }
      }
      const summary = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(' ');
      ctx.diagnostic(`${dialect}: ${sentCount} requests over ${bodyPaths} body schema paths; statuses ${summary}`);
      assert.deepEqual(failures, []);
      assert.ok(sentCount > 3000, `only ${sentCount} requests`);
      assert.deepEqual(await snapshot(), before, 'nothing was written');
    });

    test('an oversized body is refused with 413 before it is read', async () => {
      const r = await as(t, admin, { method: 'POST', url: '/api/patients', payload: JSON.stringify({ notes: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
      assert.equal(r.statusCode, 413);
      assert.equal(r.json().error.code, 'payload_too_large');
    });
  });
}
