import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/** The clinic's own lab analytes (beside the built-in panel) and co-interventions of a patient. */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lab_analytes')
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('analyte_id', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lab_analytes_pk', ['clinic_id', 'analyte_id'])
    .execute();

  await db.schema
    .createTable('co_interventions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('co_interventions_patient_idx').on('co_interventions').columns(['clinic_id', 'patient_id']).execute();
}

export const clinicalRecords0001: Migration = { id: 'clinical-records-0001-analytes-co-interventions', up };
