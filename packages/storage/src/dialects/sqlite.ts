import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as Schema } from '../schema.ts';
import { withStatementCache } from './statement-cache.ts';

export interface SqliteHandle {
  readonly db: Kysely<Schema>;
  readonly raw: Database.Database;
}

/**
 * Opens SQLite with the settings clinical data needs: WAL, synchronous=FULL (NORMAL can lose a
 * committed transaction on power loss), foreign keys on, and a busy timeout. Refuses to return a
 * connection on which any of them did not take.
 */
export function openSqlite(path: string): SqliteHandle {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // A new database file is readable by its owner only (要配慮個人情報); SQLite gives the WAL and
    // shared-memory files the same permissions as the database file.
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  }
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  assertSqliteSettings(raw, path === ':memory:');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, raw };
}

export function assertSqliteSettings(raw: Database.Database, inMemory: boolean): void {
  const journal = String(raw.pragma('journal_mode', { simple: true }));
  const sync = Number(raw.pragma('synchronous', { simple: true }));
  const fk = Number(raw.pragma('foreign_keys', { simple: true }));
  const busy = Number(raw.pragma('busy_timeout', { simple: true }));
  // An in-memory database cannot use WAL ("memory" journal); everything else must hold.
  if ((!inMemory && journal !== 'wal') || sync !== 2 || fk !== 1 || !(busy > 0)) {
    throw new Error(
      `SQLite self-check failed: journal_mode=${journal} synchronous=${sync} foreign_keys=${fk} busy_timeout=${busy}`,
    );
  }
}
