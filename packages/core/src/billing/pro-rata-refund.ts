import type { TaxRounding } from '../programs/price.ts';
import { divideYen } from './round-yen.ts';

/**
 * A course's refund policy: what a patient who stops gets back. `pro_rata`: the share of the price
 * for the sessions not given, less a fixed cancellation fee; the fee is waived when the patient
 * withdraws at least `feeFreeDaysBefore` days before the first session. `none`: no refund.
 */
export type RefundPolicy =
  | { readonly kind: 'pro_rata'; readonly cancellationFeeYen: number; readonly feeFreeDaysBefore: number }
  | { readonly kind: 'none' };

/** What the refund rule decided, with the figures it used (shown to the approver). */
export interface RefundProposal {
  readonly refundYen: number;
  readonly unusedSessions: number;
  readonly unusedShareYen: number;
  readonly feeYen: number;
}

/**
 * The refund due on a prepaid course when the patient withdraws: the price × unused sessions ÷
 * sessions, rounded down to the yen by default (the clinic keeps no fraction it did not earn only
 * when it chooses `ceil`), less the cancellation fee unless the withdrawal came early enough;
 * never negative and never more than what was paid.
 *
 * @example
 * proRataRefund({ paidYen: 330_000, sessions: 30, given: 12, policy: { kind: 'pro_rata', cancellationFeeYen: 11_000, feeFreeDaysBefore: 3 }, daysBeforeFirstSession: null })
 * // { refundYen: 187_000, unusedSessions: 18, unusedShareYen: 198_000, feeYen: 11_000 }
 */
export function proRataRefund(o: {
  readonly paidYen: number;
  readonly sessions: number;
  readonly given: number;
  readonly policy: RefundPolicy;
  /** Days between the withdrawal and the first session when none was given yet; null once one was. */
  readonly daysBeforeFirstSession: number | null;
  readonly rounding?: TaxRounding;
}): RefundProposal {
  if (!Number.isSafeInteger(o.paidYen) || o.paidYen < 0) throw new RangeError('paidYen');
  if (!Number.isInteger(o.sessions) || o.sessions < 1) throw new RangeError('sessions');
  const given = Math.min(Math.max(0, Math.trunc(o.given)), o.sessions);
  const unusedSessions = o.sessions - given;
  if (o.policy.kind === 'none') return { refundYen: 0, unusedSessions, unusedShareYen: 0, feeYen: 0 };
  const unusedShareYen = divideYen({ numerator: o.paidYen * unusedSessions, denominator: o.sessions, rounding: o.rounding ?? 'floor' });
  const feeWaived = given === 0 && o.daysBeforeFirstSession !== null && o.daysBeforeFirstSession >= o.policy.feeFreeDaysBefore;
  const feeYen = unusedSessions === 0 || feeWaived ? 0 : Math.min(o.policy.cancellationFeeYen, unusedShareYen);
  return { refundYen: Math.min(o.paidYen, Math.max(0, unusedShareYen - feeYen)), unusedSessions, unusedShareYen, feeYen };
}
