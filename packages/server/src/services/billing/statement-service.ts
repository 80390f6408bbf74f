import { DomainError } from '@mimamori/core';
import { clinicDate } from '@mimamori/core/time/index';
import { buildStatement, formatStatementNumber, statementCounterName, type StatementLine, type StatementModel } from '@mimamori/core/billing/index';
import { getPatient, insertStatement, insertStatementReissue, insertStatementVoid, isUniqueViolation, listStatements, newId, nextStatementSeq, type Db } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { actorClinicId, requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { billingClinic, issuerOf } from './billing-settings.ts';
import type { StatementView } from './billing-views.ts';

type StatementListRow = Awaited<ReturnType<typeof listStatements>>[number];

export type { StatementView };

export function statementView(r: StatementListRow): StatementView {
  return {
    id: r.id, patientId: r.patient_id, number: r.number, kind: r.kind as 'receipt' | 'refund', issuedAt: r.issued_at, model: JSON.parse(r.model_json) as StatementModel,
    voided: r.voided_at ? { at: r.voided_at, reason: r.void_reason ?? '', replacedBy: r.replaced_by ?? null } : null,
    reissuedAt: (r.reissued_at as string | null) ?? null,
  };
}

/**
 * Issues a statement in the caller's transaction: the next number of the clinic's sequence for
 * the year of the issue date (gapless: the counter and the statement commit or roll back together),
 * the issuer fields from the clinic's settings, and the model frozen as JSON.
 */
export async function issueStatement(ctx: RequestContext, tx: Db, o: {
  readonly clinicId: string; readonly patientId: string; readonly kind: 'receipt' | 'refund'; readonly lines: ReadonlyArray<StatementLine>;
  readonly payment: StatementModel['payment']; readonly paymentId: string | null; readonly refundId: string | null;
  readonly recipientName?: string; readonly replaces?: { readonly id: string; readonly number: string };
}): Promise<{ readonly id: string; readonly model: StatementModel }> {
  const clinic = await billingClinic(tx, o.clinicId);
  const patient = await getPatient(tx, o.clinicId, o.patientId);
  if (!patient) throw new DomainError('not_found', { key: 'billing.patient_not_found' });
  const now = ctx.clock().toISOString();
  const issueDate = clinicDate(now, clinic.zone);
  const year = Number(issueDate.slice(0, 4));
  const seq = await nextStatementSeq(tx, { clinicId: o.clinicId, name: statementCounterName(year) });
  const number = formatStatementNumber({ year, seq });
  const model = buildStatement({
    kind: o.kind, number, issueDate, issuer: issuerOf(clinic), recipientName: o.recipientName ?? patient.name_kanji, patientNumber: patient.patient_number,
    lines: o.lines, rounding: clinic.settings.rounding, payment: o.payment, replaces: o.replaces?.number ?? null,
  });
  const id = newId();
  const actor = ctx.actor.kind === 'staff' ? ctx.actor.staffId : null;
  await insertStatement(tx, {
    id, clinic_id: o.clinicId, patient_id: o.patientId, kind: o.kind, year, seq, number, payment_id: o.paymentId, refund_id: o.refundId, replaces_id: o.replaces?.id ?? null,
    issue_date: issueDate, issued_at: now, issued_by: actor, model_json: JSON.stringify(model),
  });
  await audit(ctx, tx, { action: 'billing.statement.issue', resource: 'billing_statement', resourceId: id, patientId: o.patientId, detail: `number=${number};kind=${o.kind}` });
  return { id, model };
}

/** One statement of the clinic (staff), audited as a read. */
export async function getStatement(ctx: RequestContext, id: string): Promise<StatementView> {
  const clinicId = actorClinicId(ctx);
  const row = (await listStatements(ctx.db.db, { clinicId, ids: [id] }))[0];
  if (!row) throw new DomainError('not_found', { key: 'billing.statement_not_found' });
  await auditAlone(ctx, { action: 'billing.statement.read', resource: 'billing_statement', resourceId: id, patientId: row.patient_id });
  return statementView(row);
}

/**
 * Prints a statement again (再発行): recorded, and from then on every print of it says 再発行 with
 * the date, so that a lost receipt replaced is never taken for a second payment. A void statement
 * is not reissued (its replacement is).
 */
export async function reissueStatement(ctx: RequestContext, id: string): Promise<StatementView> {
  const staff = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    const row = (await listStatements(tx, { clinicId: staff.clinicId, ids: [id] }))[0];
    if (!row) throw new DomainError('not_found', { key: 'billing.statement_not_found' });
    if (row.voided_at) throw new DomainError('invalid_state', { key: 'billing.statement_void' });
    await insertStatementReissue(tx, { id: newId(), statement_id: id, clinic_id: staff.clinicId, reissued_by: staff.staffId, reissued_at: ctx.clock().toISOString() });
    await audit(ctx, tx, { action: 'billing.statement.reissue', resource: 'billing_statement', resourceId: id, patientId: row.patient_id });
  });
  return getStatement(ctx, id);
}

/**
 * Voids a statement and issues its corrected replacement in one transaction: the old one stays,
 * marked void with the reason and the replacement's number; the new one has the next number, the
 * same lines and payment, and the corrected addressee when given. Nothing is edited or deleted.
 */
export async function voidAndReissue(ctx: RequestContext, id: string, input: { readonly reason: string; readonly recipientName?: string }): Promise<StatementView> {
  const staff = requireStaff(ctx);
  let newIdOut = '';
  try {
    await writeTx(ctx, async (tx) => {
      const row = (await listStatements(tx, { clinicId: staff.clinicId, ids: [id] }))[0];
      if (!row) throw new DomainError('not_found', { key: 'billing.statement_not_found' });
      if (row.voided_at) throw new DomainError('invalid_state', { key: 'billing.statement_void' });
      const old = JSON.parse(row.model_json) as StatementModel;
      const issued = await issueStatement(ctx, tx, {
        clinicId: staff.clinicId, patientId: row.patient_id, kind: old.kind, lines: old.lines, payment: old.payment, paymentId: row.payment_id, refundId: row.refund_id,
        recipientName: input.recipientName?.trim() || old.recipientName, replaces: { id: row.id, number: row.number },
      });
      await insertStatementVoid(tx, { statement_id: id, clinic_id: staff.clinicId, reason: input.reason.trim(), voided_by: staff.staffId, voided_at: ctx.clock().toISOString(), replaced_by: issued.id });
      await audit(ctx, tx, { action: 'billing.statement.void', resource: 'billing_statement', resourceId: id, patientId: row.patient_id, detail: `replaced_by=${issued.model.number}` });
      newIdOut = issued.id;
    });
  } catch (e) {
    // A second void of the same statement at the same moment: its primary key refused it.
    if (isUniqueViolation(e)) throw new DomainError('conflict', { key: 'billing.statement_void' });
    throw e;
  }
  return getStatement(ctx, newIdOut);
}

/** How a statement prints now: 再発行 with the clinic date of its last reissue, or void with the reason. */
export function statementPdfState(s: StatementView): { readonly reissuedOn: string | null; readonly voided: { readonly reason: string } | null } {
  return { reissuedOn: s.reissuedAt ? s.reissuedAt.slice(0, 10) : null, voided: s.voided ? { reason: s.voided.reason } : null };
}
