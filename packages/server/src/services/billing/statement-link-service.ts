import { DomainError } from '@mimamori/core';
import { listStatements } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requirePatient, requireStaff, type RequestContext } from '../../request-context.ts';
import { issuePatientLink } from '../patient-link-service.ts';
import { writeTx } from '../write-tx.ts';
import { statementView, type StatementView } from './statement-service.ts';

/** The patient-link purpose that opens one statement on the patient's phone. */
export const STATEMENT_PURPOSE = 'statement';
const LINK_DAYS = 30;

/**
 * A link that opens one statement on the patient's phone (shown to reception as a URL and QR code
 * at the desk: it opens nothing but this statement, which the patient is handed on paper anyway).
 * Valid 30 days, ten opens; a new link for the same statement replaces the old one.
 */
export async function statementLink(ctx: RequestContext, statementId: string) {
  const staff = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const row = (await listStatements(tx, { clinicId: staff.clinicId, ids: [statementId] }))[0];
    if (!row) throw new DomainError('not_found', { key: 'billing.statement_not_found' });
    const expiresAt = new Date(ctx.clock().getTime() + LINK_DAYS * 86_400_000).toISOString();
    const link = await issuePatientLink(ctx, tx, { clinicId: staff.clinicId, patientId: row.patient_id, purpose: STATEMENT_PURPOSE, resourceId: statementId, expiresAt, maxUses: 10, createdBy: staff.staffId });
    await audit(ctx, tx, { action: 'billing.statement.link', resource: 'billing_statement', resourceId: statementId, patientId: row.patient_id });
    return { url: link.url, expiresAt: link.expiresAt };
  });
}

/** The patient's own statement (the one their link opens), audited as the patient's read. */
export async function patientStatement(ctx: RequestContext): Promise<StatementView> {
  const p = requirePatient(ctx, STATEMENT_PURPOSE);
  const row = p.resourceId ? (await listStatements(ctx.db.db, { clinicId: p.clinicId, ids: [p.resourceId] }))[0] : undefined;
  if (!row || row.patient_id !== p.patientId) throw new DomainError('not_found', { key: 'billing.statement_not_found' });
  await auditAlone(ctx, { action: 'billing.statement.patient_read', resource: 'billing_statement', resourceId: row.id, patientId: p.patientId });
  return statementView(row);
}
