import type { Kysely } from 'kysely';
import type { Db } from '../repos/db.ts';
import type { Database } from '../schema.ts';
import { isRetryable } from './database-errors.ts';

/**
 * Runs `fn` in one transaction and commits it; when the database gave up on it only because of a
 * concurrent transaction ({@link isRetryable}: a serialization failure or a deadlock), runs it
 * again from the start, up to `retries` more times. `fn` must therefore keep its effects inside
 * the transaction.
 */
export async function writeTransaction<T>(db: Kysely<Database>, fn: (tx: Db) => Promise<T>, o: { readonly retries?: number } = {}): Promise<T> {
  const retries = o.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      if (attempt < retries && isRetryable(err)) continue;
      throw err;
    }
  }
}
