import type { Migration } from '../migration.ts';
import { scales0001 } from './0001-scales.ts';

/** Migrations of the scales feature, ids 'scales-NNNN-…'. Append only. */
export const scalesMigrations: ReadonlyArray<Migration> = [scales0001];
