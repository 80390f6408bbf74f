import { DomainError } from '@mimamori/core';
import { clinicDate } from '@mimamori/core/time/index';
import { DOCUMENT_CHARGE_EVENTS, effectivePrice, type RefundPolicy, type TaxCategory } from '@mimamori/core/billing/index';
import { insertPriceItem, isUniqueViolation, listPriceItems, newId, type PriceItemRow } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { actorClinicId, requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { billingClinic } from './billing-settings.ts';
import type { ChargeEvent, PriceItemView, PriceListView } from './billing-views.ts';

export type { ChargeEvent, PriceItemView };
export const CHARGE_EVENTS: ReadonlyArray<ChargeEvent> = ['infusion_session', 'tms_session', 'screening_visit', ...DOCUMENT_CHARGE_EVENTS];


export function priceItemView(r: PriceItemRow): PriceItemView {
  return {
    id: r.id, code: r.code, name: { ja: r.name_ja, en: r.name_en }, priceYen: r.price_yen, taxCategory: r.tax_category as TaxCategory, effectiveFrom: r.effective_from,
    event: r.event as ChargeEvent | null, programId: r.program_id, sessions: r.sessions, refundPolicy: r.refund_policy_json ? (JSON.parse(r.refund_policy_json) as RefundPolicy) : null,
  };
}

/** Every item's version in force on a date, by code (an item not yet in force is left out). */
export function currentItems(rows: ReadonlyArray<PriceItemRow>, date: string): PriceItemView[] {
  const codes = [...new Set(rows.map((r) => r.code))];
  return codes.flatMap((code) => {
    const v = effectivePrice(rows.filter((r) => r.code === code).map((r) => ({ ...r, effectiveFrom: r.effective_from })), date);
    return v ? [priceItemView(v)] : [];
  });
}

/** The price list: items in force today, and every version (past and scheduled). */
export async function priceList(ctx: RequestContext): Promise<PriceListView> {
  const clinicId = actorClinicId(ctx);
  const { zone } = await billingClinic(ctx.db.db, clinicId);
  const today = clinicDate(ctx.clock().toISOString(), zone);
  const rows = await listPriceItems(ctx.db.db, clinicId);
  return { today, current: currentItems(rows, today), versions: rows.map(priceItemView) };
}

export interface PriceItemInput {
  readonly code: string;
  readonly name: { readonly ja: string; readonly en: string };
  readonly priceYen: number;
  readonly taxCategory: TaxCategory;
  readonly effectiveFrom: string;
  readonly event?: ChargeEvent | null;
  readonly programId?: string | null;
  readonly sessions?: number | null;
  readonly refundPolicy?: RefundPolicy | null;
}

/**
 * Adds a version of a price-list item (admin): a new item, or a new price from a date. Nothing is
 * changed in place: charges already made keep their price, and a change may not take effect in the
 * past (a statement already issued would no longer match the list).
 */
export async function addPriceVersion(ctx: RequestContext, input: PriceItemInput): Promise<PriceItemView> {
  const staff = requireStaff(ctx);
  const { zone } = await billingClinic(ctx.db.db, staff.clinicId);
  const today = clinicDate(ctx.clock().toISOString(), zone);
  if (input.effectiveFrom < today) {
    throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'effectiveFrom', key: 'billing.effective_from_past', params: { today } }] });
  }
  if ((input.sessions ?? null) !== null && !input.programId) {
    throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'programId', key: 'billing.course_program' }] });
  }
  const row = {
    id: newId(), clinic_id: staff.clinicId, code: input.code, name_ja: input.name.ja, name_en: input.name.en, price_yen: input.priceYen, tax_category: input.taxCategory,
    effective_from: input.effectiveFrom, event: input.event ?? null, program_id: input.programId ?? null, sessions: input.sessions ?? null,
    refund_policy_json: input.refundPolicy ? JSON.stringify(input.refundPolicy) : null, created_by: staff.staffId, created_at: ctx.clock().toISOString(),
  };
  try {
    await writeTx(ctx, async (tx) => {
      await insertPriceItem(tx, row);
      await audit(ctx, tx, { action: 'billing.price', resource: 'billing_price_item', resourceId: row.id, detail: `code=${row.code};yen=${row.price_yen};from=${row.effective_from}` });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', { key: 'billing.price_version_exists', issues: [{ path: 'effectiveFrom', key: 'billing.price_version_exists' }] });
    throw e;
  }
  return priceItemView(row);
}
