import type { Migration } from '../migration.ts';

/** Migrations of the scheduling feature, ids 'scheduling-NNNN-…'. Append only. */
export const schedulingMigrations: ReadonlyArray<Migration> = [];
