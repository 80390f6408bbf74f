import { DomainError } from '@mimamori/core';
import { getPatient, listCharges, listPayments, listRefunds, listStatements } from '@mimamori/storage';
import { auditAlone } from '../../audit/audit.ts';
import { actorClinicId, type RequestContext } from '../../request-context.ts';
import type { PatientAccountView } from './billing-views.ts';
import { chargeView } from './charge-service.ts';
import { refundView } from './refund-service.ts';
import { statementView } from './statement-service.ts';

/**
 * A patient's account (staff): charges (open and settled), payments with who took them, refunds
 * and their decisions, statements, and the balance: charged − paid + refunded (positive: owed by
 * the patient; negative: paid ahead). Audited as a read.
 */
export async function patientAccount(ctx: RequestContext, patientId: string): Promise<PatientAccountView> {
  const clinicId = actorClinicId(ctx);
  const db = ctx.db.db;
  const patient = await getPatient(db, clinicId, patientId);
  if (!patient) throw new DomainError('not_found', { key: 'billing.patient_not_found' });
  const [charges, payments, refunds, statements] = await Promise.all([
    listCharges(db, { clinicId, patientId }), listPayments(db, { clinicId, patientId }), listRefunds(db, { clinicId, patientId }), listStatements(db, { clinicId, patientId }),
  ]);
  const enrolments = await db.selectFrom('program_enrolments').select(['id', 'program_id']).where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).execute();
  const staff = await db.selectFrom('staff').select(['id', 'display_name']).where('clinic_id', '=', clinicId).execute();
  const nameOf = (id: string | null) => staff.find((s) => s.id === id)?.display_name ?? null;
  const charged = charges.reduce((s, c) => s + c.amount_yen, 0);
  const paid = payments.reduce((s, p) => s + p.amount_yen, 0);
  const refunded = refunds.filter((r) => r.decision === 'approved').reduce((s, r) => s + r.amount_yen, 0);
  await auditAlone(ctx, { action: 'billing.account.read', resource: 'patient', resourceId: patientId, patientId });
  return {
    patient: { id: patient.id, name: patient.name_kanji, nameKana: patient.name_kana, patientNumber: patient.patient_number },
    charges: charges.map(chargeView),
    payments: payments.map((p) => ({ id: p.id, amountYen: p.amount_yen, method: p.method, paidAt: p.paid_at, paidDate: p.paid_date, receivedBy: nameOf(p.received_by) })),
    refunds: refunds.map((r) => ({ ...refundView(r), requestedByName: nameOf(r.requested_by), decidedByName: nameOf(r.decided_by ?? null) })),
    statements: statements.map(statementView),
    enrolments: enrolments.map((e) => ({ id: e.id, programId: e.program_id })),
    balance: { chargedYen: charged, paidYen: paid, refundedYen: refunded, balanceYen: charged - paid + refunded },
  };
}
