import type { Migration } from '../migration.ts';

/** Migrations of the scales feature, ids 'scales-NNNN-…'. Append only. */
export const scalesMigrations: ReadonlyArray<Migration> = [];
