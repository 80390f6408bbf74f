import { DomainError } from '@mimamori/core';
import { dailyClosing, type PaymentMethod } from '@mimamori/core/billing/index';
import { addDays } from '@mimamori/core/time/index';
import { csvDocument, csvLine } from '@mimamori/reports';
import { listCharges, listPayments, listRefunds } from '@mimamori/storage';
import { auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import type { ClosingView } from './billing-views.ts';

/** The 日計表 of a clinic date: from every charge, payment and approved refund up to that day. */
export async function closingOf(ctx: RequestContext, date: string): Promise<ClosingView> {
  const staff = requireStaff(ctx);
  const db = ctx.db.db;
  const clinicId = staff.clinicId;
  const [charges, payments, refunds] = await Promise.all([listCharges(db, { clinicId, until: date }), listPayments(db, { clinicId, until: date }), listRefunds(db, { clinicId })]);
  const approved = refunds.filter((r) => r.decision === 'approved' && (r.decided_date ?? '') <= date);
  const closing = dailyClosing({
    date,
    charges: charges.map((c) => ({ date: c.service_date, amountYen: c.amount_yen })),
    payments: payments.map((p) => ({ date: p.paid_date, method: p.method as PaymentMethod, amountYen: p.amount_yen })),
    refunds: approved.map((r) => ({ date: r.decided_date!, method: r.method as PaymentMethod, amountYen: r.amount_yen })),
  });
  const today = payments.filter((p) => p.paid_date === date);
  const people = today.length ? await db.selectFrom('patients').select(['id', 'patient_number']).where('clinic_id', '=', clinicId).where('id', 'in', today.map((p) => p.patient_id)).execute() : [];
  const staffRows = await db.selectFrom('staff').select(['id', 'display_name']).where('clinic_id', '=', clinicId).execute();
  await auditAlone(ctx, { action: 'billing.closing.read', resource: 'billing_closing', resourceId: date });
  return {
    ...closing,
    payments: today.map((p) => ({
      id: p.id, patientNumber: people.find((x) => x.id === p.patient_id)?.patient_number ?? '', method: p.method, amountYen: p.amount_yen, paidAt: p.paid_at,
      receivedBy: staffRows.find((s) => s.id === p.received_by)?.display_name ?? null,
    })),
  };
}

/** The columns of the closing CSV, documented in docs/billing.md. */
export const CLOSING_CSV_COLUMNS = ['date', 'row', 'method', 'paid_yen', 'refunded_yen', 'net_yen', 'count'] as const;

/**
 * The closing of a range of days as CSV for the clinic's accountant: per day, one row per payment
 * method, then a `charged`, a `cash_drawer` and an `owed_at_close` row. Integer yen, no patient data.
 */
export async function closingCsv(ctx: RequestContext, o: { readonly from: string; readonly to: string }): Promise<string> {
  if (o.to < o.from || addDays(o.from, 92) < o.to) {
    throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'to', key: 'billing.closing_range' }] });
  }
  const rows: (string | number)[][] = [];
  for (let d = o.from; d <= o.to; d = addDays(d, 1)) {
    const c = await closingOf(ctx, d);
    for (const m of c.methods) rows.push([d, 'payment', m.method, m.paidYen, m.refundedYen, m.netYen, m.count]);
    rows.push([d, 'charged', '', c.chargedYen, '', '', '']);
    rows.push([d, 'cash_drawer', 'cash', '', '', c.cashDrawerYen, '']);
    rows.push([d, 'owed_at_close', '', '', '', c.owedAtCloseYen, '']);
  }
  return csvDocument([csvLine(CLOSING_CSV_COLUMNS), ...rows.map(csvLine)]);
}
