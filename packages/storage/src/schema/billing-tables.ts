/** Tables of self-pay billing (docs/billing.md). Money is integer yen, tax-inclusive. */
export interface BillingPriceItemTable {
  id: string;
  clinic_id: string;
  code: string;
  name_ja: string;
  name_en: string;
  price_yen: number;
  tax_category: string;
  /** `YYYY-MM-DD` (clinic date) from which this version applies. */
  effective_from: string;
  /** The event that charges this item (`infusion_session`, `tms_session`, `screening_visit`, `document_<kind>`), or null. */
  event: string | null;
  /** For a course price: the program and its number of sessions. */
  program_id: string | null;
  sessions: number | null;
  /** `RefundPolicy` (core billing) of a course, JSON. */
  refund_policy_json: string | null;
  created_by: string | null;
  created_at: string;
}

export interface BillingChargeTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  item_code: string;
  name_ja: string;
  name_en: string;
  service_date: string;
  quantity: number;
  unit_price_yen: number;
  amount_yen: number;
  tax_category: string;
  /** `infusion_session` | `tms_session` | `screening_visit` | `program_course` | `document` | `manual` | `refund`. */
  source_type: string;
  source_id: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

export interface BillingPaymentTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  amount_yen: number;
  method: string;
  paid_at: string;
  paid_date: string;
  received_by: string;
}

export interface BillingPaymentChargeTable {
  charge_id: string;
  payment_id: string;
  clinic_id: string;
}

export interface BillingRefundTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  payment_id: string;
  charge_id: string;
  amount_yen: number;
  method: string;
  reason: string;
  proposal_json: string | null;
  requested_by: string;
  requested_at: string;
}

export interface BillingRefundDecisionTable {
  refund_id: string;
  clinic_id: string;
  decision: string;
  decided_by: string;
  decided_at: string;
  decided_date: string;
  note: string | null;
}

export interface BillingStatementTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  kind: string;
  year: number;
  seq: number;
  number: string;
  payment_id: string | null;
  refund_id: string | null;
  replaces_id: string | null;
  issue_date: string;
  issued_at: string;
  issued_by: string | null;
  /** The `StatementModel` (core billing) exactly as issued. */
  model_json: string;
}

export interface BillingStatementVoidTable {
  statement_id: string;
  clinic_id: string;
  reason: string;
  voided_by: string;
  voided_at: string;
  replaced_by: string | null;
}

export interface BillingStatementReissueTable {
  id: string;
  statement_id: string;
  clinic_id: string;
  reissued_by: string;
  reissued_at: string;
}

/** A document issued to a patient (文書発行), charged once from the price list (charge source `document`). */
export interface DocumentIssuedTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  /** `DocumentKind` (core billing). */
  kind: string;
  /** `YYYY-MM-DD` (clinic date). */
  issued_date: string;
  issued_by: string;
  note: string | null;
  created_at: string;
}

export interface BillingTables {
  documents_issued: DocumentIssuedTable;
  billing_price_items: BillingPriceItemTable;
  billing_charges: BillingChargeTable;
  billing_payments: BillingPaymentTable;
  billing_payment_charges: BillingPaymentChargeTable;
  billing_refunds: BillingRefundTable;
  billing_refund_decisions: BillingRefundDecisionTable;
  billing_statements: BillingStatementTable;
  billing_statement_voids: BillingStatementVoidTable;
  billing_statement_reissues: BillingStatementReissueTable;
}
