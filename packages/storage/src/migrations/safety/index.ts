import type { Migration } from '../migration.ts';
import { safety0001 } from './safety-0001-alert-events.ts';
import { safety0002 } from './safety-0002-on-call.ts';
import { safety0003 } from './safety-0003-crisis-audience.ts';

/** Migrations of the safety feature, ids 'safety-NNNN-…'. Append only. */
export const safetyMigrations: ReadonlyArray<Migration> = [safety0001, safety0002, safety0003];
