import type { Migration } from '../migration.ts';
import { intake0001 } from './intake-0001-tables.ts';

/** Migrations of the intake feature, ids 'intake-NNNN-…'. Append only. */
export const intakeMigrations: ReadonlyArray<Migration> = [intake0001];
