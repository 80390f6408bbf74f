import type { Migration } from '../migration.ts';
import { admin0001 } from './admin-0001-reviews-and-backups.ts';

/** Migrations of the administration tools (break-glass review, backup record), ids 'admin-NNNN-…'. Append only. */
export const adminMigrations: ReadonlyArray<Migration> = [admin0001];
