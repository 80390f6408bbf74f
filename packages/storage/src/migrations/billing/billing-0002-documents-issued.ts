import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * Documents the clinic issues to a self-pay patient (文書発行: 診断書, 意見書・証明書, …), each charged
 * once from the price list (the charge's source is the document: `document` + its id, under the
 * unique index on the charge's source). The id is chosen by the form that records it, so a form
 * sent twice records one document. Rows are never edited or deleted.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('documents_issued')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issued_date', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_issued_patient_idx').on('documents_issued').columns(['clinic_id', 'patient_id', 'issued_date']).execute();
}

export const billing0002: Migration = { id: 'billing-0002-documents-issued', up };
