import type { Migration } from '../migration.ts';
import { outcome0001 } from './outcome-0001-analysis-plans.ts';
import { outcome0002 } from './outcome-0002-data-cuts.ts';

/** Migrations of the outcome report, ids 'outcome-NNNN-…'. Append only. */
export const outcomeMigrations: ReadonlyArray<Migration> = [outcome0001, outcome0002];
