import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDb } from '../src/create-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'mm-mode-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a new SQLite database and its WAL files are readable by their owner only', async () => {
  const sqlitePath = join(dir, 'private', 'clinic.db');
  const h = await createDb({ sqlitePath });
  await h.db.selectFrom('clinics').selectAll().execute();
  for (const f of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`]) assert.equal(statSync(f).mode & 0o077, 0, `${f} has no group/other access`);
  await h.close();
});
