import { DomainError } from '@mimamori/core';
import { clinicDate } from '@mimamori/core/time/index';
import type { PaymentMethod, StatementLine, TaxCategory } from '@mimamori/core/billing/index';
import { insertPayment, isUniqueViolation, listCharges, newId } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { billingClinic } from './billing-settings.ts';
import { issueStatement, getStatement, type StatementView } from './statement-service.ts';

/** Charge rows as statement lines. */
export function linesOf(rows: ReadonlyArray<{ service_date: string; item_code: string; name_ja: string; name_en: string; quantity: number; unit_price_yen: number; amount_yen: number; tax_category: string }>): StatementLine[] {
  return rows.map((c) => ({
    date: c.service_date, code: c.item_code, name: { ja: c.name_ja, en: c.name_en }, quantity: c.quantity, unitPriceYen: c.unit_price_yen, amountYen: c.amount_yen,
    taxCategory: c.tax_category as TaxCategory,
  }));
}

/**
 * Takes a payment at reception for some of a patient's open charges (a whole course paid ahead is
 * one such charge), records who took it and how, and issues its 領収書 兼 明細書 in the same
 * transaction. A charge is settled once: a second payment of it (even at the same moment, from
 * another desk) is refused by the database.
 */
export async function takePayment(ctx: RequestContext, input: { readonly patientId: string; readonly chargeIds: ReadonlyArray<string>; readonly method: PaymentMethod }): Promise<{ readonly paymentId: string; readonly statement: StatementView }> {
  const staff = requireStaff(ctx);
  const ids = [...new Set(input.chargeIds)];
  let out: { paymentId: string; statementId: string } | null = null;
  try {
    out = await writeTx(ctx, async (tx) => {
      const rows = await listCharges(tx, { clinicId: staff.clinicId, patientId: input.patientId, ids });
      if (rows.length !== ids.length || rows.some((r) => r.source_type === 'refund')) throw new DomainError('not_found', { key: 'billing.charge_not_found' });
      if (rows.some((r) => r.payment_id)) throw new DomainError('conflict', { key: 'billing.already_paid' });
      const amount = rows.reduce((s, r) => s + r.amount_yen, 0);
      if (amount <= 0) throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'chargeIds', key: 'billing.nothing_to_pay' }] });
      const { zone } = await billingClinic(tx, staff.clinicId);
      const now = ctx.clock().toISOString();
      const paymentId = newId();
      await insertPayment(tx, { id: paymentId, clinic_id: staff.clinicId, patient_id: input.patientId, amount_yen: amount, method: input.method, paid_at: now, paid_date: clinicDate(now, zone), received_by: staff.staffId }, ids);
      await audit(ctx, tx, { action: 'billing.payment', resource: 'billing_payment', resourceId: paymentId, patientId: input.patientId, detail: `method=${input.method};yen=${amount};charges=${ids.length}` });
      const s = await issueStatement(ctx, tx, {
        clinicId: staff.clinicId, patientId: input.patientId, kind: 'receipt', lines: linesOf(rows), payment: { method: input.method, amountYen: amount, at: now }, paymentId, refundId: null,
      });
      return { paymentId, statementId: s.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', { key: 'billing.already_paid' });
    throw e;
  }
  return { paymentId: out.paymentId, statement: await getStatement(ctx, out.statementId) };
}
