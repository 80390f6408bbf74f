import type { Migration } from '../migration.ts';
import { line0001 } from './line-0001-channel.ts';

/** Migrations of the LINE channel, ids 'line-NNNN-…'. Append only. */
export const lineMigrations: ReadonlyArray<Migration> = [line0001];
