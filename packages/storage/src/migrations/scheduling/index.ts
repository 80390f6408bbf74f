import type { Migration } from '../migration.ts';
import { scheduling0001 } from './scheduling-0001-reservations.ts';

/** Migrations of the scheduling feature, ids 'scheduling-NNNN-…'. Append only. */
export const schedulingMigrations: ReadonlyArray<Migration> = [scheduling0001];
