import { PostgresAdapter, SqliteAdapter } from 'kysely';
import type { DialectName } from '../dialect.ts';
import type { Db } from '../repos/db.ts';

/**
 * The engine behind a database handle or a transaction, for the helpers in `dialects/` (nothing
 * outside `dialects/`, `create-db.ts` and migrations asks). Kysely keeps the adapter on the
 * executor, which transactions and plugin-wrapped handles share with the handle they came from.
 */
export function dialectOf(db: Db): DialectName {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`unsupported database adapter: ${adapter.constructor.name}`);
}
