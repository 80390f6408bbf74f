import type { Migration } from '../migration.ts';
import { line0001 } from './line-0001-channel.ts';
import { line0002 } from './line-0002-link-hardening.ts';

/** Migrations of the LINE channel, ids 'line-NNNN-…'. Append only. */
export const lineMigrations: ReadonlyArray<Migration> = [line0001, line0002];
