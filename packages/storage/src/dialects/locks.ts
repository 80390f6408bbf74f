import { sql } from 'kysely';
import type { Db } from '../repos/db.ts';
import { dialectOf } from './dialect-of.ts';

/**
 * Locks taken inside a write transaction and held until it ends. PostgreSQL runs transactions side
 * by side, so they lock what they are about to change; SQLite runs one writer at a time (and the
 * driver one transaction at a time per connection), so it needs none of them and they cost nothing there.
 */

/** A select whose rows stay locked until the transaction ends (PostgreSQL `FOR UPDATE`). */
export function forUpdate<Q extends { forUpdate(): Q }>(db: Db, query: Q): Q {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

/** Locks the rows a select finds, without reading them (PostgreSQL `FOR UPDATE`; SQLite: nothing to do). */
export async function lockRows(db: Db, query: { forUpdate(): { execute(): Promise<unknown> } }): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await query.forUpdate().execute();
}

/**
 * Makes transactions that name the same key take turns until the end of their transactions, for
 * things that have no row to lock yet. PostgreSQL: a transaction-scoped advisory lock on the key's hash.
 */
export async function lockKey(db: Db, key: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
}
