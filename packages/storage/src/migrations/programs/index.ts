import type { Migration } from '../migration.ts';

/** Migrations of the programs feature, ids 'programs-NNNN-…'. Append only. */
export const programsMigrations: ReadonlyArray<Migration> = [];
