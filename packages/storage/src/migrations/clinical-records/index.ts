import type { Migration } from '../migration.ts';
import { clinicalRecords0001 } from './clinical-records-0001-analytes-co-interventions.ts';

/** Migrations of the clinical-records feature (lab catalogue, co-interventions), ids 'clinical-records-NNNN-…'. Append only. */
export const clinicalRecordsMigrations: ReadonlyArray<Migration> = [clinicalRecords0001];
