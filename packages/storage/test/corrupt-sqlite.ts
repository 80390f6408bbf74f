import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Overwrites two pages of `table` in a SQLite file with random bytes, as a failing disk would
 * (never page 1, the header). Moves the WAL into the file first so the damage is what is read.
 * The file must not be open elsewhere. Returns the page numbers.
 */
export function corruptSqlitePages(path: string, table: string): number[] {
  const raw = new Database(path);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = Number(raw.pragma('page_size', { simple: true }));
  const pages = (raw.prepare('SELECT pageno FROM dbstat WHERE name = ? AND pageno > 1 ORDER BY pageno').all(table) as Array<{ pageno: number }>).map((r) => r.pageno);
  raw.close();
  if (pages.length < 2) throw new Error(`${table} has ${pages.length} page(s); add rows first`);
  const chosen = [pages[0]!, pages[Math.floor(pages.length / 2)]!].filter((p, i, a) => a.indexOf(p) === i);
  const fd = openSync(path, 'r+');
  try {
    for (const p of chosen) writeSync(fd, randomBytes(pageSize), 0, pageSize, (p - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return chosen;
}
