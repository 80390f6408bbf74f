import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { checkDatabase, checkSqliteFile, classifyStorageError, createDb, insertClinic, seedDemo, type Database } from '../src/index.ts';
import { corruptSqlitePages } from './corrupt-sqlite.ts';
import { createTestDb, testDialects, type TestDb } from './test-db.ts';

const NOW = new Date('2026-11-29T00:00:00Z');

for (const dialect of testDialects()) {
  describe(`database check and storage errors (${dialect})`, () => {
    let t: TestDb;
    before(async () => {
      t = await createTestDb(dialect);
      await t.db.transaction().execute((tx) => seedDemo(tx, { now: NOW, today: '2026-11-29', secrets: t.secrets }));
    });
    after(() => t.destroy());

    test('a sound database passes the quick and the full check, and says which check ran', async () => {
      for (const level of ['quick', 'full'] as const) {
        const r = await checkDatabase(t, level);
        assert.deepEqual(r.problems, []);
        assert.equal(r.ok, true);
        if (dialect === 'sqlite') assert.equal(r.method, level === 'quick' ? 'quick_check' : 'integrity_check, foreign_key_check');
        // The test cluster's user may create extensions: amcheck runs.
        else assert.match(r.method, /^amcheck \(bt_index_check.*verify_heapam\)/);
      }
    });

    test('a write the storage has no room for is classified disk_full; other errors are not storage failures', async () => {
      await insertClinic(t.db, { id: 'room', name: 'R', timeZone: 'Asia/Tokyo', now: NOW.toISOString() });
      const insert = () => insertClinic(t.db, { id: `full-${randomBytes(4).toString('hex')}`, name: 'x'.repeat(20_000), timeZone: 'Asia/Tokyo', now: NOW.toISOString() });
      if (dialect === 'sqlite') {
        // SQLite's own limit on the file's size gives the same SQLITE_FULL as a full filesystem.
        const pages = Number(t.sqliteRaw!.pragma('page_count', { simple: true }));
        t.sqliteRaw!.pragma(`max_page_count = ${pages}`);
        try {
          const err = await insert().then(() => null, (e: unknown) => e);
          assert.equal((err as { code?: string }).code, 'SQLITE_FULL');
          assert.equal(classifyStorageError(err), 'disk_full');
        } finally {
          t.sqliteRaw!.pragma('max_page_count = 4294967294');
        }
      } else {
        await sql`CREATE FUNCTION mm_t_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$`.execute(t.db);
        await sql`CREATE TRIGGER mm_t_full BEFORE INSERT ON clinics FOR EACH ROW EXECUTE FUNCTION mm_t_full()`.execute(t.db);
        try {
          const err = await insert().then(() => null, (e: unknown) => e);
          assert.equal((err as { code?: string }).code, '53100');
          assert.equal(classifyStorageError(err), 'disk_full');
        } finally {
          await sql`DROP TRIGGER mm_t_full ON clinics`.execute(t.db);
        }
        assert.equal(classifyStorageError({ code: 'XX001' }), 'corrupt');
      }
      const dup = await insertClinic(t.db, { id: 'room', name: 'R', timeZone: 'Asia/Tokyo', now: NOW.toISOString() }).then(() => null, (e: unknown) => e);
      assert.ok(dup);
      assert.equal(classifyStorageError(dup), null);
      assert.equal(classifyStorageError(new Error('x')), null);
      await insert(); // room again once the limit is gone
    });

    if (dialect === 'sqlite') {
      test('two damaged pages: quick_check and integrity_check both fail, a read of the table is classified corrupt', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'mm-corrupt-'));
        try {
          const path = join(dir, 'clinic.db');
          const h = await createDb({ sqlitePath: path });
          await h.db.transaction().execute((tx) => seedDemo(tx, { now: NOW, today: '2026-11-29', secrets: h.secrets }));
          await h.close();
          corruptSqlitePages(path, 'audit_log');
          for (const level of ['quick', 'full'] as const) {
            const r = await checkSqliteFile(path, level);
            assert.equal(r.ok, false);
            assert.ok(r.problems.length > 0);
          }
          const h2 = await createDb({ sqlitePath: path, migrate: false });
          try {
            const err = await h2.db.selectFrom('audit_log').selectAll().execute().then(() => null, (e: unknown) => e);
            assert.equal(classifyStorageError(err), 'corrupt');
          } finally {
            await h2.close();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    } else {
      test('without the right to create amcheck, the check falls back to the catalog and a full read, and says so', async () => {
        const role = `mm_t_ro_${randomBytes(4).toString('hex')}`;
        await sql.raw(`CREATE ROLE ${role} LOGIN PASSWORD 'pw'`).execute(t.db);
        await sql.raw(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`).execute(t.db);
        const url = new URL(t.url!);
        url.username = role;
        url.password = 'pw';
        const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }) });
        try {
          // A fresh database of this test: amcheck was created in it by the test above; drop it for this role's view.
          await sql`DROP EXTENSION IF EXISTS amcheck`.execute(t.db);
          const r = await checkDatabase({ db, dialect: 'postgres', location: 'x' }, 'full');
          assert.equal(r.ok, true, r.problems.join('\n'));
          assert.equal(r.method, 'catalog check and a full read of every table');
          assert.match(r.note ?? '', /amcheck is not available/);
        } finally {
          await db.destroy();
          await sql.raw(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`).execute(t.db);
          await sql.raw(`DROP ROLE ${role}`).execute(t.db);
        }
      });
    }
  });
}
