import type { Insertable, Selectable } from 'kysely';
import type {
  BillingChargeTable, BillingPaymentTable, BillingPriceItemTable, BillingRefundDecisionTable, BillingRefundTable, BillingStatementTable, DocumentIssuedTable,
} from '../../schema/billing-tables.ts';
import type { Db } from '../db.ts';

export type PriceItemRow = Selectable<BillingPriceItemTable>;
export type ChargeRow = Selectable<BillingChargeTable>;
export type PaymentRow = Selectable<BillingPaymentTable>;
export type RefundRow = Selectable<BillingRefundTable>;
export type RefundDecisionRow = Selectable<BillingRefundDecisionTable>;
export type StatementRow = Selectable<BillingStatementTable>;

/** Every version of every item of a clinic's price list, by code then date. */
export function listPriceItems(db: Db, clinicId: string): Promise<PriceItemRow[]> {
  return db.selectFrom('billing_price_items').selectAll().where('clinic_id', '=', clinicId).orderBy('code').orderBy('effective_from').execute();
}

export async function insertPriceItem(db: Db, row: Insertable<BillingPriceItemTable>): Promise<void> {
  await db.insertInto('billing_price_items').values(row).execute();
}

/**
 * Inserts a charge unless one exists for its source (the unique index on clinic, source type and
 * source id): true when inserted. Charges added by hand (no source) are always inserted. Written as
 * ON CONFLICT DO NOTHING so that a PostgreSQL transaction is not aborted by the duplicate.
 */
export async function insertChargeOnce(db: Db, row: Insertable<BillingChargeTable>): Promise<boolean> {
  const r = await db
    .insertInto('billing_charges')
    .values(row)
    .onConflict((oc) => oc.columns(['clinic_id', 'source_type', 'source_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Charges of a clinic (one patient's, or a date range's), oldest first, with the payment that settled each. */
export function listCharges(db: Db, o: { readonly clinicId: string; readonly patientId?: string; readonly ids?: ReadonlyArray<string>; readonly until?: string }) {
  let q = db
    .selectFrom('billing_charges as c')
    .leftJoin('billing_payment_charges as pc', 'pc.charge_id', 'c.id')
    .selectAll('c')
    .select('pc.payment_id')
    .where('c.clinic_id', '=', o.clinicId);
  if (o.patientId) q = q.where('c.patient_id', '=', o.patientId);
  if (o.ids) q = o.ids.length ? q.where('c.id', 'in', o.ids) : q.where('c.id', '=', '');
  if (o.until) q = q.where('c.service_date', '<=', o.until);
  return q.orderBy('c.service_date').orderBy('c.created_at').orderBy('c.id').execute();
}

export function findChargeBySource(db: Db, o: { readonly clinicId: string; readonly sourceType: string; readonly sourceId: string }) {
  return db.selectFrom('billing_charges').selectAll().where('clinic_id', '=', o.clinicId).where('source_type', '=', o.sourceType).where('source_id', '=', o.sourceId).executeTakeFirst();
}

/** Records a payment and the charges it settles; a charge already settled fails on its primary key. */
export async function insertPayment(db: Db, row: Insertable<BillingPaymentTable>, chargeIds: ReadonlyArray<string>): Promise<void> {
  await db.insertInto('billing_payments').values(row).execute();
  if (chargeIds.length) {
    await db.insertInto('billing_payment_charges').values(chargeIds.map((charge_id) => ({ charge_id, payment_id: row.id!, clinic_id: row.clinic_id }))).execute();
  }
}

export function listPayments(db: Db, o: { readonly clinicId: string; readonly patientId?: string; readonly until?: string }): Promise<PaymentRow[]> {
  let q = db.selectFrom('billing_payments').selectAll().where('clinic_id', '=', o.clinicId);
  if (o.patientId) q = q.where('patient_id', '=', o.patientId);
  if (o.until) q = q.where('paid_date', '<=', o.until);
  return q.orderBy('paid_at').execute();
}

export function getPayment(db: Db, clinicId: string, id: string) {
  return db.selectFrom('billing_payments').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/**
 * The next number of a clinic's statement sequence for a year, in the caller's transaction. The
 * counter row is created if missing (without failing when a concurrent transaction creates it
 * first), then incremented: the update holds the row until commit, so concurrent payments take
 * turns, and a rolled-back payment gives its number back — the sequence has no gaps.
 */
export async function nextStatementSeq(db: Db, o: { readonly clinicId: string; readonly name: string }): Promise<number> {
  await db.insertInto('counters').values({ clinic_id: o.clinicId, name: o.name, value: 0 }).onConflict((oc) => oc.columns(['clinic_id', 'name']).doNothing()).execute();
  const r = await db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('clinic_id', '=', o.clinicId)
    .where('name', '=', o.name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(r.value);
}

export async function insertStatement(db: Db, row: Insertable<BillingStatementTable>): Promise<void> {
  await db.insertInto('billing_statements').values(row).execute();
}

/** Statements with their void and their latest reissue, newest first. */
export function listStatements(db: Db, o: { readonly clinicId: string; readonly patientId?: string; readonly ids?: ReadonlyArray<string>; readonly paymentId?: string }) {
  let q = db
    .selectFrom('billing_statements as s')
    .leftJoin('billing_statement_voids as v', 'v.statement_id', 's.id')
    .selectAll('s')
    .select(['v.reason as void_reason', 'v.voided_at', 'v.voided_by', 'v.replaced_by'])
    .select((eb) => eb.selectFrom('billing_statement_reissues as r').select((e2) => e2.fn.max('r.reissued_at').as('m')).whereRef('r.statement_id', '=', 's.id').as('reissued_at'))
    .where('s.clinic_id', '=', o.clinicId);
  if (o.patientId) q = q.where('s.patient_id', '=', o.patientId);
  if (o.ids) q = o.ids.length ? q.where('s.id', 'in', o.ids) : q.where('s.id', '=', '');
  if (o.paymentId) q = q.where('s.payment_id', '=', o.paymentId);
  return q.orderBy('s.issued_at', 'desc').orderBy('s.seq', 'desc').execute();
}

/** Marks a statement void (once: the primary key refuses a second void). */
export async function insertStatementVoid(db: Db, row: { statement_id: string; clinic_id: string; reason: string; voided_by: string; voided_at: string; replaced_by: string | null }): Promise<void> {
  await db.insertInto('billing_statement_voids').values(row).execute();
}

export async function insertStatementReissue(db: Db, row: { id: string; statement_id: string; clinic_id: string; reissued_by: string; reissued_at: string }): Promise<void> {
  await db.insertInto('billing_statement_reissues').values(row).execute();
}

export async function insertRefund(db: Db, row: Insertable<BillingRefundTable>): Promise<void> {
  await db.insertInto('billing_refunds').values(row).execute();
}

/** Refunds with their decision (null while waiting), newest first. */
export function listRefunds(db: Db, o: { readonly clinicId: string; readonly patientId?: string; readonly id?: string }) {
  let q = db
    .selectFrom('billing_refunds as r')
    .leftJoin('billing_refund_decisions as d', 'd.refund_id', 'r.id')
    .selectAll('r')
    .select(['d.decision', 'd.decided_by', 'd.decided_at', 'd.decided_date', 'd.note'])
    .where('r.clinic_id', '=', o.clinicId);
  if (o.patientId) q = q.where('r.patient_id', '=', o.patientId);
  if (o.id) q = q.where('r.id', '=', o.id);
  return q.orderBy('r.requested_at', 'desc').execute();
}

/** Records the decision on a refund (once: the primary key refuses a second). */
export async function insertRefundDecision(db: Db, row: Insertable<BillingRefundDecisionTable>): Promise<void> {
  await db.insertInto('billing_refund_decisions').values(row).execute();
}

export type DocumentIssuedRow = Selectable<DocumentIssuedTable>;

/**
 * Records an issued document unless its id is taken (ON CONFLICT DO NOTHING, so a PostgreSQL
 * transaction is not aborted by a form sent twice): true when inserted.
 */
export async function insertDocumentOnce(db: Db, row: Insertable<DocumentIssuedTable>): Promise<boolean> {
  const r = await db.insertInto('documents_issued').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return r !== undefined;
}

export function getDocument(db: Db, clinicId: string, id: string): Promise<DocumentIssuedRow | undefined> {
  return db.selectFrom('documents_issued').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id).executeTakeFirst();
}

/** A patient's issued documents, newest first. */
export function listDocuments(db: Db, o: { readonly clinicId: string; readonly patientId: string }): Promise<DocumentIssuedRow[]> {
  return db.selectFrom('documents_issued').selectAll().where('clinic_id', '=', o.clinicId).where('patient_id', '=', o.patientId)
    .orderBy('issued_date', 'desc').orderBy('created_at', 'desc').execute();
}
