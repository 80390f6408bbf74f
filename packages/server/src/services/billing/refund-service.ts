import { DomainError } from '@mimamori/core';
import { clinicDate } from '@mimamori/core/time/index';
import { proRataRefund, type PaymentMethod, type RefundPolicy, type RefundProposal } from '@mimamori/core/billing/index';
import {
  insertChargeOnce, insertRefund, insertRefundDecision, isUniqueViolation, listCharges, listPriceItems, listProgramSessions, listRefunds, newId, type Db,
} from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { billingClinic } from './billing-settings.ts';
import type { PendingRefundsView, RefundView } from './billing-views.ts';
import { issueStatement } from './statement-service.ts';

type RefundListRow = Awaited<ReturnType<typeof listRefunds>>[number];

export function refundView(r: RefundListRow): RefundView {
  return {
    id: r.id, patientId: r.patient_id, paymentId: r.payment_id, chargeId: r.charge_id, amountYen: r.amount_yen, method: r.method as PaymentMethod, reason: r.reason,
    proposal: r.proposal_json ? (JSON.parse(r.proposal_json) as RefundProposal) : null, requestedAt: r.requested_at,
    decision: (r.decision ?? null) as 'approved' | 'rejected' | null, decidedAt: r.decided_at ?? null, note: r.note ?? null,
  };
}

/**
 * What the course's refund policy gives back for a prepaid course charge: its sessions and how many
 * were given (completed sessions of the enrolment). Null for a charge that is not a course.
 */
async function courseProposal(tx: Db, o: { readonly clinicId: string; readonly charge: { source_type: string; source_id: string | null; item_code: string; amount_yen: number; service_date: string } }): Promise<RefundProposal | null> {
  if (o.charge.source_type !== 'program_course' || !o.charge.source_id) return null;
  const versions = (await listPriceItems(tx, o.clinicId)).filter((p) => p.code === o.charge.item_code && p.effective_from <= o.charge.service_date);
  const item = versions.at(-1);
  if (!item?.sessions) return null;
  const policy: RefundPolicy = item.refund_policy_json ? (JSON.parse(item.refund_policy_json) as RefundPolicy) : { kind: 'none' };
  const given = (await listProgramSessions(tx, { clinicId: o.clinicId, enrolmentIds: [o.charge.source_id] })).length;
  return proRataRefund({ paidYen: o.charge.amount_yen, sessions: item.sessions, given, policy, daysBeforeFirstSession: null });
}

/**
 * Requests a refund of a settled charge (reception), with its reason; for a prepaid course the
 * amount defaults to what the course's policy gives back (pro rata for the sessions not given, less
 * the cancellation fee). Nothing is paid out until an administrator approves it.
 */
export async function requestRefund(ctx: RequestContext, input: { readonly chargeId: string; readonly amountYen?: number; readonly method: PaymentMethod; readonly reason: string }) {
  const staff = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const charge = (await listCharges(tx, { clinicId: staff.clinicId, ids: [input.chargeId] }))[0];
    if (!charge || charge.source_type === 'refund') throw new DomainError('not_found', { key: 'billing.charge_not_found' });
    if (!charge.payment_id) throw new DomainError('invalid_state', { key: 'billing.refund_unpaid' });
    const earlier = (await listRefunds(tx, { clinicId: staff.clinicId, patientId: charge.patient_id })).filter((r) => r.charge_id === charge.id && r.decision !== 'rejected');
    const left = charge.amount_yen - earlier.reduce((s, r) => s + r.amount_yen, 0);
    const proposal = await courseProposal(tx, { clinicId: staff.clinicId, charge });
    const amount = input.amountYen ?? proposal?.refundYen ?? left;
    if (amount <= 0 || amount > left) {
      throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'amountYen', key: 'billing.refund_amount', params: { max: left } }] });
    }
    const id = newId();
    await insertRefund(tx, {
      id, clinic_id: staff.clinicId, patient_id: charge.patient_id, payment_id: charge.payment_id, charge_id: charge.id, amount_yen: amount, method: input.method,
      reason: input.reason.trim(), proposal_json: proposal ? JSON.stringify(proposal) : null, requested_by: staff.staffId, requested_at: ctx.clock().toISOString(),
    });
    await audit(ctx, tx, { action: 'billing.refund.request', resource: 'billing_refund', resourceId: id, patientId: charge.patient_id, detail: `yen=${amount};method=${input.method}` });
    return refundView((await listRefunds(tx, { clinicId: staff.clinicId, id }))[0]!);
  });
}

/** Refunds waiting for an administrator's decision (oldest first). */
export async function pendingRefunds(ctx: RequestContext): Promise<PendingRefundsView> {
  const staff = requireStaff(ctx);
  const rows = (await listRefunds(ctx.db.db, { clinicId: staff.clinicId })).filter((r) => r.decision === null).reverse();
  const patients = rows.length ? await ctx.db.db.selectFrom('patients').select(['id', 'name_kanji', 'patient_number']).where('clinic_id', '=', staff.clinicId).where('id', 'in', rows.map((r) => r.patient_id)).execute() : [];
  return { items: rows.map((r) => ({ ...refundView(r), patient: patients.find((p) => p.id === r.patient_id) ?? null })) };
}

/**
 * An administrator approves or rejects a refund (once). Approval pays it out: a credit line (the
 * refunded amount, negative, in the charge's tax class) and a refund note with the next statement
 * number are written in the same transaction; the daily closing counts it on the approval date.
 */
export async function decideRefund(ctx: RequestContext, refundId: string, input: { readonly decision: 'approved' | 'rejected'; readonly note?: string }) {
  const staff = requireStaff(ctx);
  try {
    return await writeTx(ctx, async (tx) => {
      const r = (await listRefunds(tx, { clinicId: staff.clinicId, id: refundId }))[0];
      if (!r) throw new DomainError('not_found', { key: 'billing.refund_not_found' });
      if (r.decision) throw new DomainError('conflict', { key: 'billing.refund_decided' });
      // Four eyes: whoever asked for the refund does not approve it.
      if (r.requested_by === staff.staffId) throw new DomainError('forbidden', { key: 'billing.refund_own' });
      const { zone } = await billingClinic(tx, staff.clinicId);
      const now = ctx.clock().toISOString();
      const today = clinicDate(now, zone);
      await insertRefundDecision(tx, { refund_id: refundId, clinic_id: staff.clinicId, decision: input.decision, decided_by: staff.staffId, decided_at: now, decided_date: today, note: input.note?.trim() || null });
      await audit(ctx, tx, { action: `billing.refund.${input.decision === 'approved' ? 'approve' : 'reject'}`, resource: 'billing_refund', resourceId: refundId, patientId: r.patient_id, detail: `yen=${r.amount_yen}` });
      if (input.decision === 'approved') {
        const charge = (await listCharges(tx, { clinicId: staff.clinicId, ids: [r.charge_id] }))[0]!;
        const credit = {
          id: newId(), clinic_id: staff.clinicId, patient_id: r.patient_id, item_code: charge.item_code, name_ja: `返金：${charge.name_ja}`, name_en: `Refund: ${charge.name_en}`,
          service_date: today, quantity: 1, unit_price_yen: -r.amount_yen, amount_yen: -r.amount_yen, tax_category: charge.tax_category, source_type: 'refund', source_id: refundId,
          reason: r.reason, created_by: staff.staffId, created_at: now,
        };
        await insertChargeOnce(tx, credit);
        await issueStatement(ctx, tx, {
          clinicId: staff.clinicId, patientId: r.patient_id, kind: 'refund', paymentId: r.payment_id, refundId,
          lines: [{ date: today, code: credit.item_code, name: { ja: credit.name_ja, en: credit.name_en }, quantity: 1, unitPriceYen: credit.amount_yen, amountYen: credit.amount_yen, taxCategory: charge.tax_category as never }],
          payment: { method: r.method as PaymentMethod, amountYen: -r.amount_yen, at: now },
        });
      }
      return refundView((await listRefunds(tx, { clinicId: staff.clinicId, id: refundId }))[0]!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', { key: 'billing.refund_decided' });
    throw e;
  }
}
