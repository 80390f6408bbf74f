import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, createSecretBox, loadOrCreateSecretKey, seedDemo } from '@mimamori/storage';
import { corruptSqlitePages } from '../../storage/test/corrupt-sqlite.ts';
import { createTestDb, testDialects, type TestDb } from '../../storage/test/test-db.ts';
import { main } from '../src/main.ts';

function cli(env: Record<string, string | undefined>, cwd: string) {
  return async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env, cwd });
    return { code, out, err };
  };
}

const NOW = new Date('2026-11-29T00:00:00Z');

for (const dialect of testDialects()) {
  describe(`mimamori db check (${dialect})`, () => {
    let t: TestDb;
    let dir: string;
    before(async () => {
      t = await createTestDb(dialect);
      dir = mkdtempSync(join(tmpdir(), 'mm-cli-check-'));
      await t.db.transaction().execute((tx) => seedDemo(tx, { now: NOW, today: '2026-11-29', secrets: t.secrets }));
    });
    after(async () => {
      await t.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a sound database: exit 0, "database OK", and the check that ran is named', async () => {
      const run = cli({ ...(dialect === 'postgres' ? { DATABASE_URL: t.url } : { MIMAMORI_DB: t.location }), MIMAMORI_KEY_FILE: join(dir, 'k.key') }, dir);
      const full = await run('db', 'check');
      assert.equal(full.code, 0, full.out + full.err);
      assert.match(full.out, dialect === 'sqlite' ? /^sqlite: integrity_check, foreign_key_check$/m : /^postgres: amcheck \(bt_index_check with heapallindexed, verify_heapam\) and catalog check$/m);
      assert.match(full.out, /database OK/);
      const quick = await run('db', 'check', '--quick');
      assert.equal(quick.code, 0, quick.out + quick.err);
      assert.match(quick.out, dialect === 'sqlite' ? /^sqlite: quick_check$/m : /^postgres: amcheck \(bt_index_check, verify_heapam\)/m);
    });
  });
}

if (testDialects().includes('sqlite')) {
  describe('a damaged SQLite file: db check, db backup, and the recovery the docs describe', () => {
    let dir: string;
    let path: string;
    let run: ReturnType<typeof cli>;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'mm-cli-damaged-'));
      path = join(dir, 'data', 'clinic.db');
      const keyFile = join(dir, 'data', 'clinic.key');
      const h = await createDb({ sqlitePath: path, keyFile });
      await h.db.transaction().execute((tx) => seedDemo(tx, { now: NOW, today: '2026-11-29', secrets: createSecretBox(loadOrCreateSecretKey(keyFile).key) }));
      await h.close();
      run = cli({ MIMAMORI_DB: path, MIMAMORI_KEY_FILE: keyFile }, dir);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('check fails, backup refuses and leaves no file; restoring the last good backup and checking again brings it back', async () => {
      const good = await run('db', 'backup', 'good.backup');
      assert.equal(good.code, 0, good.err);
      corruptSqlitePages(path, 'audit_log');

      const check = await run('db', 'check');
      assert.equal(check.code, 1);
      assert.match(check.out, /^sqlite: integrity_check, foreign_key_check$/m);
      assert.match(check.out, /database disk image is malformed/);
      assert.match(check.out, /DAMAGED: 1 problem\(s\)\. Restore the last good backup/);

      const backup = await run('db', 'backup', 'bad.backup');
      assert.equal(backup.code, 1);
      assert.match(backup.err, /the database is damaged \(quick_check: .*\); no backup was written/);
      assert.equal(existsSync(join(dir, 'bad.backup')), false);
      assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.part')), [], 'no plain copy left behind');

      // The recovery: restore the last good backup (server stopped), then verify.
      const restored = await run('db', 'restore', 'good.backup');
      assert.equal(restored.code, 0, restored.out + restored.err);
      assert.match(restored.out, /audit chain verified/);
      const again = await run('db', 'check');
      assert.equal(again.code, 0, again.out);
      assert.equal((await run('audit', 'verify')).code, 0);
      assert.equal((await run('db', 'backup', 'after.backup')).code, 0);
    });
  });
}
