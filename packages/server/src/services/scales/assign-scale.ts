import { DomainError } from '@mimamori/core';
import { hasPermission } from '@mimamori/core/auth/permissions';
import { ageOn } from '@mimamori/core/patients/patient';
import { scaleAgeIssue, type Informant } from '@mimamori/core/scales/index';
import { addDays } from '@mimamori/core/time/local-date';
import { zonedToInstant } from '@mimamori/core/time/zoned-to-instant';
import {
  cancelScaleAssignment, getClinic, getPatient, getScaleAssignment, insertScaleAssignment, insertScaleInstance, newId, type Db, type ScaleInstanceRow,
} from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { resolveScaleDefinition } from './resolve-scale-definition.ts';
import { questionnaireRecipient } from './questionnaire-recipient.ts';
import { patientReachable } from '../line/enqueue-patient-message.ts';
import { issueQuestionnaireLink, mailQuestionnaireLink, qrSvgDataUrl, questionnaireLineHolder } from './scale-link.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';

export interface AssignScaleInput {
  readonly patientId: string;
  readonly scaleId: string;
  readonly informant: Exclude<Informant, 'clinician'>;
  /** `once`, or `recurring` every `intervalDays` for `occurrences` administrations. */
  readonly kind: 'once' | 'recurring';
  /** Clinic date the first window opens. */
  readonly startDate: string;
  readonly intervalDays?: number;
  readonly occurrences?: number;
  /** Days each window stays open (1 = only that day). */
  readonly windowDays: number;
  /** Send links here (default: the patient's email). */
  readonly email?: string | null;
  readonly note?: string | null;
}

export const MAX_OCCURRENCES = 60;

/** The administrations an assignment makes: window opening and closing instants. */
export function assignmentWindows(o: { startDate: string; kind: 'once' | 'recurring'; intervalDays?: number; occurrences?: number; windowDays: number; zone: string }) {
  const n = o.kind === 'once' ? 1 : (o.occurrences ?? 1);
  const step = o.kind === 'once' ? 0 : (o.intervalDays ?? 0);
  return Array.from({ length: n }, (_, k) => {
    const date = addDays(o.startDate, k * step);
    return {
      seq: k + 1,
      opensAt: new Date(zonedToInstant({ date, time: '00:00', zone: o.zone })).toISOString(),
      closesAt: new Date(zonedToInstant({ date: addDays(date, o.windowDays), time: '00:00', zone: o.zone })).toISOString(),
    };
  });
}

/**
 * A doctor assigns a scale: stores the assignment and one instance per administration; the
 * instances whose window is already open get their link now (mailed when there is an address),
 * later ones are delivered by the delivery job. Returns the first open instance's link and QR
 * code for staff to show or copy into LINE.
 */
export async function assignScale(ctx: RequestContext, input: AssignScaleInput) {
  const a = requireStaff(ctx);
  const { patientId } = input;
  const db = ctx.db.db;
  const definition = await resolveScaleDefinition(db, { clinicId: a.clinicId, scaleId: input.scaleId });
  if (!definition.informants.includes(input.informant)) {
    throw new DomainError('validation', { key: 'scale_informant_invalid', params: { scale: definition.shortName, informant: input.informant }, issues: [{ path: 'informant', key: 'scale_informant_invalid' }] });
  }
  if (definition.textSource.kind === 'none' || definition.items.some((i) => !i.text)) {
    throw new DomainError('validation', { key: 'scale_no_text', params: { scale: definition.shortName }, issues: [{ path: 'scaleId', key: 'scale_no_text' }] });
  }
  if (input.kind === 'recurring' && (!input.intervalDays || !input.occurrences)) {
    throw new DomainError('validation', { issues: [{ path: input.intervalDays ? 'occurrences' : 'intervalDays', key: 'required' }] });
  }
  if (input.kind === 'recurring' && input.windowDays > input.intervalDays!) {
    throw new DomainError('validation', { key: 'scale_window_too_long', issues: [{ path: 'windowDays', key: 'scale_window_too_long' }] });
  }
  const out = await writeTx(ctx, async (tx) => {
    const patient = await getPatient(tx, a.clinicId, patientId);
    if (!patient) throw new DomainError('not_found');
    const clinic = await getClinic(tx, a.clinicId);
    const zone = clinic?.timeZone ?? 'Asia/Tokyo';
    const now = ctx.clock().toISOString();
    // A scale is only given in the age range it is validated for (PHQ-9 from 13).
    const age = patient.birth_date ? ageOn(patient.birth_date, clinicDate(ctx.clock().getTime(), zone)) : null;
    const range = scaleAgeIssue(definition, age);
    if (range) {
      throw new DomainError('validation', {
        key: 'scale_age_out_of_range', params: { scale: definition.shortName, min: range.min ?? '', max: range.max ?? '' }, issues: [{ path: 'scaleId', key: 'scale_age_out_of_range' }],
      });
    }
    const windows = assignmentWindows({ ...input, zone });
    if (windows[windows.length - 1]!.closesAt <= now) {
      throw new DomainError('validation', { key: 'scale_window_past', issues: [{ path: 'startDate', key: 'scale_window_past' }] });
    }
    const assignmentId = newId();
    await insertScaleAssignment(tx, {
      id: assignmentId, clinic_id: a.clinicId, patient_id: patientId, scale_id: definition.id, informant: input.informant, kind: input.kind,
      start_date: input.startDate, interval_days: input.kind === 'recurring' ? input.intervalDays! : null, occurrences: windows.length,
      window_days: input.windowDays, email: input.email ?? null, note: input.note ?? null, created_by: a.staffId, created_at: now, cancelled_at: null, cancelled_by: null,
    });
    const instances: ScaleInstanceRow[] = [];
    for (const w of windows) {
      const row: ScaleInstanceRow = {
        id: newId(), clinic_id: a.clinicId, patient_id: patientId, assignment_id: assignmentId, scale_id: definition.id, informant: input.informant,
        seq: w.seq, opens_at: w.opensAt, closes_at: w.closesAt, status: 'open', draft_json: '{}', draft_updated_at: null, response_id: null,
        link_sent_at: null, created_at: now,
      };
      await insertScaleInstance(tx, row);
      instances.push(row);
    }
    const first = instances.find((i) => i.opens_at <= now && i.closes_at > now);
    let link: { url: string; expiresAt: string; instanceId: string; mailed: boolean } | null = null;
    if (first) {
      const issued = await issueQuestionnaireLink(ctx, tx, { inst: first, createdBy: a.staffId });
      const to = questionnaireRecipient({ informant: input.informant, assignmentEmail: input.email, patient, today: clinicDate(ctx.clock().getTime(), zone) });
      // By mail and/or LINE; with neither, the outbox shows it as undeliverable and staff hand the link over.
      const mailed = await mailQuestionnaireLink(ctx, tx, { inst: first, to, kind: 'invite', link: issued });
      link = { url: issued.url, expiresAt: issued.expiresAt, instanceId: first.id, mailed };
    }
    await audit(ctx, tx, { action: 'scale_assignment.create', resource: 'scale_assignment', resourceId: assignmentId, patientId, detail: `scale=${definition.id} n=${windows.length}` });
    return { assignmentId, instances: instances.map((i) => ({ id: i.id, seq: i.seq, opensAt: i.opens_at, closesAt: i.closes_at })), link };
  });
  return { ...out, link: out.link ? { ...out.link, qr: await qrSvgDataUrl(out.link.url) } : null };
}

export async function cancelAssignment(ctx: RequestContext, id: string) {
  const a = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    const row = await getScaleAssignment(tx, a.clinicId, id);
    if (!row) throw new DomainError('not_found');
    if (!(await cancelScaleAssignment(tx, { clinicId: a.clinicId, id, staffId: a.staffId, now: ctx.clock().toISOString() }))) throw new DomainError('invalid_state');
    await audit(ctx, tx, { action: 'scale_assignment.cancel', resource: 'scale_assignment', resourceId: id, patientId: row.patient_id });
  });
}

/**
 * Staff ask for the link of an open instance again (e.g. to show the QR code): a new link, the old
 * one stops working. Doctors and nurses (who may read the answers) get the link and QR code; for
 * reception and administrators it is mailed to the patient instead, since the link opens the draft.
 */
export async function reissueInstanceLink(ctx: RequestContext, instanceId: string) {
  const a = requireStaff(ctx);
  const shown = hasPermission(a.role, 'scales:read');
  const link = await writeTx(ctx, async (tx: Db) => {
    const inst = await tx.selectFrom('scale_instances').selectAll().where('clinic_id', '=', a.clinicId).where('id', '=', instanceId).executeTakeFirst();
    if (!inst) throw new DomainError('not_found');
    const now = ctx.clock().toISOString();
    if (inst.status !== 'open' || inst.closes_at <= now) throw new DomainError('invalid_state', { key: 'scale_instance_closed' });
    if (inst.opens_at > now) throw new DomainError('invalid_state', { key: 'scale_instance_not_open' });
    let to: string | null = null;
    if (!shown) {
      const [assignment, patient] = await Promise.all([inst.assignment_id ? getScaleAssignment(tx, a.clinicId, inst.assignment_id) : undefined, getPatient(tx, a.clinicId, inst.patient_id)]);
      const clinic = await getClinic(tx, a.clinicId);
      to = questionnaireRecipient({ informant: inst.informant, assignmentEmail: assignment?.email, patient, today: clinicDate(ctx.clock().getTime(), clinic?.timeZone ?? 'Asia/Tokyo') });
      const holder = questionnaireLineHolder(inst.informant);
      if (!(await patientReachable(tx, { clinicId: a.clinicId, patientId: inst.patient_id, to, ...(holder ? { holder } : { lineOff: true }) }))) {
        throw new DomainError('invalid_state', { key: 'patient_link_no_email' });
      }
    }
    const issued = await issueQuestionnaireLink(ctx, tx, { inst, createdBy: a.staffId });
    if (!shown) await mailQuestionnaireLink(ctx, tx, { inst, to, kind: 'resend', link: issued });
    await audit(ctx, tx, { action: 'scale_instance.link', resource: 'scale_instance', resourceId: inst.id, patientId: inst.patient_id, detail: shown ? 'shown' : 'sent' });
    return issued;
  });
  if (!shown) return { mailed: true as const, expiresAt: link.expiresAt };
  return { url: link.url, expiresAt: link.expiresAt, qr: await qrSvgDataUrl(link.url), mailed: false as const };
}
