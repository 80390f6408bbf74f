import { DomainError } from '@mimamori/core';
import { clinicDate } from '@mimamori/core/time/index';
import { lineAmount, type TaxCategory } from '@mimamori/core/billing/index';
import { findChargeBySource, getPatient, insertChargeOnce, listPriceItems, newId, type Db } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { billingClinic } from './billing-settings.ts';
import type { ChargeEvent, ChargeView, PriceItemView } from './billing-views.ts';
import { currentItems } from './price-list-service.ts';

export type { ChargeView };


export function chargeView(r: { id: string; patient_id: string; item_code: string; name_ja: string; name_en: string; service_date: string; quantity: number; unit_price_yen: number; amount_yen: number; tax_category: string; source_type: string; reason: string | null; payment_id?: string | null }): ChargeView {
  return {
    id: r.id, patientId: r.patient_id, code: r.item_code, name: { ja: r.name_ja, en: r.name_en }, date: r.service_date, quantity: r.quantity, unitPriceYen: r.unit_price_yen,
    amountYen: r.amount_yen, taxCategory: r.tax_category as TaxCategory, source: r.source_type, reason: r.reason, paymentId: r.payment_id ?? null,
  };
}

function pickEventItem(items: ReadonlyArray<PriceItemView>, event: ChargeEvent, programId: string | null): PriceItemView | undefined {
  const forEvent = items.filter((i) => i.event === event);
  return forEvent.find((i) => programId !== null && i.programId === programId) ?? forEvent.find((i) => i.programId === null);
}

/**
 * Charges a completed treatment session, in the transaction that records it: the price-list item
 * for the event (the program's own item first, then the clinic's), at the price in force on the
 * session's clinic date. Nothing is charged when the patient's course was charged as a whole (the
 * session is part of it) or when the list has no item for the event; a session is never charged
 * twice (the unique index on the charge's source). Returns the charge id, or null.
 */
export async function chargeCompletedSession(ctx: RequestContext, tx: Db, o: {
  readonly clinicId: string; readonly patientId: string; readonly sessionId: string; readonly kind: 'infusion' | 'tms';
  readonly startedAt: string; readonly programId: string; readonly enrolmentId: string;
}): Promise<string | null> {
  if (await findChargeBySource(tx, { clinicId: o.clinicId, sourceType: 'program_course', sourceId: o.enrolmentId })) return null;
  const { zone } = await billingClinic(tx, o.clinicId);
  const date = clinicDate(o.startedAt, zone);
  const event: ChargeEvent = o.kind === 'infusion' ? 'infusion_session' : 'tms_session';
  const item = pickEventItem(currentItems(await listPriceItems(tx, o.clinicId), date), event, o.programId);
  if (!item) return null;
  const id = newId();
  const inserted = await insertChargeOnce(tx, {
    id, clinic_id: o.clinicId, patient_id: o.patientId, item_code: item.code, name_ja: item.name.ja, name_en: item.name.en, service_date: date, quantity: 1,
    unit_price_yen: item.priceYen, amount_yen: item.priceYen, tax_category: item.taxCategory, source_type: event, source_id: o.sessionId, reason: null, created_by: null,
    created_at: ctx.clock().toISOString(),
  });
  if (!inserted) return null;
  await audit(ctx, tx, { action: 'billing.charge', resource: 'billing_charge', resourceId: id, patientId: o.patientId, detail: `source=${event};yen=${item.priceYen}` });
  return id;
}

/**
 * The program a completed visit screened the patient for: the program of a recruitment application
 * whose screening visit this appointment is, else of the patient's enrolment still in screening
 * (the newest). Null: an ordinary visit (insured care, billed by the レセコン, not here).
 */
async function screenedProgram(tx: Db, o: { readonly clinicId: string; readonly patientId: string; readonly appointmentId: string }): Promise<string | null> {
  const application = await tx.selectFrom('recruitment_applications').select('program_id')
    .where('clinic_id', '=', o.clinicId).where('appointment_id', '=', o.appointmentId).executeTakeFirst();
  if (application) return application.program_id;
  const enrolment = await tx.selectFrom('program_enrolments').select('program_id')
    .where('clinic_id', '=', o.clinicId).where('patient_id', '=', o.patientId).where('status', '=', 'screening')
    .orderBy('created_at', 'desc').executeTakeFirst();
  return enrolment?.program_id ?? null;
}

/**
 * Charges a completed program screening visit, in the transaction that marks the appointment
 * completed: the price-list item of the `screening_visit` event (the program's own first, then the
 * clinic's), at the price in force on the visit's clinic date. A visit is a screening visit when a
 * recruitment application booked it or the patient's enrolment is in screening; other visits are
 * not charged here. Once per appointment (the unique index on the charge's source). Returns the
 * charge id, or null.
 */
export async function chargeScreeningVisit(ctx: RequestContext, tx: Db, o: {
  readonly clinicId: string; readonly patientId: string; readonly appointmentId: string; readonly startedAt: string;
}): Promise<string | null> {
  const programId = await screenedProgram(tx, o);
  if (!programId) return null;
  const { zone } = await billingClinic(tx, o.clinicId);
  const date = clinicDate(o.startedAt, zone);
  const item = pickEventItem(currentItems(await listPriceItems(tx, o.clinicId), date), 'screening_visit', programId);
  if (!item) return null;
  const id = newId();
  const inserted = await insertChargeOnce(tx, {
    id, clinic_id: o.clinicId, patient_id: o.patientId, item_code: item.code, name_ja: item.name.ja, name_en: item.name.en, service_date: date, quantity: 1,
    unit_price_yen: item.priceYen, amount_yen: item.priceYen, tax_category: item.taxCategory, source_type: 'screening_visit', source_id: o.appointmentId, reason: null,
    created_by: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null, created_at: ctx.clock().toISOString(),
  });
  if (!inserted) return null;
  await audit(ctx, tx, { action: 'billing.charge', resource: 'billing_charge', resourceId: id, patientId: o.patientId, detail: `source=screening_visit;program=${programId};yen=${item.priceYen}` });
  return id;
}

/**
 * Adds a charge at reception from a price-list item: a screening visit, a document, a course
 * (prepaid as a whole for one enrolment — once: a course is charged at most once per enrolment), or
 * anything else with the reason it is charged by hand. Priced from the list in force on the date.
 */
export async function addCharge(ctx: RequestContext, input: {
  readonly patientId: string; readonly code: string; readonly quantity: number; readonly date?: string; readonly reason?: string; readonly enrolmentId?: string;
}): Promise<ChargeView> {
  const staff = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    if (!(await getPatient(tx, staff.clinicId, input.patientId))) throw new DomainError('not_found', { key: 'billing.patient_not_found' });
    const { zone } = await billingClinic(tx, staff.clinicId);
    const date = input.date ?? clinicDate(ctx.clock().toISOString(), zone);
    const item = currentItems(await listPriceItems(tx, staff.clinicId), date).find((i) => i.code === input.code);
    if (!item) throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'code', key: 'billing.no_price', params: { code: input.code, date } }] });
    const course = item.sessions !== null;
    const reason = input.reason?.trim() || null;
    if (course && !input.enrolmentId) throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'enrolmentId', key: 'billing.course_enrolment' }] });
    if (course) {
      const e = await tx.selectFrom('program_enrolments').select(['patient_id', 'program_id']).where('clinic_id', '=', staff.clinicId).where('id', '=', input.enrolmentId!).executeTakeFirst();
      if (!e || e.patient_id !== input.patientId || e.program_id !== item.programId) {
        throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'enrolmentId', key: 'billing.course_enrolment' }] });
      }
    }
    if (!course && !reason) throw new DomainError('validation', { key: 'billing.invalid', issues: [{ path: 'reason', key: 'billing.reason_required' }] });
    const quantity = course ? 1 : input.quantity;
    const id = newId();
    const amount = lineAmount({ quantity, unitPriceYen: item.priceYen });
    const row = {
      id, clinic_id: staff.clinicId, patient_id: input.patientId, item_code: item.code, name_ja: item.name.ja, name_en: item.name.en, service_date: date, quantity,
      unit_price_yen: item.priceYen, amount_yen: amount, tax_category: item.taxCategory, source_type: course ? 'program_course' : 'manual', source_id: course ? input.enrolmentId! : null,
      reason, created_by: staff.staffId, created_at: ctx.clock().toISOString(),
    };
    if (!(await insertChargeOnce(tx, row))) throw new DomainError('conflict', { key: 'billing.already_charged' });
    await audit(ctx, tx, { action: 'billing.charge', resource: 'billing_charge', resourceId: id, patientId: input.patientId, detail: `source=${row.source_type};code=${item.code};yen=${amount}` });
    return chargeView(row);
  });
}
