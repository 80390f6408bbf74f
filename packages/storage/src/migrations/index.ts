import type { Migration } from './migration.ts';
import { migration0001 } from './0001-foundation.ts';
import { migration0002 } from './0002-shared-services.ts';
import { migration0003 } from './0003-break-glass.ts';
import { adminMigrations } from './admin/index.ts';
import { lineMigrations } from './line/index.ts';
import { billingMigrations } from './billing/index.ts';
import { intakeMigrations } from './intake/index.ts';
import { outcomeMigrations } from './outcome/index.ts';
import { programsMigrations } from './programs/index.ts';
import { publicsiteMigrations } from './publicsite/index.ts';
import { safetyMigrations } from './safety/index.ts';
import { scalesMigrations } from './scales/index.ts';
import { schedulingMigrations } from './scheduling/index.ts';
import { clinicalRecordsMigrations } from './clinical-records/index.ts';

/**
 * Every migration, applied in this order. The foundation first; each feature keeps its own list
 * (a feature's tables may reference the foundation's, and programs may reference scales and
 * scheduling, so that order is kept). Append only: a shipped migration is never edited.
 */
export const migrations: ReadonlyArray<Migration> = [
  migration0001,
  migration0002,
  ...scalesMigrations,
  ...schedulingMigrations,
  ...intakeMigrations,
  ...programsMigrations,
  migration0003,
  ...outcomeMigrations,
  ...safetyMigrations,
  ...lineMigrations,
  ...billingMigrations,
  ...publicsiteMigrations,
  ...adminMigrations,
  ...clinicalRecordsMigrations,
];
