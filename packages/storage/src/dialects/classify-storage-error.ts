/**
 * What a database error says about the storage under it, on both engines:
 * - `disk_full`: the write found no space (SQLite `SQLITE_FULL`, PostgreSQL 53100 `disk_full`);
 *   nothing of the transaction was kept.
 * - `corrupt`: the file or a page is damaged (SQLite `SQLITE_CORRUPT*` / `SQLITE_NOTADB`,
 *   PostgreSQL XX001 `data_corrupted` / XX002 `index_corrupted`).
 * - null: anything else (constraint violations, serialization failures… are the callers' own).
 */
export type StorageErrorKind = 'disk_full' | 'corrupt';

export function classifyStorageError(err: unknown): StorageErrorKind | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === '53100') return 'disk_full';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'XX001' || code === 'XX002') return 'corrupt';
  return null;
}
