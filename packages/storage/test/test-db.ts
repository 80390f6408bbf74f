import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type DbHandle } from '../src/create-db.ts';
import type { DialectName } from '../src/dialect.ts';

/**
 * The dialects this test run covers: `TEST_DIALECTS=sqlite,postgres` (default: sqlite, plus
 * postgres when TEST_DATABASE_URL is set). Suites loop over this list.
 */
export function testDialects(): DialectName[] {
  const env = process.env.TEST_DIALECTS;
  const list = env
    ? env.split(',').map((s) => s.trim()).filter(Boolean)
    : ['sqlite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];
  return list.filter((d): d is DialectName => d === 'sqlite' || d === 'postgres');
}

export interface TestDb extends DbHandle {
  /** For PostgreSQL, the URL of this test's own database. */
  readonly url?: string;
  /** Closes and removes the database. */
  readonly destroy: () => Promise<void>;
}

/** A fresh, migrated database of its own for one test or suite. */
export async function createTestDb(dialect: DialectName): Promise<TestDb> {
  if (dialect === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `mm_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
    const handle = await createDb({ databaseUrl: url, poolSize: 20 });
    return {
      ...handle,
      url,
      destroy: async () => {
        await handle.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mm-sqlite-'));
  const handle = await createDb({ sqlitePath: join(dir, 'test.db') });
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
