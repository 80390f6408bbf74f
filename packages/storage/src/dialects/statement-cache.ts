import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The database as Kysely's SQLite driver sees it, with compiled statements kept for reuse.
 *
 * Kysely prepares every query afresh; on SQLite, preparing costs about ten times what running a
 * primary-key lookup does (the session check of every request is two of them). Statements are kept
 * per SQL text, least recently used dropped beyond `max`. A statement that is still being iterated
 * (a streamed query) is never handed out twice: such a call gets a fresh one. SQLite recompiles a
 * kept statement by itself after a schema change (migrations).
 *
 * A `rollback` with no transaction open does nothing: after SQLITE_FULL (and some other I/O
 * errors) SQLite has already rolled the transaction back by itself, and Kysely's rollback would
 * otherwise fail and hide the error that says why ("database or disk is full").
 */
const rolledBack: SqliteStatement = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
};

export function withStatementCache(raw: Database.Database, max = 500): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => {
      kept.clear();
      raw.close();
    },
    prepare(sql: string): SqliteStatement {
      if (sql === 'rollback' && !raw.inTransaction) return rolledBack;
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        // Most recently used last, so the first key is the one to drop.
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const stmt = raw.prepare(sql);
      if (hit) return stmt;
      kept.set(sql, stmt);
      if (kept.size > max) kept.delete(kept.keys().next().value!);
      return stmt;
    },
  };
}
