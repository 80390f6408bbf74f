import type { PaymentMethod } from './payment-method.ts';
import { PAYMENT_METHODS } from './payment-method.ts';

/** What the closing reads: each in integer yen with its clinic date. */
export interface ClosingInput {
  /** Charges by service date (a refund's credit line is negative). */
  readonly charges: ReadonlyArray<{ readonly date: string; readonly amountYen: number }>;
  readonly payments: ReadonlyArray<{ readonly date: string; readonly method: PaymentMethod; readonly amountYen: number }>;
  /** Approved refunds by the date they were approved (paid out). */
  readonly refunds: ReadonlyArray<{ readonly date: string; readonly method: PaymentMethod; readonly amountYen: number }>;
}

/** One row of the 日計表: a payment method's receipts and refunds on the day. */
export interface ClosingMethodRow {
  readonly method: PaymentMethod;
  readonly paidYen: number;
  readonly refundedYen: number;
  readonly netYen: number;
  readonly count: number;
}

/** The 日計表 of one clinic day. */
export interface DailyClosing {
  readonly date: string;
  /** Charged on the day (refund credits included, so a refund lowers it). */
  readonly chargedYen: number;
  readonly methods: ReadonlyArray<ClosingMethodRow>;
  readonly paidYen: number;
  readonly refundedYen: number;
  /** Cash taken less cash paid back: what the drawer should have gained. */
  readonly cashDrawerYen: number;
  /** Everything charged up to the end of the day and not yet paid, across patients. */
  readonly owedAtCloseYen: number;
}

/**
 * The daily closing of one clinic date: charged, paid and refunded per method, the cash drawer,
 * and what is still owed at the close (cumulative charges − payments + refunds up to that day).
 *
 * @example
 * dailyClosing({ date: '2026-12-07', charges: [{ date: '2026-12-07', amountYen: 11_000 }], payments: [{ date: '2026-12-07', method: 'cash', amountYen: 11_000 }], refunds: [] }).cashDrawerYen
 * // 11000
 */
export function dailyClosing(o: ClosingInput & { readonly date: string }): DailyClosing {
  const on = <T extends { date: string }>(xs: ReadonlyArray<T>) => xs.filter((x) => x.date === o.date);
  const upTo = <T extends { date: string }>(xs: ReadonlyArray<T>) => xs.filter((x) => x.date <= o.date);
  const sum = (xs: ReadonlyArray<{ amountYen: number }>) => xs.reduce((s, x) => s + x.amountYen, 0);
  const methods = PAYMENT_METHODS.map((method) => {
    const paid = on(o.payments).filter((p) => p.method === method);
    const refunded = on(o.refunds).filter((r) => r.method === method);
    return { method, paidYen: sum(paid), refundedYen: sum(refunded), netYen: sum(paid) - sum(refunded), count: paid.length + refunded.length };
  });
  const cash = methods.find((m) => m.method === 'cash')!;
  return {
    date: o.date,
    chargedYen: sum(on(o.charges)),
    methods,
    paidYen: sum(on(o.payments)),
    refundedYen: sum(on(o.refunds)),
    cashDrawerYen: cash.netYen,
    owedAtCloseYen: sum(upTo(o.charges)) - sum(upTo(o.payments)) + sum(upTo(o.refunds)),
  };
}
