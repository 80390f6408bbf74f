import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * The clinic's public pages (versioned: a save is a new row), each program's recruitment page
 * (versioned, with its publication state), and the applications sent from a recruitment page.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_content_versions')
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('site_content_versions_pk', ['clinic_id', 'version'])
    .execute();
  await db.schema
    .createTable('recruitment_page_versions')
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('recruitment_page_versions_pk', ['clinic_id', 'program_id', 'version'])
    .execute();
  await db.schema
    .createTable('recruitment_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('page_version', 'integer', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text')
    .addColumn('appointment_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('recruitment_applications_queue_idx').on('recruitment_applications').columns(['clinic_id', 'status', 'created_at']).execute();
}

export const publicsite0001: Migration = { id: 'publicsite-0001-pages', up };
