import { writeTransaction, type Db } from '@mimamori/storage';
import type { AppDeps } from '../context.ts';

/**
 * A write and its audit row in one transaction, run again from the start when the database gave
 * it up only to a concurrent transaction (storage's `writeTransaction`: serialization failure or
 * deadlock, up to three more tries). The one helper for service writes; scheduling wraps it
 * (`writeSchedulingTx`) to empty its caches after the commit.
 */
export function writeTx<T>(deps: AppDeps, fn: (tx: Db) => Promise<T>): Promise<T> {
  return writeTransaction(deps.db.db, fn);
}
