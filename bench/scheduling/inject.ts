// What one request costs inside the app, without sockets: `node --import tsx bench/scheduling/inject.ts`.
// Run by hand, never by npm test. Same seeded app as the HTTP bench (bench/scheduling/server.ts
// prints its session), measured with Fastify's inject() one request at a time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addStaffUser, createDb, insertSession, newToken, seedSchedulingConfig, tokenId } from '@mimamori/storage';
import { createApp } from '../../packages/server/src/app.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { SESSION_COOKIE } from '../../packages/server/src/auth/session-cookie.ts';

const NOW = new Date('2026-12-01T01:00:00.000Z');
const db = await createDb({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'mm-bench-')), 'bench.db') });
const app = await createApp({ db, clock: () => new Date(NOW), config: loadConfig({ RATE_LIMIT_PER_MINUTE: '100000000' }, { publicUrl: 'http://127.0.0.1' }) });
const staff = await addStaffUser(db.db, { loginId: 'bench.reception', displayName: 'bench', role: 'reception', now: NOW, secrets: db.secrets, clinicName: 'ベンチクリニック' });
await seedSchedulingConfig(db.db, { clinicId: staff.clinicId, now: NOW.toISOString() });
const token = newToken();
await insertSession(db.db, {
  id: tokenId(token), kind: 'staff', staff_id: staff.staffId, clinic_id: staff.clinicId, csrf_token: newToken(), created_at: NOW.toISOString(), last_seen_at: NOW.toISOString(),
  expires_at: new Date(NOW.getTime() + 12 * 3600_000).toISOString(), ended_at: null, end_reason: null, ip: null, user_agent: null,
});
const headers = { cookie: `${SESSION_COOKIE}=${token}` };
const avail = '/api/scheduling/availability?serviceId=saishin&from=2026-12-01&to=2027-02-28';
const etag = (await app.inject({ url: avail, headers })).headers.etag as string;

async function time(name: string, run: () => Promise<unknown>, n = 3000): Promise<void> {
  for (let i = 0; i < 300; i++) await run();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await run();
  process.stdout.write(`| ${name} | ${(((performance.now() - t0) / n) * 1000).toFixed(0)} |\n`);
}
process.stdout.write('| request (inject, one at a time) | µs per request |\n|---|---:|\n');
await time('GET /api/health (no session)', () => app.inject({ url: '/api/health' }));
await time('GET /api/scheduling/days, one week (session, small answer)', () => app.inject({ url: '/api/scheduling/days?from=2026-12-01&to=2026-12-07', headers }));
await time('GET availability, 再診, 3 months, cached (17.6 kB)', () => app.inject({ url: avail, headers }));
await time('GET availability, same, If-None-Match → 304', () => app.inject({ url: avail, headers: { ...headers, 'if-none-match': etag } }));
await app.close();
