import type { Migration } from '../migration.ts';

/** Migrations of the intake feature, ids 'intake-NNNN-…'. Append only. */
export const intakeMigrations: ReadonlyArray<Migration> = [];
