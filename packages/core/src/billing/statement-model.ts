import type { TaxRounding } from '../programs/price.ts';
import type { PaymentMethod } from './payment-method.ts';
import { taxPerRate, type RateTotal } from './tax-per-rate.ts';
import type { TaxCategory } from './tax-category.ts';

/** One item on a statement, frozen as it was charged. Amounts are tax-inclusive yen. */
export interface StatementLine {
  /** Clinic date of the service, `YYYY-MM-DD`. */
  readonly date: string;
  readonly code: string;
  readonly name: { readonly ja: string; readonly en: string };
  readonly quantity: number;
  readonly unitPriceYen: number;
  readonly amountYen: number;
  readonly taxCategory: TaxCategory;
}

/** Who issues the statement: printed at its head (the qualified-invoice issuer fields). */
export interface StatementIssuer {
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  /** `T` + 13 digits, or null when the clinic is not a registered issuer. */
  readonly registrationNumber: string | null;
}

/**
 * A 領収書 兼 明細書 (receipt and itemized statement) as issued: everything printed on it, so that
 * a statement reprinted years later shows what it showed the day it was issued.
 * `kind: 'refund'` is the note of a refund (negative lines and totals).
 */
export interface StatementModel {
  readonly kind: 'receipt' | 'refund';
  readonly number: string;
  readonly issueDate: string;
  readonly issuer: StatementIssuer;
  readonly recipientName: string;
  readonly patientNumber: string;
  readonly lines: ReadonlyArray<StatementLine>;
  readonly rates: ReadonlyArray<RateTotal>;
  readonly totalYen: number;
  readonly rounding: TaxRounding;
  readonly payment: { readonly method: PaymentMethod; readonly amountYen: number; readonly at: string };
  /** The number of the statement this one replaces (void and reissue), or null. */
  readonly replaces: string | null;
}

/**
 * Builds a statement from its lines: the per-rate totals and tax (rounded once per rate for the
 * document), the total, and the payment. The total is the sum of the lines; the payment must equal
 * it (a payment settles whole charges) — a mismatch is a programming error and throws.
 *
 * @example
 * buildStatement({ kind: 'receipt', number: '2026-000001', issueDate: '2026-12-07', issuer, recipientName: '見本 花子', patientNumber: '000123',
 *   lines: [{ date: '2026-12-07', code: 'EXO-INF', name: { ja: 'エクソソーム点滴', en: 'Exosome infusion' }, quantity: 1, unitPriceYen: 330_000, amountYen: 330_000, taxCategory: 'taxable_10' }],
 *   rounding: 'floor', payment: { method: 'card', amountYen: 330_000, at: '2026-12-07T02:00:00.000Z' }, replaces: null }).rates
 * // [{ taxCategory: 'taxable_10', ratePercent: 10, totalYen: 330000, taxYen: 30000 }]
 */
export function buildStatement(o: Omit<StatementModel, 'rates' | 'totalYen'>): StatementModel {
  const totalYen = o.lines.reduce((s, l) => s + l.amountYen, 0);
  if (totalYen !== o.payment.amountYen) throw new RangeError(`statement total ${totalYen} ≠ payment ${o.payment.amountYen}`);
  return { ...o, rates: taxPerRate({ lines: o.lines, rounding: o.rounding }), totalYen };
}

/**
 * A line's amount: quantity × unit price, integers only.
 *
 * @example lineAmount({ quantity: 2, unitPriceYen: 5_500 }) // 11000
 */
export function lineAmount(o: { readonly quantity: number; readonly unitPriceYen: number }): number {
  if (!Number.isSafeInteger(o.quantity) || !Number.isSafeInteger(o.unitPriceYen)) throw new RangeError('integer yen and quantity');
  return o.quantity * o.unitPriceYen;
}
