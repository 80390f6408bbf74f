import type { Kysely } from 'kysely';
import type { Migration } from '../migration.ts';

/**
 * Self-pay billing (docs/billing.md): the price list (a price change is a new row with its
 * effective-from date), charges (at most one per event: a unique index on the source, which both
 * engines apply to non-null sources only), payments and the charges each settles (a charge is paid
 * once), statements with a per-clinic-per-year sequence (unique, filled from a counter in the same
 * transaction, so without gaps), and the void, reissue and refund decisions — each a row of its own:
 * nothing is edited in place or deleted.
 */
async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('billing_price_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('price_yen', 'integer', (c) => c.notNull())
    .addColumn('tax_category', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('event', 'text')
    .addColumn('program_id', 'text')
    .addColumn('sessions', 'integer')
    .addColumn('refund_policy_json', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('billing_price_items_version_uq', ['clinic_id', 'code', 'effective_from'])
    .execute();

  await db.schema
    .createTable('billing_charges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_yen', 'integer', (c) => c.notNull())
    .addColumn('amount_yen', 'integer', (c) => c.notNull())
    .addColumn('tax_category', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One charge per event (a completed session, a screening visit, a course, a refund): NULL sources
  // (charges added by hand) are distinct on both engines.
  await db.schema.createIndex('billing_charges_source_uq').on('billing_charges').columns(['clinic_id', 'source_type', 'source_id']).unique().execute();
  await db.schema.createIndex('billing_charges_patient_idx').on('billing_charges').columns(['clinic_id', 'patient_id', 'service_date']).execute();

  await db.schema
    .createTable('billing_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('amount_yen', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('paid_date', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('billing_payments_date_idx').on('billing_payments').columns(['clinic_id', 'paid_date']).execute();
  await db.schema.createIndex('billing_payments_patient_idx').on('billing_payments').columns(['clinic_id', 'patient_id']).execute();

  await db.schema
    .createTable('billing_payment_charges')
    .addColumn('charge_id', 'text', (c) => c.primaryKey().references('billing_charges.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull().references('billing_payments.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('billing_payment_charges_payment_idx').on('billing_payment_charges').columns(['payment_id']).execute();

  await db.schema
    .createTable('billing_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull().references('billing_payments.id'))
    .addColumn('charge_id', 'text', (c) => c.notNull().references('billing_charges.id'))
    .addColumn('amount_yen', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposal_json', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('billing_refund_decisions')
    .addColumn('refund_id', 'text', (c) => c.primaryKey().references('billing_refunds.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('billing_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.references('billing_payments.id'))
    .addColumn('refund_id', 'text', (c) => c.references('billing_refunds.id'))
    .addColumn('replaces_id', 'text')
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('model_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('billing_statements_number_uq', ['clinic_id', 'year', 'seq'])
    .execute();
  await db.schema.createIndex('billing_statements_patient_idx').on('billing_statements').columns(['clinic_id', 'patient_id']).execute();
  await db.schema
    .createTable('billing_statement_voids')
    .addColumn('statement_id', 'text', (c) => c.primaryKey().references('billing_statements.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('voided_by', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text', (c) => c.notNull())
    .addColumn('replaced_by', 'text')
    .execute();
  await db.schema
    .createTable('billing_statement_reissues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) => c.notNull().references('billing_statements.id'))
    .addColumn('clinic_id', 'text', (c) => c.notNull())
    .addColumn('reissued_by', 'text', (c) => c.notNull())
    .addColumn('reissued_at', 'text', (c) => c.notNull())
    .execute();
}

export const billing0001: Migration = { id: 'billing-0001-billing', up };
