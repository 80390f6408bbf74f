import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** A database handle or a transaction: every repository function takes one as its first argument. */
export type Db = Kysely<Database> | Transaction<Database>;
