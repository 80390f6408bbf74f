import { buildStatement, formatStatementNumber, statementCounterName, type PaymentMethod, type StatementLine, type StatementModel, type TaxCategory } from '@mimamori/core/billing/index';
import { addDays, clinicDate } from '@mimamori/core/time/index';
import { appendAudit } from '../repos/audit-repo.ts';
import { insertChargeOnce, insertDocumentOnce, insertPayment, insertPriceItem, insertRefund, insertRefundDecision, insertStatement, insertStatementReissue, insertStatementVoid, nextStatementSeq } from '../repos/billing/billing-repo.ts';
import { updateClinicSettings } from '../repos/clinic-repo.ts';
import type { Db } from '../repos/db.ts';
import { newId } from '../security/tokens.ts';

/** The demo clinic's statement settings: a fictitious registration number in the valid format. */
export const DEMO_BILLING_SETTINGS = { address: '東京都千代田区見本町1-2-3（デモ）', phone: '03-0000-0000', registrationNumber: 'T1234567890123', rounding: 'floor' } as const;

type Price = { code: string; ja: string; en: string; yen: number; tax: TaxCategory; event?: string; programId?: string; sessions?: number; refund?: object; from?: number };

/** The demo price list (tax-inclusive yen, example figures). `from`: days from today (negative: in force already). */
export const DEMO_PRICES: ReadonlyArray<Price> = [
  { code: 'EXO-INF', ja: 'エクソソーム点滴（1回）', en: 'Exosome infusion (one dose)', yen: 77_000, tax: 'taxable_10', event: 'infusion_session' },
  { code: 'EXO-COURSE', ja: 'エクソソーム点滴コース（5回）', en: 'Exosome infusion course (5 doses)', yen: 330_000, tax: 'taxable_10', programId: 'exosome-depression-anxiety', sessions: 5, refund: { kind: 'pro_rata', cancellationFeeYen: 11_000, feeFreeDaysBefore: 3 } },
  { code: 'TMS-SES', ja: 'TMS治療（1回）', en: 'TMS session (one)', yen: 13_200, tax: 'taxable_10', event: 'tms_session' },
  { code: 'TMS-SES', ja: 'TMS治療（1回）', en: 'TMS session (one)', yen: 14_300, tax: 'taxable_10', event: 'tms_session', from: 30 },
  { code: 'TMS-COURSE', ja: 'TMS治療コース（30回）', en: 'TMS course (30 sessions)', yen: 363_000, tax: 'taxable_10', programId: 'tms-depression', sessions: 30, refund: { kind: 'pro_rata', cancellationFeeYen: 11_000, feeFreeDaysBefore: 3 } },
  { code: 'SCREEN', ja: 'モニタープログラム スクリーニング', en: 'Monitor program screening', yen: 5_500, tax: 'taxable_10', event: 'screening_visit' },
  { code: 'DOC-CERT', ja: '診断書', en: 'Medical certificate', yen: 5_500, tax: 'taxable_10', event: 'document_medical_certificate' },
  { code: 'DOC-OPINION', ja: '意見書・証明書', en: 'Opinion or certificate', yen: 3_300, tax: 'taxable_10', event: 'document_opinion_certificate' },
  { code: 'DOC-REFERRAL-COPY', ja: '紹介状（写し）', en: 'Copy of a referral letter', yen: 1_100, tax: 'taxable_10', event: 'document_referral_copy' },
  { code: 'DOC-CERT-EN', ja: '英文診断書', en: 'Medical certificate in English', yen: 11_000, tax: 'taxable_10', event: 'document_medical_certificate_en' },
  { code: 'DOC-COPY', ja: '記録の写し（1通）', en: 'Copy of records (one)', yen: 1_100, tax: 'taxable_10' },
];

/**
 * Billing in the demo clinic: the price list (with a TMS price change scheduled in 30 days), the
 * statement settings, and a few days at reception — paid statements, one voided and reissued with
 * the corrected addressee, one reprinted (再発行), a refund approved by the administrator, and an
 * open charge — written as the services would write them, with their audit rows.
 */
export async function seedDemoBilling(db: Db, o: { clinicId: string; now: Date; today: string; zone: string; adminId: string; receptionId: string }): Promise<void> {
  const { clinicId } = o;
  const iso = o.now.toISOString();
  await updateClinicSettings(db, clinicId, { billing: DEMO_BILLING_SETTINGS });
  const start = addDays(o.today, -400);
  for (const p of DEMO_PRICES) {
    await insertPriceItem(db, {
      id: newId(), clinic_id: clinicId, code: p.code, name_ja: p.ja, name_en: p.en, price_yen: p.yen, tax_category: p.tax, effective_from: p.from ? addDays(o.today, p.from) : start,
      event: p.event ?? null, program_id: p.programId ?? null, sessions: p.sessions ?? null, refund_policy_json: p.refund ? JSON.stringify(p.refund) : null, created_by: o.adminId, created_at: iso,
    });
  }
  const patients = await db.selectFrom('patients').select(['id', 'name_kanji', 'patient_number']).where('clinic_id', '=', clinicId).where('is_demo', '=', 1).execute();
  const who = (name: string) => patients.find((p) => p.name_kanji === name)!;
  const price = (code: string) => DEMO_PRICES.find((p) => p.code === code && !p.from)!;
  const audit = (at: string, action: string, resource: string, resourceId: string, patientId: string, actorId: string, actorRole: string) =>
    appendAudit(db, { at, clinicId, actorId, actorRole, action, resource, resourceId, patientId, outcome: 'success' });

  const charge = async (patientId: string, code: string, at: string, quantity = 1, source?: { type: string; id: string }) => {
    const p = price(code);
    const row = {
      id: newId(), clinic_id: clinicId, patient_id: patientId, item_code: code, name_ja: p.ja, name_en: p.en, service_date: clinicDate(at, o.zone), quantity,
      unit_price_yen: p.yen, amount_yen: p.yen * quantity, tax_category: p.tax, source_type: source?.type ?? 'manual', source_id: source?.id ?? null, reason: source ? null : 'デモ',
      created_by: o.receptionId, created_at: at,
    };
    await insertChargeOnce(db, row);
    await audit(at, 'billing.charge', 'billing_charge', row.id, patientId, o.receptionId, 'reception');
    return row;
  };
  const lineOf = (c: { service_date: string; item_code: string; name_ja: string; name_en: string; quantity: number; unit_price_yen: number; amount_yen: number; tax_category: string }): StatementLine => ({
    date: c.service_date, code: c.item_code, name: { ja: c.name_ja, en: c.name_en }, quantity: c.quantity, unitPriceYen: c.unit_price_yen, amountYen: c.amount_yen, taxCategory: c.tax_category as TaxCategory,
  });
  const statement = async (s: { patient: { id: string; name_kanji: string; patient_number: string }; kind: 'receipt' | 'refund'; lines: StatementLine[]; method: PaymentMethod; amount: number; at: string; paymentId: string; refundId?: string; recipientName?: string; replaces?: { id: string; number: string }; by: string; role: string }) => {
    const issueDate = clinicDate(s.at, o.zone);
    const year = Number(issueDate.slice(0, 4));
    const seq = await nextStatementSeq(db, { clinicId, name: statementCounterName(year) });
    const number = formatStatementNumber({ year, seq });
    const model: StatementModel = buildStatement({
      kind: s.kind, number, issueDate, issuer: { name: '見守りメンタルクリニック（デモ）', address: DEMO_BILLING_SETTINGS.address, phone: DEMO_BILLING_SETTINGS.phone, registrationNumber: DEMO_BILLING_SETTINGS.registrationNumber },
      recipientName: s.recipientName ?? s.patient.name_kanji, patientNumber: s.patient.patient_number, lines: s.lines, rounding: 'floor', payment: { method: s.method, amountYen: s.amount, at: s.at }, replaces: s.replaces?.number ?? null,
    });
    const id = newId();
    await insertStatement(db, { id, clinic_id: clinicId, patient_id: s.patient.id, kind: s.kind, year, seq, number, payment_id: s.paymentId, refund_id: s.refundId ?? null, replaces_id: s.replaces?.id ?? null, issue_date: issueDate, issued_at: s.at, issued_by: s.by, model_json: JSON.stringify(model) });
    await audit(s.at, 'billing.statement.issue', 'billing_statement', id, s.patient.id, s.by, s.role);
    return { id, number };
  };
  const pay = async (patient: { id: string; name_kanji: string; patient_number: string }, charges: Awaited<ReturnType<typeof charge>>[], method: PaymentMethod, at: string) => {
    const id = newId();
    const amount = charges.reduce((s, c) => s + c.amount_yen, 0);
    await insertPayment(db, { id, clinic_id: clinicId, patient_id: patient.id, amount_yen: amount, method, paid_at: at, paid_date: clinicDate(at, o.zone), received_by: o.receptionId }, charges.map((c) => c.id));
    await audit(at, 'billing.payment', 'billing_payment', id, patient.id, o.receptionId, 'reception');
    const s = await statement({ patient, kind: 'receipt', lines: charges.map(lineOf), method, amount, at, paymentId: id, by: o.receptionId, role: 'reception' });
    return { paymentId: id, statement: s };
  };
  const at = (daysAgo: number, hour: number) => new Date(Date.parse(`${addDays(o.today, -daysAgo)}T${String(hour).padStart(2, '0')}:00:00+09:00`)).toISOString();

  // A document issued (文書発行) and charged from the price list, as reception records it.
  const document = async (patientId: string, kind: string, code: string, at: string, note: string) => {
    const id = newId();
    await insertDocumentOnce(db, { id, clinic_id: clinicId, patient_id: patientId, kind, issued_date: clinicDate(at, o.zone), issued_by: o.receptionId, note, created_at: at });
    await audit(at, 'billing.document.issue', 'document_issued', id, patientId, o.receptionId, 'reception');
    return charge(patientId, code, at, 1, { type: 'document', id });
  };

  // 見本 一郎: screening and a medical certificate (a document issued), paid in cash two days ago; the receipt was reprinted (再発行).
  const ichiro = who('見本 一郎');
  const p1 = await pay(ichiro, [await charge(ichiro.id, 'SCREEN', at(2, 10)), await document(ichiro.id, 'medical_certificate', 'DOC-CERT', at(2, 10), '勤務先提出用')], 'cash', at(2, 11));
  await insertStatementReissue(db, { id: newId(), statement_id: p1.statement.id, clinic_id: clinicId, reissued_by: o.receptionId, reissued_at: at(1, 15) });
  await audit(at(1, 15), 'billing.statement.reissue', 'billing_statement', p1.statement.id, ichiro.id, o.receptionId, 'reception');

  // 見本 花子: an infusion paid by card yesterday; the statement was voided (wrong addressee) and reissued.
  const hanako = who('見本 花子');
  const inf = await charge(hanako.id, 'EXO-INF', at(1, 10));
  const p2 = await pay(hanako, [inf], 'card', at(1, 11));
  const fixed = await statement({ patient: hanako, kind: 'receipt', lines: [lineOf(inf)], method: 'card', amount: inf.amount_yen, at: at(1, 12), paymentId: p2.paymentId, recipientName: '見本 花子（保護者 見本 一郎）', replaces: p2.statement, by: o.receptionId, role: 'reception' });
  await insertStatementVoid(db, { statement_id: p2.statement.id, clinic_id: clinicId, reason: '宛名の訂正（ご本人の申し出）', voided_by: o.receptionId, voided_at: at(1, 12), replaced_by: fixed.id });
  await audit(at(1, 12), 'billing.statement.void', 'billing_statement', p2.statement.id, hanako.id, o.receptionId, 'reception');

  // 見本 健太: two copies of records paid by transfer; one was not needed — refunded, approved by the administrator.
  const kenta = who('見本 健太');
  const copies = await charge(kenta.id, 'DOC-COPY', at(1, 14), 2);
  const p3 = await pay(kenta, [copies], 'transfer', at(1, 14));
  const refundId = newId();
  await insertRefund(db, { id: refundId, clinic_id: clinicId, patient_id: kenta.id, payment_id: p3.paymentId, charge_id: copies.id, amount_yen: 1_100, method: 'transfer', reason: '写し1通の発行取りやめ', proposal_json: null, requested_by: o.receptionId, requested_at: at(1, 16) });
  await audit(at(1, 16), 'billing.refund.request', 'billing_refund', refundId, kenta.id, o.receptionId, 'reception');
  const approvedAt = at(0, 9);
  await insertRefundDecision(db, { refund_id: refundId, clinic_id: clinicId, decision: 'approved', decided_by: o.adminId, decided_at: approvedAt, decided_date: clinicDate(approvedAt, o.zone), note: null });
  await audit(approvedAt, 'billing.refund.approve', 'billing_refund', refundId, kenta.id, o.adminId, 'admin');
  const credit = {
    id: newId(), clinic_id: clinicId, patient_id: kenta.id, item_code: copies.item_code, name_ja: `返金：${copies.name_ja}`, name_en: `Refund: ${copies.name_en}`, service_date: clinicDate(approvedAt, o.zone),
    quantity: 1, unit_price_yen: -1_100, amount_yen: -1_100, tax_category: copies.tax_category, source_type: 'refund', source_id: refundId, reason: '写し1通の発行取りやめ', created_by: o.adminId, created_at: approvedAt,
  };
  await insertChargeOnce(db, credit);
  await statement({ patient: kenta, kind: 'refund', lines: [lineOf(credit)], method: 'transfer', amount: -1_100, at: approvedAt, paymentId: p3.paymentId, refundId, by: o.adminId, role: 'admin' });

  // 見本 さくら: a screening and an English certificate issued today, not yet paid (an open balance).
  const sakura = who('見本 さくら');
  await charge(sakura.id, 'SCREEN', at(0, 9));
  await document(sakura.id, 'medical_certificate_en', 'DOC-CERT-EN', at(0, 9), '留学先提出用');
}
