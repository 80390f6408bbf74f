import type { Migration } from '../migration.ts';
import { scheduling0001 } from './scheduling-0001-reservations.ts';
import { scheduling0002 } from './scheduling-0002-move-needed.ts';

/** Migrations of the scheduling feature, ids 'scheduling-NNNN-…'. Append only. */
export const schedulingMigrations: ReadonlyArray<Migration> = [scheduling0001, scheduling0002];
