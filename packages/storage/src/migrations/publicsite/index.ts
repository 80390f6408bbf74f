import type { Migration } from '../migration.ts';
import { publicsite0001 } from './publicsite-0001-pages.ts';

/** Migrations of the public site feature, ids 'publicsite-NNNN-…'. Append only. */
export const publicsiteMigrations: ReadonlyArray<Migration> = [publicsite0001];
