import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * Product lots of a program (exosome preparations …) with their certificate of analysis: the record
 * as JSON and the certificate file itself (PDF / PNG / JPEG, at most 5 MB, kept as base64 text so
 * both databases store it the same way), its type, size and SHA-256.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('program_product_lots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('lot_key', 'text', (c) => c.notNull())
    .addColumn('record_json', 'text', (c) => c.notNull())
    .addColumn('certificate_base64', 'text')
    .addColumn('certificate_media_type', 'text')
    .addColumn('certificate_size', 'integer')
    .addColumn('certificate_sha256', 'text')
    .addColumn('certificate_file_name', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_product_lots_lot_uq', ['clinic_id', 'program_id', 'lot_key'])
    .execute();
}

export const programs0002ProductLots: Migration = { id: 'programs-0002-product-lots', up };
