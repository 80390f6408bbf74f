import type { FastifyRequest } from 'fastify';
import { enqueuePatientMessage } from '../line/enqueue-patient-message.ts';
import { DomainError } from '@mimamori/core';
import type { IntakeAudience } from '@mimamori/core/intake/intake-definition';
import { ageOn } from '@mimamori/core/patients/patient';
import { getClinic, getPatient, insertIntake, listPatientIntakes, newId, type Db, type IntakeRow } from '@mimamori/storage';
import { newIntakeRow } from './new-intake-row.ts';
import { auditRequest } from '../../audit/audit.ts';
import { clinicDate } from '../../core-imports.ts';
import type { AppDeps } from '../../context.ts';
import { issuePatientLink, type IssuedPatientLink } from '../patient-link-service.ts';
import { currentIntakeDefinition } from './intake-definitions.ts';

/** Patient-link purpose of intake links; the session's resource id is the intake id. */
export const INTAKE_LINK_PURPOSE = 'intake';
/** A link may be reopened (resume on another device) this many times until it expires. */
export const INTAKE_LINK_MAX_USES = 50;
const DEFAULT_VALID_DAYS = 14;

export interface SendIntakeOptions {
  readonly clinicId: string;
  readonly patientId: string;
  /** The booked first visit this intake is for (the day list shows its status). */
  readonly appointmentId?: string | null;
  /** Who fills it in; by default `child` (a guardian) under 18 and `adult` otherwise. */
  readonly audience?: IntakeAudience;
  /** When the link stops working; e.g. the end of the visit day. Default: 14 days. */
  readonly expiresAt?: string;
  /** Queue the email with the link (default true; skipped quietly when there is no address). */
  readonly email?: boolean;
  /**
   * The caller may not see the link (its role cannot read intake answers): the email is sent
   * whatever `email` says, and a patient without an address is refused before anything changes.
   */
  readonly mailOnly?: boolean;
}

export interface SentIntake {
  readonly intakeId: string;
  /** True when an unfinished intake of this patient was reused (its answers are kept). */
  readonly reused: boolean;
  readonly link: IssuedPatientLink;
  /** False when no email was queued (no address, or `email: false`). */
  readonly mailQueued: boolean;
  readonly status: string;
}

function mailText(o: { clinicName: string; url: string; expiresAt: string; zone: string; lang: 'ja' | 'en' }): { subject: string; text: string } {
  const until = clinicDate(Date.parse(o.expiresAt), o.zone);
  // The subject says nothing clinical: it may show on a lock screen or a shared family inbox.
  return {
    subject: `${o.clinicName}からのご案内`,
    text: [
      `${o.clinicName}です。`,
      'ご来院の前に、下記のリンクからご質問への回答をお願いいたします（10〜20分ほど）。',
      '途中で中断しても、同じリンクから続きを入力できます。',
      '',
      o.url,
      '',
      `リンクの有効期限: ${until}`,
      'お心当たりのない場合は、このメールを破棄してください。',
      '',
      '---',
      `From ${o.clinicName}: before your visit, please answer a few questions at the link above (10–20 minutes).`,
      `You can stop and continue later from the same link. The link works until ${until}.`,
    ].join('\n'),
  };
}

/**
 * Sends the WEB問診 to a patient: creates the intake (or reuses the patient's unfinished one, so
 * nothing already typed is lost), issues a reusable patient link (purpose `intake`, resource = the
 * intake) and queues an email with a discreet subject, all in the caller's transaction `tx`, with
 * an audit row. Staff call it from the patient page; the reservations feature calls it when a first
 * visit is booked (pass `appointmentId` and `expiresAt` = the end of the visit day).
 */
export async function sendIntake(deps: AppDeps, tx: Db, req: FastifyRequest, o: SendIntakeOptions): Promise<SentIntake> {
  const patient = await getPatient(tx, o.clinicId, o.patientId);
  if (!patient) throw new DomainError('not_found', { key: 'intake_not_found' });
  const clinic = await getClinic(tx, o.clinicId);
  const zone = clinic?.timeZone ?? 'Asia/Tokyo';
  const now = deps.clock();
  const nowIso = now.toISOString();
  const today = clinicDate(now.getTime(), zone);
  const expiresAt = o.expiresAt ?? new Date(now.getTime() + DEFAULT_VALID_DAYS * 86_400_000).toISOString();
  if (!(expiresAt > nowIso)) throw new DomainError('validation', { key: 'intake_closed' });
  const audience: IntakeAudience = o.audience ?? (ageOn(patient.birth_date, today) < 18 ? 'child' : 'adult');

  const open = (await listPatientIntakes(tx, o.clinicId, o.patientId)).find(
    (i) => (i.status === 'sent' || i.status === 'started') && i.audience === audience && i.respondent !== 'adolescent' && i.expires_at > nowIso,
  );
  let intake: IntakeRow;
  if (open) {
    intake = open;
    await tx
      .updateTable('intakes')
      .set({ expires_at: expiresAt > open.expires_at ? expiresAt : open.expires_at, appointment_id: o.appointmentId ?? open.appointment_id, updated_at: nowIso })
      .where('clinic_id', '=', o.clinicId)
      .where('id', '=', open.id)
      .execute();
  } else {
    const def = await currentIntakeDefinition(deps, tx, o.clinicId);
    intake = newIntakeRow({
      clinicId: o.clinicId, patientId: o.patientId, appointmentId: o.appointmentId ?? null, definition: def,
      audience, respondent: audience === 'child' ? 'guardian' : 'patient', expiresAt, now: nowIso, createdBy: req.staff?.staffId ?? null,
    });
    await insertIntake(tx, intake);
  }
  const link = await issuePatientLink(deps, tx, {
    clinicId: o.clinicId, patientId: o.patientId, purpose: INTAKE_LINK_PURPOSE, resourceId: intake.id, expiresAt: open && open.expires_at > expiresAt ? open.expires_at : expiresAt,
    maxUses: INTAKE_LINK_MAX_USES, createdBy: req.staff?.staffId ?? null,
  });

  let mailQueued = false;
  if (o.email !== false || o.mailOnly) {
    const guardians = JSON.parse(patient.guardians_json) as ReadonlyArray<{ email?: string | null }>;
    const to = audience === 'child' ? (guardians.find((g) => g.email)?.email ?? patient.email) : (patient.email ?? guardians.find((g) => g.email)?.email);
    // Thrown inside the caller's transaction: the reused intake and the patient's own link stay as they were.
    if (!to && o.mailOnly) throw new DomainError('invalid_state', { key: 'patient_link_no_email' });
    if (to) {
      const m = mailText({ clinicName: clinic?.name ?? '', url: link.url, expiresAt: link.expiresAt, zone, lang: 'ja' });
      mailQueued = await enqueuePatientMessage(tx, {
        id: newId(), clinicId: o.clinicId, patientId: o.patientId, kind: 'intake_link', to, subject: m.subject, text: m.text,
        line: { url: link.url, ...(audience === 'child' ? { for: 'guardian' as const } : {}) },
        // One mail per issued link: re-sending issues a new link, so a retried request never mails twice.
        dedupeKey: `intake:${intake.id}:${link.token.slice(0, 16)}`, notBefore: nowIso, now: nowIso,
      });
    }
  }
  await auditRequest(deps, tx, req, {
    action: open ? 'intake.resend' : 'intake.send', resource: 'intake', resourceId: intake.id, patientId: o.patientId, clinicId: o.clinicId,
    detail: mailQueued ? 'mail queued' : 'no mail',
  });
  return { intakeId: intake.id, reused: Boolean(open), link, mailQueued, status: intake.status };
}
