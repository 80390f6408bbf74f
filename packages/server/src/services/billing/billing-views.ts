// The JSON shapes of the billing API (named in `api-types.ts` for the web app). Plain types only:
// nothing here reads the request.
import type { DailyClosing, DocumentChargeEvent, DocumentKind, PaymentMethod, RefundPolicy, RefundProposal, StatementModel, TaxCategory } from '@mimamori/core/billing/index';

/** The events that create a charge by themselves. */
export type ChargeEvent = 'infusion_session' | 'tms_session' | 'screening_visit' | DocumentChargeEvent;

export interface PriceItemView {
  readonly id: string;
  readonly code: string;
  readonly name: { readonly ja: string; readonly en: string };
  readonly priceYen: number;
  readonly taxCategory: TaxCategory;
  readonly effectiveFrom: string;
  readonly event: ChargeEvent | null;
  readonly programId: string | null;
  readonly sessions: number | null;
  readonly refundPolicy: RefundPolicy | null;
}

export interface PriceListView {
  readonly today: string;
  readonly current: ReadonlyArray<PriceItemView>;
  readonly versions: ReadonlyArray<PriceItemView>;
}

export interface ChargeView {
  readonly id: string;
  readonly patientId: string;
  readonly code: string;
  readonly name: { readonly ja: string; readonly en: string };
  readonly date: string;
  readonly quantity: number;
  readonly unitPriceYen: number;
  readonly amountYen: number;
  readonly taxCategory: TaxCategory;
  readonly source: string;
  readonly reason: string | null;
  readonly paymentId: string | null;
}

/** A statement as staff and the patient see it: what was issued, and whether it was voided or reissued. */
export interface StatementView {
  readonly id: string;
  readonly patientId: string;
  readonly number: string;
  readonly kind: 'receipt' | 'refund';
  readonly issuedAt: string;
  readonly model: StatementModel;
  readonly voided: { readonly at: string; readonly reason: string; readonly replacedBy: string | null } | null;
  /** The last time it was printed again (再発行), or null. */
  readonly reissuedAt: string | null;
}

export interface RefundView {
  readonly id: string;
  readonly patientId: string;
  readonly paymentId: string;
  readonly chargeId: string;
  readonly amountYen: number;
  readonly method: PaymentMethod;
  readonly reason: string;
  readonly proposal: RefundProposal | null;
  readonly requestedAt: string;
  readonly decision: 'approved' | 'rejected' | null;
  readonly decidedAt: string | null;
  readonly note: string | null;
}

/** `GET /api/billing/patients/:id`. */
export interface PatientAccountView {
  readonly patient: { readonly id: string; readonly name: string; readonly nameKana: string; readonly patientNumber: string };
  readonly charges: ReadonlyArray<ChargeView>;
  readonly payments: ReadonlyArray<{ readonly id: string; readonly amountYen: number; readonly method: string; readonly paidAt: string; readonly paidDate: string; readonly receivedBy: string | null }>;
  readonly refunds: ReadonlyArray<RefundView & { readonly requestedByName: string | null; readonly decidedByName: string | null }>;
  readonly statements: ReadonlyArray<StatementView>;
  /** The patient's program enrolments that a course price can be charged to. */
  readonly enrolments: ReadonlyArray<{ readonly id: string; readonly programId: string }>;
  readonly balance: { readonly chargedYen: number; readonly paidYen: number; readonly refundedYen: number; readonly balanceYen: number };
}

/** `GET /api/billing/closing`. */
export type ClosingView = DailyClosing & {
  readonly payments: ReadonlyArray<{ readonly id: string; readonly patientNumber: string; readonly method: string; readonly amountYen: number; readonly paidAt: string; readonly receivedBy: string | null }>;
};

/** `GET /api/billing/refunds/pending`. */
export interface PendingRefundsView {
  readonly items: ReadonlyArray<RefundView & { readonly patient: { readonly id: string; readonly name_kanji: string; readonly patient_number: string } | null }>;
}

/** A document issued to a patient (文書発行) and its charge (`GET/POST /api/patients/:id/documents`). */
export interface DocumentView {
  readonly id: string;
  readonly patientId: string;
  readonly kind: DocumentKind;
  readonly issuedDate: string;
  readonly issuedByName: string | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly charge: { readonly id: string; readonly code: string; readonly amountYen: number } | null;
}
