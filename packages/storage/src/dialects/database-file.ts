import type { DbHandle } from '../create-db.ts';

/**
 * The file the database lives in on this machine (SQLite), whose filesystem's free space matters;
 * null when the database is elsewhere (PostgreSQL) or in memory.
 */
export function databaseFile(h: Pick<DbHandle, 'dialect' | 'location'>): string | null {
  return h.dialect === 'sqlite' && h.location !== ':memory:' ? h.location : null;
}
