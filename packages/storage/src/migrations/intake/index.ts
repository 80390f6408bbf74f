import type { Migration } from '../migration.ts';
import { intake0001 } from './intake-0001-tables.ts';
import { intake0002 } from './intake-0002-respondent.ts';
import { intake0003 } from './intake-0003-screen-confirmation.ts';

/** Migrations of the intake feature, ids 'intake-NNNN-…'. Append only. */
export const intakeMigrations: ReadonlyArray<Migration> = [intake0001, intake0002, intake0003];
