import { DomainError } from '@mimamori/core';
import type { IntakeAudience } from '@mimamori/core/intake/intake-definition';
import { ageOn } from '@mimamori/core/patients/patient';
import { getClinic, getPatient, listPatientIntakes, type Db } from '@mimamori/storage';
import { clinicDate } from '../../core-imports.ts';
import type { RequestContext } from '../../request-context.ts';
import { patientReachable } from '../line/enqueue-patient-message.ts';
import { currentIntakeDefinition } from './intake-definitions.ts';
import { deliveryWords, issueIntakeLink, type IssuedIntakeLink } from './issue-intake-link.ts';

export { INTAKE_LINK_MAX_USES, INTAKE_LINK_PURPOSE } from './issue-intake-link.ts';
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

export type SentIntake = IssuedIntakeLink;

/** The invitation, in Japanese then English in one mail (the recipient's language is not known). */
function mailText(o: { clinicName: string; url: string; expiresAt: string; zone: string }): { subject: string; text: string } {
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
 * an audit row (`issueIntakeLink`). Staff call it from the patient page; the reservations feature
 * calls it when a first visit is booked (pass `appointmentId` and `expiresAt` = the end of the
 * visit day).
 */
export async function sendIntake(ctx: RequestContext, tx: Db, o: SendIntakeOptions): Promise<SentIntake> {
  const patient = await getPatient(tx, o.clinicId, o.patientId);
  if (!patient) throw new DomainError('not_found', { key: 'intake_not_found' });
  const clinic = await getClinic(tx, o.clinicId);
  const zone = clinic?.timeZone ?? 'Asia/Tokyo';
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const today = clinicDate(now.getTime(), zone);
  const expiresAt = o.expiresAt ?? new Date(now.getTime() + DEFAULT_VALID_DAYS * 86_400_000).toISOString();
  if (!(expiresAt > nowIso)) throw new DomainError('validation', { key: 'intake_closed' });
  const audience: IntakeAudience = o.audience ?? (ageOn(patient.birth_date, today) < 18 ? 'child' : 'adult');

  let to: string | null = null;
  const send = o.email !== false || Boolean(o.mailOnly);
  const line = audience === 'child' ? { for: 'guardian' as const } : {};
  if (send) {
    const guardians = JSON.parse(patient.guardians_json) as ReadonlyArray<{ email?: string | null }>;
    to = (audience === 'child' ? (guardians.find((g) => g.email)?.email ?? patient.email) : (patient.email ?? guardians.find((g) => g.email)?.email)) ?? null;
    // Refused before anything changes: whoever may not see the link needs an address or a LINE link to send it to.
    if (o.mailOnly && !(await patientReachable(tx, { clinicId: o.clinicId, patientId: o.patientId, to, holder: line.for }))) {
      throw new DomainError('invalid_state', { key: 'patient_link_no_email' });
    }
  }
  const open = (await listPatientIntakes(tx, o.clinicId, o.patientId)).find(
    (i) => (i.status === 'sent' || i.status === 'started') && i.audience === audience && i.respondent !== 'adolescent' && i.expires_at > nowIso,
  );
  const linkExpiresAt = open && open.expires_at > expiresAt ? open.expires_at : expiresAt;
  return issueIntakeLink(ctx, tx, {
    clinicId: o.clinicId, patientId: o.patientId, open, to, send, linkExpiresAt,
    fresh: {
      appointmentId: o.appointmentId ?? null, definition: await currentIntakeDefinition(ctx, tx, o.clinicId),
      audience, respondent: audience === 'child' ? 'guardian' : 'patient', expiresAt, now: nowIso,
    },
    reopen: { expires_at: linkExpiresAt, appointment_id: o.appointmentId ?? open?.appointment_id ?? null },
    mail: (link) => mailText({ clinicName: clinic?.name ?? '', url: link.url, expiresAt: link.expiresAt, zone }),
    line,
    auditDetail: deliveryWords,
  });
}
