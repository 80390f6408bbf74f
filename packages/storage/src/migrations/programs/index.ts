import type { Migration } from '../migration.ts';
import { programs0001 } from './programs-0001-tables.ts';
import { programs0002ProductLots } from './programs-0002-product-lots.ts';
import { programs0003 } from './programs-0003-sae-reports.ts';

/** Migrations of the programs feature, ids 'programs-NNNN-…'. Append only. */
export const programsMigrations: ReadonlyArray<Migration> = [programs0001, programs0002ProductLots, programs0003];
