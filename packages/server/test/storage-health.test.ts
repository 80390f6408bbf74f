import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { addStaffUser, createDb, insertClinic, insertSession, newId, newToken, seedDemo, tokenId, type DbHandle } from '@mimamori/storage';
import { SESSION_COOKIE } from '../src/auth/session-cookie.ts';
import { corruptSqlitePages } from '../../storage/test/corrupt-sqlite.ts';
import { testDialects } from '../../storage/test/test-db.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createStorageHealth, type StorageHealth } from '../src/services/storage-health.ts';
import { adultInput, as, createTestApp, fakeClock, signedIn, type TestApp } from './test-app.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The Mimamori app on a database handle of the test's own (a file where the test wants it). */
async function appOn(db: DbHandle, storageHealth?: StorageHealth, configOver: Parameters<typeof loadConfig>[1] = {}): Promise<TestApp> {
  const clock = fakeClock();
  const config = loadConfig({}, { publicUrl: 'http://localhost:3000', ...configOver });
  const app = await createApp({ db, clock: clock.fn, config, storageHealth });
  await app.ready();
  const clinicId = newId();
  await insertClinic(db.db, { id: clinicId, name: 'テストクリニック', timeZone: 'Asia/Tokyo', now: clock.now.toISOString() });
  const destroy = async () => {
    await app.close();
    await db.close();
  };
  return { app, db: { ...db, destroy }, clock, config, clinicId, destroy };
}

const patientCount = async (t: TestApp) => Number((await t.db.db.selectFrom('patients').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

for (const dialect of testDialects()) {
  describe(`a full disk is a clear 503, and health says so (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { diskWarnFreeBytes: 0 });
    });
    after(() => t.destroy());

    test('a registration the database has no room for: 503 disk_full in the user\'s language, nothing saved, health degraded; then it works again', async () => {
      const rec = await signedIn(t, 'reception');
      assert.equal((await t.app.inject({ url: '/api/health' })).json().status, 'ok');
      // The storage refuses the write: SQLite with its own size limit (the same SQLITE_FULL as a
      // full filesystem), PostgreSQL with the server's own disk_full error raised at the insert.
      if (dialect === 'sqlite') t.db.sqliteRaw!.pragma(`max_page_count = ${Number(t.db.sqliteRaw!.pragma('page_count', { simple: true }))}`);
      else {
        await sql`CREATE FUNCTION mm_t_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`.execute(t.db.db);
        await sql`CREATE TRIGGER mm_t_full BEFORE INSERT ON patients FOR EACH ROW EXECUTE FUNCTION mm_t_full()`.execute(t.db.db);
      }
      const big = adultInput({ nameKanji: '容量 不足', nameKana: 'ヨウリョウ フソク', acknowledgeDuplicates: true });
      // SQLite may still find room in a free page for the first few; register until the storage refuses.
      let ja = await as(t, rec, { method: 'POST', url: '/api/patients', payload: big });
      let before = await patientCount(t);
      for (let i = 0; i < 200 && ja.statusCode === 201; i++) {
        before = await patientCount(t);
        ja = await as(t, rec, { method: 'POST', url: '/api/patients', payload: big });
      }
      assert.equal(ja.statusCode, 503, ja.body);
      assert.equal(ja.json().error.code, 'disk_full');
      assert.match(ja.json().error.message, /ディスクがいっぱい.*何も保存されていません/);
      assert.equal(await patientCount(t), before, 'nothing of the refused request was saved');
      const en = await as(t, rec, { method: 'POST', url: '/api/patients', payload: big, headers: { 'accept-language': 'en' } });
      assert.equal(en.statusCode, 503);
      assert.equal(en.json().error.message, "The server's disk is full: nothing was saved. Please tell the administrator.");
      const health = (await t.app.inject({ url: '/api/health' })).json();
      assert.equal(health.status, 'degraded');
      assert.deepEqual(health.storage.problems, ['disk_full']);
      assert.equal(health.storage.disk.lastFullAt, t.clock.now.toISOString());
      // Space again: writes resume; the report of the refusal lapses after 10 minutes.
      if (dialect === 'sqlite') t.db.sqliteRaw!.pragma('max_page_count = 4294967294');
      else await sql`DROP TRIGGER mm_t_full ON patients`.execute(t.db.db);
      const ok = await as(t, rec, { method: 'POST', url: '/api/patients', payload: big });
      assert.equal(ok.statusCode, 201, ok.body);
      t.clock.advance(10 * 60_000 + 1);
      assert.equal((await t.app.inject({ url: '/api/health' })).json().status, 'ok');
    });
  });
}

if (testDialects().includes('sqlite')) {
  describe('a damaged SQLite file (two pages overwritten with random bytes)', () => {
    let dir: string;
    let path: string;
    let cookie: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'mm-damaged-'));
      path = join(dir, 'clinic.db');
      const h = await createDb({ sqlitePath: path });
      const now = fakeClock().now;
      await h.db.transaction().execute((tx) => seedDemo(tx, { now: new Date('2026-11-29T00:00:00Z'), today: '2026-11-29', secrets: h.secrets }));
      // An administrator signed in before the disk failed.
      const admin = await addStaffUser(h.db, { loginId: 'admin.damaged', displayName: 'admin', role: 'admin', now, secrets: h.secrets });
      const token = newToken();
      await insertSession(h.db, {
        id: tokenId(token), kind: 'staff', staff_id: admin.staffId, clinic_id: admin.clinicId, csrf_token: newToken(), created_at: now.toISOString(), last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + 3600_000).toISOString(), ended_at: null, end_reason: null, ip: null, user_agent: null,
      });
      cookie = `${SESSION_COOKIE}=${token}`;
      await h.close();
      corruptSqlitePages(path, 'audit_log');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('the server refuses to start, saying what is wrong and how to recover', () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/main.ts')], {
        cwd: root,
        env: { ...process.env, MIMAMORI_DB: path, MIMAMORI_KEY_FILE: join(dir, 'clinic.key'), PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(r.status, 1, r.stderr + r.stdout);
      assert.match(r.stderr, /Mimamori does not start: the database file .* is damaged \(quick_check\)/);
      assert.match(r.stderr, /npx mimamori db restore <backup file>/);
      assert.doesNotMatch(r.stdout, /Mimamori 0\.1\.0 on/);
    });

    test('a server already running finds it: the periodic check and a query on a damaged page make health degraded; the page read answers 503', async () => {
      const db = await createDb({ sqlitePath: path, migrate: false });
      const clock = fakeClock();
      const storage = createStorageHealth({ db, clock: clock.fn, warnBelowBytes: 0, intervalMs: 60_000 });
      const app = await createApp({ db, clock: clock.fn, config: loadConfig({}, { publicUrl: 'http://localhost:3000' }), storageHealth: storage });
      try {
        const before = (await app.inject({ url: '/api/health' })).json();
        assert.equal(before.status, 'ok');
        assert.equal(before.storage.integrity.status, 'unchecked');
        const found: string[] = [];
        const watched = createStorageHealth({ db, clock: clock.fn, warnBelowBytes: 0, intervalMs: 60_000, onProblem: (p) => found.push(p) });
        const r = await watched.check();
        assert.equal(r.ok, false);
        assert.deepEqual(found, ['database_corrupt']);
        // The server's own monitor, through a request that reads the damaged table.
        const read = await app.inject({ url: '/api/audit?limit=500', headers: { cookie } });
        assert.equal(read.statusCode, 503, read.body);
        assert.equal(read.json().error.code, 'database_corrupt');
        const health = (await app.inject({ url: '/api/health' })).json();
        assert.equal(health.status, 'degraded');
        assert.deepEqual(health.storage.problems, ['database_corrupt']);
        assert.equal(health.storage.integrity.status, 'corrupt');
      } finally {
        await app.close();
        await db.close();
      }
    });
  });

  // A real small filesystem: a tmpfs of a few megabytes, mounted for this test and unmounted after
  // (root only; elsewhere the test says why it did not run).
  describe('SQLite on a real, nearly full filesystem', () => {
    const mnt = mkdtempSync(join(tmpdir(), 'mm-tmpfs-'));
    const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', mnt]).status === 0;
    after(() => {
      if (mounted) spawnSync('umount', [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    });

    test('warns below the threshold, refuses with 503 when full, and writes again once space is freed', { skip: mounted ? false : 'needs root to mount a small tmpfs' }, async () => {
      mkdirSync(join(mnt, 'data'));
      const db = await createDb({ sqlitePath: join(mnt, 'data', 'clinic.db') });
      const clock = fakeClock();
      const logged: string[] = [];
      const warnBelowBytes = 2 * 2 ** 20;
      const storage = createStorageHealth({ db, clock: clock.fn, warnBelowBytes, intervalMs: 3_600_000, onProblem: (p, detail) => logged.push(`${p}: ${detail}`) });
      const t = await appOn(db, storage, { diskWarnFreeBytes: warnBelowBytes });
      try {
        const rec = await signedIn(t, 'reception');
        assert.equal((await t.app.inject({ url: '/api/health' })).json().status, 'ok');
        db.sqliteRaw!.pragma('wal_checkpoint(TRUNCATE)');
        // Leave 1 MB: below the warning threshold, still room to work.
        const free = () => (t.app.inject({ url: '/api/health' }).then((r) => r.json().storage.disk.freeBytes as number));
        writeFileSync(join(mnt, 'filler-1'), Buffer.alloc((await free()) - 2 ** 20));
        let h = (await t.app.inject({ url: '/api/health' })).json();
        assert.equal(h.status, 'degraded');
        assert.deepEqual(h.storage.problems, ['disk_space_low']);
        storage.start();
        await storage.stop();
        assert.ok(logged.some((l) => /^disk_space_low: \d+ MB free on the database's filesystem, below 2 MB$/.test(l)), logged.join('\n'));
        assert.equal((await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput() })).statusCode, 201);
        // Now fill it to the last byte.
        db.sqliteRaw!.pragma('wal_checkpoint(TRUNCATE)');
        writeFileSync(join(mnt, 'filler-2'), Buffer.alloc(await free()));
        const before = await patientCount(t);
        const r = await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '満杯 太郎', acknowledgeDuplicates: true }) });
        assert.equal(r.statusCode, 503, r.body);
        assert.equal(r.json().error.code, 'disk_full');
        assert.equal(await patientCount(t), before);
        h = (await t.app.inject({ url: '/api/health' })).json();
        assert.deepEqual(h.storage.problems, ['disk_full']);
        rmSync(join(mnt, 'filler-1'));
        rmSync(join(mnt, 'filler-2'));
        assert.equal((await as(t, rec, { method: 'POST', url: '/api/patients', payload: adultInput({ nameKanji: '満杯 太郎', acknowledgeDuplicates: true }) })).statusCode, 201);
        assert.equal(await patientCount(t), before + 1);
        h = (await t.app.inject({ url: '/api/health' })).json();
        assert.equal(h.status, 'ok');
      } finally {
        await t.destroy();
      }
    });
  });
}
