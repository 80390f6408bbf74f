// Runs SQLite's own consistency checks on a database file, off the main thread (a check reads
// every page; on the server it must not stop requests). Started by check-database.ts with
// workerData { path, level }; posts { problems, foreignKeys } back. Messages name pages, tables and
// indexes, never row contents.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, level } = workerData;
const problems = [];
const foreignKeys = [];
try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const rows = db.pragma(level === 'full' ? 'integrity_check(100)' : 'quick_check(100)');
    for (const r of rows) {
      const v = String(Object.values(r)[0]);
      if (v !== 'ok') problems.push(v);
    }
    if (level === 'full' && problems.length === 0) {
      const counts = new Map();
      for (const r of db.pragma('foreign_key_check')) {
        const k = `${r.table} → ${r.parent}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      for (const [k, n] of counts) foreignKeys.push(`${k}: ${n} row(s) refer to a missing row`);
    }
  } finally {
    db.close();
  }
} catch (e) {
  problems.push(e instanceof Error ? `${e.code ?? e.name}: ${e.message}` : String(e));
}
parentPort.postMessage({ problems, foreignKeys });
