import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * A forward-only migration. `up` runs inside a transaction on both engines, so a failed migration
 * leaves the database as it was. Never edit a migration that has shipped: add a new one.
 */
export interface Migration {
  readonly id: string;
  // The schema changes as migrations run, so a migration sees an untyped database.
  readonly up: (db: Kysely<any>, dialect: DialectName) => Promise<void>;
}
