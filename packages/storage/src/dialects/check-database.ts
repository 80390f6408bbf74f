import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import type { DbHandle } from '../create-db.ts';
import type { DialectName } from '../dialect.ts';
import type { Database } from '../schema.ts';

/**
 * `quick`: SQLite `quick_check` (every page and record, not index contents); PostgreSQL amcheck
 * without the heap-all-indexed pass. `full`: SQLite `integrity_check` and `foreign_key_check`;
 * PostgreSQL amcheck with every index checked against its table.
 */
export type CheckLevel = 'quick' | 'full';

export interface DatabaseCheck {
  readonly ok: boolean;
  readonly dialect: DialectName;
  /** What ran, e.g. `integrity_check, foreign_key_check` or `amcheck (bt_index_check, verify_heapam)`. */
  readonly method: string;
  /** Why the stronger method did not run (PostgreSQL without amcheck), or null. */
  readonly note: string | null;
  /** At most 100 findings; they name pages, tables and indexes, never row contents. */
  readonly problems: ReadonlyArray<string>;
}

/** Checks the database file (SQLite) or cluster pages (PostgreSQL) for damage. Never throws for damage found. */
export async function checkDatabase(h: Pick<DbHandle, 'db' | 'dialect' | 'location'>, level: CheckLevel): Promise<DatabaseCheck> {
  if (h.dialect === 'sqlite') return checkSqliteFile(h.location, level);
  return checkPostgres(h.db, level);
}

/** The SQLite checks on a file, in a worker thread (they read every page). Works on a file no one has opened yet. */
export async function checkSqliteFile(path: string, level: CheckLevel): Promise<DatabaseCheck> {
  const { problems, foreignKeys } = await new Promise<{ problems: string[]; foreignKeys: string[] }>((resolve, reject) => {
    const w = new Worker(new URL('./sqlite-check-worker.mjs', import.meta.url), { workerData: { path, level } });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`the SQLite check stopped (exit ${code})`)));
  });
  const all = [...problems, ...foreignKeys];
  return {
    ok: all.length === 0,
    dialect: 'sqlite',
    method: level === 'full' ? 'integrity_check, foreign_key_check' : 'quick_check',
    note: level === 'full' && problems.length ? 'foreign_key_check skipped: the file failed integrity_check' : null,
    problems: all.slice(0, 100),
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function checkPostgres(db: Kysely<Database>, level: CheckLevel): Promise<DatabaseCheck> {
  const problems: string[] = [];
  let note: string | null = null;
  const installed = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'amcheck'`.execute(db);
  let amcheck = installed.rows[0]!.n > 0;
  if (!amcheck) {
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(db);
      amcheck = true;
    } catch (e) {
      note = `amcheck is not available (${messageOf(e)}); ask the database administrator to run CREATE EXTENSION amcheck in this database`;
    }
  }
  const tables = await sql<{ oid: number; name: string }>`
    SELECT c.oid::int AS oid, c.relname AS name FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' ORDER BY c.relname`.execute(db);
  const indexes = await sql<{ oid: number; name: string; valid: boolean }>`
    SELECT c.oid::int AS oid, c.relname AS name, i.indisvalid AS valid FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
    WHERE c.relnamespace = current_schema()::regnamespace AND a.amname = 'btree' ORDER BY c.relname`.execute(db);
  // The catalog part runs either way: an index left invalid, a constraint never validated.
  for (const i of indexes.rows) if (!i.valid) problems.push(`index ${i.name} is marked invalid`);
  const unvalidated = await sql<{ name: string; tbl: string }>`
    SELECT con.conname AS name, c.relname AS tbl FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND NOT con.convalidated`.execute(db);
  for (const u of unvalidated.rows) problems.push(`constraint ${u.name} on ${u.tbl} is not validated`);
  if (amcheck) {
    for (const i of indexes.rows.filter((x) => x.valid)) {
      try {
        await sql`SELECT bt_index_check(${i.oid}::regclass, ${level === 'full'})`.execute(db);
      } catch (e) {
        problems.push(`index ${i.name}: ${messageOf(e)}`);
      }
    }
    const heap = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'verify_heapam'`.execute(db);
    if (heap.rows[0]!.n === 0) note = 'verify_heapam needs PostgreSQL 14 or newer: tables were not checked page by page';
    for (const t of heap.rows[0]!.n ? tables.rows : []) {
      try {
        const r = await sql<{ blkno: number; msg: string }>`SELECT blkno::int AS blkno, msg FROM verify_heapam(${t.oid}::regclass) LIMIT 5`.execute(db);
        for (const row of r.rows) problems.push(`table ${t.name}, block ${row.blkno}: ${row.msg}`);
      } catch (e) {
        problems.push(`table ${t.name}: ${messageOf(e)}`);
      }
    }
  } else {
    // Without amcheck: read every table in full, which makes the server verify each page it reads
    // (page headers, and checksums when the cluster has them).
    for (const t of tables.rows) {
      try {
        await sql`SELECT count(*) FROM ${sql.id(t.name)}`.execute(db);
      } catch (e) {
        problems.push(`table ${t.name}: ${messageOf(e)}`);
      }
    }
  }
  return {
    ok: problems.length === 0,
    dialect: 'postgres',
    method: amcheck ? `amcheck (bt_index_check${level === 'full' ? ' with heapallindexed' : ''}, verify_heapam) and catalog check` : 'catalog check and a full read of every table',
    note,
    problems: problems.slice(0, 100),
  };
}
