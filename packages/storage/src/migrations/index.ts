import type { Migration } from './migration.ts';
import { migration0001 } from './0001-foundation.ts';

/** Every migration, in order. Append only. */
export const migrations: ReadonlyArray<Migration> = [migration0001];
