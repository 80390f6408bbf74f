import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildStatement, corporateNumberCheckDigitOk, dailyClosing, divideYen, DOCUMENT_CHARGE_EVENTS, documentChargeEvent, documentIssueProblems, effectivePrice, formatStatementNumber, normaliseRegistrationNumber, proRataRefund, taxPerRate,
  type StatementLine,
} from './index.ts';

const line = (amountYen: number, taxCategory: StatementLine['taxCategory'] = 'taxable_10', quantity = 1): StatementLine => ({
  date: '2026-12-07', code: 'X', name: { ja: 'x', en: 'x' }, quantity, unitPriceYen: amountYen / quantity, amountYen, taxCategory,
});

test('divideYen rounds by the chosen method in integers, and a negative amount by its magnitude', () => {
  assert.equal(divideYen({ numerator: 1001 * 10, denominator: 110, rounding: 'floor' }), 91); // 91.0
  assert.equal(divideYen({ numerator: 1005 * 10, denominator: 110, rounding: 'floor' }), 91); // 91.36
  assert.equal(divideYen({ numerator: 1005 * 10, denominator: 110, rounding: 'ceil' }), 92);
  assert.equal(divideYen({ numerator: 1005 * 10, denominator: 110, rounding: 'round' }), 91);
  assert.equal(divideYen({ numerator: 1006 * 10, denominator: 110, rounding: 'round' }), 91); // 91.45
  assert.equal(divideYen({ numerator: 1007 * 10, denominator: 110, rounding: 'round' }), 92); // 91.54
  assert.equal(divideYen({ numerator: 55, denominator: 110, rounding: 'round' }), 1); // exactly .5 rounds up
  assert.equal(divideYen({ numerator: -1005 * 10, denominator: 110, rounding: 'floor' }), -91);
  assert.equal(divideYen({ numerator: 0, denominator: 110, rounding: 'ceil' }), 0);
  assert.throws(() => divideYen({ numerator: 1.5, denominator: 110, rounding: 'floor' }), RangeError);
});

test('the tax is rounded once per rate per document, never per line and summed', () => {
  // Three lines of ¥1,005: per line floor(91.36) = 91, summed 273; once for the rate floor(274.09) = 274.
  const lines = [line(1005), line(1005), line(1005)];
  const perLine = lines.reduce((s, l) => s + divideYen({ numerator: l.amountYen * 10, denominator: 110, rounding: 'floor' }), 0);
  assert.equal(perLine, 273);
  assert.deepEqual(taxPerRate({ lines, rounding: 'floor' }), [{ taxCategory: 'taxable_10', ratePercent: 10, totalYen: 3015, taxYen: 274 }]);
});

test('mixed tax classes get one total each, in a fixed order, and only the taxable one carries tax', () => {
  const rates = taxPerRate({ lines: [line(2000, 'not_subject'), line(33_000), line(5_000, 'non_taxable'), line(3_300)], rounding: 'floor' });
  assert.deepEqual(rates, [
    { taxCategory: 'taxable_10', ratePercent: 10, totalYen: 36_300, taxYen: 3_300 },
    { taxCategory: 'non_taxable', ratePercent: 0, totalYen: 5_000, taxYen: 0 },
    { taxCategory: 'not_subject', ratePercent: 0, totalYen: 2_000, taxYen: 0 },
  ]);
  assert.deepEqual(taxPerRate({ lines: [], rounding: 'floor' }), []);
});

test('a refund note mirrors its charge: negative totals, tax rounded by magnitude', () => {
  assert.deepEqual(taxPerRate({ lines: [line(-187_000)], rounding: 'floor' }), [{ taxCategory: 'taxable_10', ratePercent: 10, totalYen: -187_000, taxYen: -17_000 }]);
  assert.deepEqual(taxPerRate({ lines: [line(-1005)], rounding: 'floor' })[0]!.taxYen, -91);
});

test('a statement totals its lines and refuses a payment that does not match them', () => {
  const issuer = { name: 'みまもりクリニック', address: '東京都', phone: '03-0000-0000', registrationNumber: 'T7000012050002' };
  const base = { kind: 'receipt' as const, number: '2026-000001', issueDate: '2026-12-07', issuer, recipientName: '見本 花子', patientNumber: '1', rounding: 'floor' as const, replaces: null };
  const s = buildStatement({ ...base, lines: [line(330_000), line(2_200, 'taxable_10', 2), line(3_000, 'non_taxable')], payment: { method: 'card', amountYen: 335_200, at: '2026-12-07T01:00:00Z' } });
  assert.equal(s.totalYen, 335_200);
  assert.deepEqual(s.rates.map((r) => [r.taxCategory, r.totalYen, r.taxYen]), [['taxable_10', 332_200, 30_200], ['non_taxable', 3_000, 0]]);
  assert.throws(() => buildStatement({ ...base, lines: [line(1000)], payment: { method: 'cash', amountYen: 999, at: '2026-12-07T01:00:00Z' } }), RangeError);
});

test('registration numbers: T and 13 digits, typed forms normalised, a corporation’s check digit verified', () => {
  assert.equal(normaliseRegistrationNumber('T7000012050002'), 'T7000012050002');
  assert.equal(normaliseRegistrationNumber('ｔ７０００-０１２０-５０００２'), 'T7000012050002');
  assert.equal(normaliseRegistrationNumber(' T 7000012050002 '), 'T7000012050002');
  for (const bad of ['7000012050002', 'T700001205000', 'T70000120500021', 'TA000012050002', 'X7000012050002', '']) assert.equal(normaliseRegistrationNumber(bad), null, bad);
  assert.equal(corporateNumberCheckDigitOk('7000012050002'), true); // 国税庁
  assert.equal(corporateNumberCheckDigitOk('8000012050002'), false);
  assert.equal(normaliseRegistrationNumber('T8000012050002', { corporate: true }), null);
  assert.equal(normaliseRegistrationNumber('T8000012050002'), 'T8000012050002'); // an individual's: format only
});

test('pro-rata refund after a withdrawal mid-course: the unused share less the fee, never negative', () => {
  const policy = { kind: 'pro_rata' as const, cancellationFeeYen: 11_000, feeFreeDaysBefore: 3 };
  assert.deepEqual(proRataRefund({ paidYen: 330_000, sessions: 30, given: 12, policy, daysBeforeFirstSession: null }), { refundYen: 187_000, unusedSessions: 18, unusedShareYen: 198_000, feeYen: 11_000 });
  // A share with a fraction: 100,000 × 2 / 3 = 66,666.67 → 66,666 (floor).
  assert.equal(proRataRefund({ paidYen: 100_000, sessions: 3, given: 1, policy: { ...policy, cancellationFeeYen: 0 }, daysBeforeFirstSession: null }).refundYen, 66_666);
  assert.equal(proRataRefund({ paidYen: 100_000, sessions: 3, given: 1, policy: { ...policy, cancellationFeeYen: 0 }, daysBeforeFirstSession: null, rounding: 'ceil' }).refundYen, 66_667);
  // Withdrawn early enough before the first session: everything back, no fee.
  assert.equal(proRataRefund({ paidYen: 330_000, sessions: 30, given: 0, policy, daysBeforeFirstSession: 5 }).refundYen, 330_000);
  // Too late before the first session: the fee applies.
  assert.equal(proRataRefund({ paidYen: 330_000, sessions: 30, given: 0, policy, daysBeforeFirstSession: 1 }).refundYen, 319_000);
  // All sessions given: nothing to refund, no fee.
  assert.deepEqual(proRataRefund({ paidYen: 330_000, sessions: 30, given: 30, policy, daysBeforeFirstSession: null }), { refundYen: 0, unusedSessions: 0, unusedShareYen: 0, feeYen: 0 });
  // One session left worth less than the fee: zero, not negative.
  assert.equal(proRataRefund({ paidYen: 30_000, sessions: 30, given: 29, policy, daysBeforeFirstSession: null }).refundYen, 0);
  assert.equal(proRataRefund({ paidYen: 330_000, sessions: 30, given: 3, policy: { kind: 'none' }, daysBeforeFirstSession: null }).refundYen, 0);
});

test('a price change takes effect on its date; earlier dates keep the earlier price', () => {
  const v = [{ code: 'TMS', effectiveFrom: '2026-12-10', yen: 12_100 }, { code: 'TMS', effectiveFrom: '2026-01-01', yen: 11_000 }];
  assert.equal(effectivePrice(v, '2025-12-31'), undefined);
  assert.equal(effectivePrice(v, '2026-12-09')!.yen, 11_000);
  assert.equal(effectivePrice(v, '2026-12-10')!.yen, 12_100);
  assert.equal(effectivePrice(v, '2027-03-01')!.yen, 12_100);
});

test('statement numbers carry the year and six digits', () => {
  assert.equal(formatStatementNumber({ year: 2026, seq: 1 }), '2026-000001');
  assert.equal(formatStatementNumber({ year: 2027, seq: 123_456 }), '2027-123456');
});

test('the daily closing per method matches the cash drawer and carries what is still owed', () => {
  const d = dailyClosing({
    date: '2026-12-07',
    charges: [{ date: '2026-12-06', amountYen: 5_000 }, { date: '2026-12-07', amountYen: 330_000 }, { date: '2026-12-07', amountYen: 11_000 }, { date: '2026-12-07', amountYen: -187_000 }, { date: '2026-12-08', amountYen: 999 }],
    payments: [{ date: '2026-12-07', method: 'card', amountYen: 330_000 }, { date: '2026-12-07', method: 'cash', amountYen: 11_000 }, { date: '2026-12-06', method: 'cash', amountYen: 2_000 }],
    refunds: [{ date: '2026-12-07', method: 'cash', amountYen: 187_000 }],
  });
  assert.equal(d.chargedYen, 154_000);
  assert.deepEqual(d.methods.map((m) => [m.method, m.paidYen, m.refundedYen, m.netYen, m.count]), [['cash', 11_000, 187_000, -176_000, 2], ['card', 330_000, 0, 330_000, 1], ['transfer', 0, 0, 0, 0]]);
  assert.equal(d.cashDrawerYen, -176_000);
  assert.equal(d.paidYen, 341_000);
  assert.equal(d.refundedYen, 187_000);
  // 5,000 + 330,000 + 11,000 − 187,000 charged; 343,000 paid; 187,000 refunded → 3,000 still owed (the 6th's balance).
  assert.equal(d.owedAtCloseYen, 3_000);
});

test('documents: each kind has its price-list event; the issue date is not in the future nor older than a month; the note is bounded', () => {
  assert.deepEqual(DOCUMENT_CHARGE_EVENTS, ['document_medical_certificate', 'document_opinion_certificate', 'document_referral_copy', 'document_medical_certificate_en']);
  assert.equal(documentChargeEvent('medical_certificate_en'), 'document_medical_certificate_en');
  const today = '2026-12-07';
  assert.deepEqual(documentIssueProblems({ kind: 'medical_certificate', issuedDate: today, today }), []);
  assert.deepEqual(documentIssueProblems({ kind: 'referral_copy', issuedDate: '2026-11-06', today, note: 'x'.repeat(500) }), []);
  assert.deepEqual(documentIssueProblems({ kind: 'passport', issuedDate: '2026-12-08', today, note: 'x'.repeat(501) }).map((i) => [i.path, i.key]), [
    ['kind', 'billing.document_kind'], ['issuedDate', 'billing.document_future'], ['note', 'billing.document_note'],
  ]);
  assert.deepEqual(documentIssueProblems({ kind: 'opinion_certificate', issuedDate: '2026-11-05', today }).map((i) => i.key), ['billing.document_too_old']);
  assert.deepEqual(documentIssueProblems({ kind: 'opinion_certificate', issuedDate: '2026-02-30', today }).map((i) => i.key), ['billing.document_date']);
});
