// One server for the reservations benchmark, in its own process: `mimamori` (the real app on a
// fresh SQLite file, seeded with bookings) or `bare` (Fastify + better-sqlite3, one query).
// Prints one JSON line with the port (and, for mimamori, a staff session) when ready.
// BENCH_DATABASE_URL (an empty PostgreSQL database) runs the app on PostgreSQL instead, seeded the
// same way; BENCH_MOVING_CLOCK=1 lets the app's clock run from NOW (cached answers then expire as
// in production; with the fixed clock an answer stays cached until the next booking).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { expandAvailability } from '@mimamori/core/scheduling/compact-availability';
import { addStaffUser, createDb, insertClinic, insertSession, newId, newToken, seedSchedulingConfig, tokenId } from '@mimamori/storage';
import { createApp } from '../../packages/server/src/app.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { SESSION_COOKIE } from '../../packages/server/src/auth/session-cookie.ts';

const kind = process.argv[2] ?? 'mimamori';
const dir = mkdtempSync(join(tmpdir(), 'mm-bench-'));
const NOW = new Date('2026-12-01T01:00:00.000Z');

if (kind === 'bare') {
  const db = new Database(join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE slots (id INTEGER PRIMARY KEY, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, resource TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO slots (start_ms, end_ms, resource) VALUES (?, ?, ?)');
  db.transaction(() => { for (let i = 0; i < 1000; i++) ins.run(NOW.getTime() + i * 900_000, NOW.getTime() + i * 900_000 + 900_000, i % 2 ? 'dr-mori' : 'dr-okada'); })();
  const sel = db.prepare('SELECT id, start_ms, end_ms, resource FROM slots WHERE start_ms >= ? ORDER BY start_ms LIMIT 100');
  const app = Fastify();
  app.get('/bare', async () => ({ slots: sel.all(NOW.getTime()) }));
  app.post('/bare', async (req) => {
    const b = req.body as { start: number };
    const r = ins.run(b.start, b.start + 600_000, 'ns-kato');
    return { id: Number(r.lastInsertRowid) };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ port: (app.server.address() as { port: number }).port })}\n`);
} else {
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const db = await createDb(pgUrl ? { databaseUrl: pgUrl, poolSize: Number(process.env.BENCH_POOL_SIZE) || undefined } : { sqlitePath: join(dir, 'bench.db') });
  const started = Date.now();
  // The per-address rate limit as in production unless the runner raises it (RATE_LIMIT_PER_MINUTE).
  const config = loadConfig({ RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE }, { publicUrl: 'http://127.0.0.1' });
  const clock = process.env.BENCH_MOVING_CLOCK ? () => new Date(NOW.getTime() + Date.now() - started) : () => new Date(NOW);
  const app = await createApp({ db, clock, config });
  const staff = await addStaffUser(db.db, { loginId: 'bench.reception', displayName: 'bench', role: 'reception', now: NOW, secrets: db.secrets, clinicName: 'ベンチクリニック' });
  await seedSchedulingConfig(db.db, { clinicId: staff.clinicId, now: NOW.toISOString() });
  void insertClinic;
  const token = newToken();
  const csrf = newToken();
  await insertSession(db.db, {
    id: tokenId(token), kind: 'staff', staff_id: staff.staffId, clinic_id: staff.clinicId, csrf_token: csrf, created_at: NOW.toISOString(), last_seen_at: NOW.toISOString(),
    expires_at: new Date(NOW.getTime() + 12 * 3600_000).toISOString(), ended_at: null, end_reason: null, ip: null, user_agent: null,
  });
  const cookie = `${SESSION_COOKIE}=${token}`;
  const headers = { cookie, 'x-csrf-token': csrf };
  const patients: string[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await app.inject({ method: 'POST', url: '/api/patients', headers, payload: { nameKanji: `患者 ${i}`, nameKana: 'ベンチ カンジャ', birthDate: '1980-01-01', sex: 'female', acknowledgeDuplicates: true } });
    patients.push(r.json().patient.id);
  }
  // About a third of Dr 森's 再診 slots over three months are taken, as in a busy clinic.
  const avail = await app.inject({ url: '/api/scheduling/availability?serviceId=saishin&from=2026-12-02&to=2027-02-28&resourceId=dr-mori', headers });
  const slots = expandAvailability(avail.json()).filter((_, i) => i % 3 === 0).slice(0, 450);
  let booked = 0;
  for (const [i, s] of slots.entries()) {
    const r = await app.inject({ method: 'POST', url: '/api/appointments', headers, payload: { patientId: patients[i % patients.length], serviceId: 'saishin', start: s.start, resourceIds: ['dr-mori'] } });
    if (r.statusCode === 201) booked++;
  }
  // Three years of history: the 450 bookings copied 12 times, each 13 weeks further back, as
  // completed visits (5,400 rows the range query must not read).
  const cols = (await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'appointments'`.execute(db.db).catch(() => null))?.rows.map((c) => c.name)
    ?? (db.sqliteRaw!.pragma('table_info(appointments)') as Array<{ name: string }>).map((c) => c.name);
  const back = pgUrl ? 'k.n::bigint * 91 * 86400000' : 'k.n * 91 * 86400000';
  const shifted: Record<string, string> = {
    id: "a.id || '-h' || k.n", start_ms: `a.start_ms - ${back}`, end_ms: `a.end_ms - ${back}`, status: "'completed'",
    idempotency_key: 'NULL', request_hash: 'NULL', series_id: 'NULL', hold_expires_at: 'NULL',
  };
  const inserted = await sql.raw(`WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 12)
    INSERT INTO appointments (${cols.join(', ')}) SELECT ${cols.map((c) => shifted[c] ?? `a.${c}`).join(', ')} FROM appointments a, k`).execute(db.db);
  const history = { changes: Number(inserted.numAffectedRows ?? 0) };
  if (pgUrl) await sql`ANALYZE`.execute(db.db);
  // Free 再診 times of Dr 岡田 (the cached answer covers both doctors, so booking one changes it).
  const okada = await app.inject({ url: '/api/scheduling/availability?serviceId=saishin&from=2026-12-02&to=2027-02-28&resourceId=dr-okada', headers });
  // Free 採血 slots (nurses) for the booking run: every request books a different one.
  const draws = await app.inject({ url: '/api/scheduling/availability?serviceId=blood-draw&from=2026-12-02&to=2027-11-30', headers });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({
    port: (app.server.address() as { port: number }).port, cookie, csrf, patients, booked, history: history.changes,
    saishinStarts: expandAvailability(okada.json()).map((s) => s.start),
    drawStarts: expandAvailability(draws.json()).map((s) => s.start),
  })}\n`);
}

// Exit normally on a signal, so `node --cpu-prof` can write its profile.
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(0));
