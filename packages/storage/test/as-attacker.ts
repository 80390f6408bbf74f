import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestDb } from './test-db.ts';

/**
 * Runs SQL the way someone with access to the database itself would, past the application: its own
 * connection to the SQLite file, or its own PostgreSQL session with the table owner's rights.
 */
export async function asAttacker(t: TestDb, statements: ReadonlyArray<string>): Promise<void> {
  if (t.dialect === 'postgres') {
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
    return;
  }
  const raw = new Database(t.location);
  try {
    for (const s of statements) raw.exec(s);
  } finally {
    raw.close();
  }
}

/** Statements that switch off the append-only triggers of `audit_log` (SQLite cannot disable one, only drop it). */
export function disableAuditTriggers(dialect: TestDb['dialect']): string[] {
  return dialect === 'postgres'
    ? ['ALTER TABLE audit_log DISABLE TRIGGER USER']
    : ['DROP TRIGGER IF EXISTS audit_log_no_update', 'DROP TRIGGER IF EXISTS audit_log_no_delete'];
}
