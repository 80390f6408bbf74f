import { DomainError } from '@mimamori/core';
import { clinicDate } from '@mimamori/core/time/index';
import { documentChargeEvent, documentIssueProblems, type DocumentKind } from '@mimamori/core/billing/index';
import { findChargeBySource, getDocument, getPatient, insertChargeOnce, insertDocumentOnce, listDocuments, listPriceItems, newId, type DocumentIssuedRow } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { billingClinic } from './billing-settings.ts';
import type { DocumentView } from './billing-views.ts';
import { currentItems } from './price-list-service.ts';

export type { DocumentView };

async function documentView(db: RequestContext['db']['db'], row: DocumentIssuedRow): Promise<DocumentView> {
  const charge = await findChargeBySource(db, { clinicId: row.clinic_id, sourceType: 'document', sourceId: row.id });
  const staff = await db.selectFrom('staff').select('display_name').where('clinic_id', '=', row.clinic_id).where('id', '=', row.issued_by).executeTakeFirst();
  return {
    id: row.id, patientId: row.patient_id, kind: row.kind as DocumentKind, issuedDate: row.issued_date, issuedByName: staff?.display_name ?? null, note: row.note, createdAt: row.created_at,
    charge: charge ? { id: charge.id, code: charge.item_code, amountYen: charge.amount_yen } : null,
  };
}

/**
 * Records a document issued to a patient (文書発行) and charges it, in one transaction: the
 * price-list item whose event is the kind's (`document_<kind>`), at the price in force on the issue
 * date. Without such an item nothing is written (a 4xx naming the missing price). The id comes from
 * the form, so a form sent twice (or twice at once) records one document and one charge: the second
 * gets the first back (`created: false`).
 */
export async function issueDocument(ctx: RequestContext, input: {
  readonly id: string; readonly patientId: string; readonly kind: string; readonly issuedDate: string; readonly note?: string | null;
}): Promise<{ readonly document: DocumentView; readonly created: boolean }> {
  const staff = requireStaff(ctx);
  const note = input.note?.trim() || null;
  const created = await writeTx(ctx, async (tx) => {
    if (!(await getPatient(tx, staff.clinicId, input.patientId))) throw new DomainError('not_found', { key: 'billing.patient_not_found' });
    const { zone } = await billingClinic(tx, staff.clinicId);
    const today = clinicDate(ctx.clock().toISOString(), zone);
    const issues = documentIssueProblems({ kind: input.kind, issuedDate: input.issuedDate, today, note });
    if (issues.length) throw new DomainError('validation', { key: 'billing.invalid', issues });
    const event = documentChargeEvent(input.kind as DocumentKind);
    const item = currentItems(await listPriceItems(tx, staff.clinicId), input.issuedDate).find((i) => i.event === event && i.programId === null);
    if (!item) throw new DomainError('validation', { key: 'billing.document_no_price', params: { date: input.issuedDate }, issues: [{ path: 'kind', key: 'billing.document_no_price', params: { date: input.issuedDate } }] });
    const at = ctx.clock().toISOString();
    const inserted = await insertDocumentOnce(tx, {
      id: input.id, clinic_id: staff.clinicId, patient_id: input.patientId, kind: input.kind, issued_date: input.issuedDate, issued_by: staff.staffId, note, created_at: at,
    });
    if (!inserted) return false;
    const chargeId = newId();
    await insertChargeOnce(tx, {
      id: chargeId, clinic_id: staff.clinicId, patient_id: input.patientId, item_code: item.code, name_ja: item.name.ja, name_en: item.name.en, service_date: input.issuedDate, quantity: 1,
      unit_price_yen: item.priceYen, amount_yen: item.priceYen, tax_category: item.taxCategory, source_type: 'document', source_id: input.id, reason: null, created_by: staff.staffId, created_at: at,
    });
    await audit(ctx, tx, { action: 'billing.document.issue', resource: 'document_issued', resourceId: input.id, patientId: input.patientId, detail: `kind=${input.kind}` });
    await audit(ctx, tx, { action: 'billing.charge', resource: 'billing_charge', resourceId: chargeId, patientId: input.patientId, detail: `source=document;code=${item.code};yen=${item.priceYen}` });
    return true;
  });
  const row = await getDocument(ctx.db.db, staff.clinicId, input.id);
  // The id was taken already: by this patient's same document (a form sent twice), or by anything else.
  if (!row || row.patient_id !== input.patientId || (!created && row.kind !== input.kind)) throw new DomainError('conflict', { key: 'billing.document_conflict' });
  return { document: await documentView(ctx.db.db, row), created };
}

/** A patient's issued documents, newest first, each with its charge. The read is audited. */
export async function patientDocuments(ctx: RequestContext, patientId: string): Promise<{ readonly items: ReadonlyArray<DocumentView> }> {
  const staff = requireStaff(ctx);
  if (!(await getPatient(ctx.db.db, staff.clinicId, patientId))) throw new DomainError('not_found', { key: 'billing.patient_not_found' });
  const rows = await listDocuments(ctx.db.db, { clinicId: staff.clinicId, patientId });
  await auditAlone(ctx, { action: 'billing.document.read', resource: 'patient', resourceId: patientId, patientId });
  return { items: await Promise.all(rows.map((r) => documentView(ctx.db.db, r))) };
}
