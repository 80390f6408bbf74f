import { DomainError } from '@mimamori/core';
import { ADOLESCENT_MIN_AGE, intakePartDefinition } from '@mimamori/core/intake/intake-part-definition';
import { ageOn } from '@mimamori/core/patients/patient';
import { getClinic, getPatient, listPatientIntakes, type Db } from '@mimamori/storage';
import { clinicDate } from '../../core-imports.ts';
import type { RequestContext } from '../../request-context.ts';
import { currentIntakeDefinition } from './intake-definitions.ts';
import { patientReachable } from '../line/enqueue-patient-message.ts';
import { deliveryWords, issueIntakeLink, type IssuedIntakeLink } from './issue-intake-link.ts';

const DEFAULT_VALID_DAYS = 14;

export interface SendAdolescentIntakeOptions {
  readonly clinicId: string;
  readonly patientId: string;
  readonly appointmentId?: string | null;
  readonly expiresAt?: string;
  /** Mail the link to the adolescent's own address (default true; never to a guardian's). */
  readonly email?: boolean;
  /** The caller may not see the link: it must be mailed to the adolescent's own address. */
  readonly mailOnly?: boolean;
}

export type SentAdolescentIntake = IssuedIntakeLink;

/**
 * The adolescent's own address: the patient's email when it is not also a guardian's. A link sent
 * to a shared or parent's inbox would let the guardian open the adolescent's answers.
 */
export function adolescentOwnEmail(patient: { email: string | null; guardians_json: string }): string | null {
  if (!patient.email) return null;
  const guardians = JSON.parse(patient.guardians_json) as ReadonlyArray<{ email?: string | null }>;
  const own = patient.email.trim().toLowerCase();
  return guardians.some((g) => (g.email ?? '').trim().toLowerCase() === own) ? null : patient.email;
}

function mailText(o: { clinicName: string; url: string; until: string }): { subject: string; text: string } {
  // Discreet: the subject names only the clinic; the text says nothing clinical.
  return {
    subject: `${o.clinicName}からのご案内`,
    text: [
      `${o.clinicName}です。`,
      'あなたご本人に答えてもらう質問があります。下のリンクから回答してください（5〜10分ほど）。',
      'あなたの回答は病院のスタッフが読みます。保護者の方の画面には表示されません。',
      '',
      o.url,
      '',
      `リンクの有効期限: ${o.until}`,
      'お心当たりのない場合は、このメールを破棄してください。',
      '',
      '---',
      `From ${o.clinicName}: a few questions for you to answer yourself (5–10 minutes). Clinic staff read your answers; they are not shown to your parent or guardian. The link works until ${o.until}.`,
    ].join('\n'),
  };
}

/**
 * Issues the adolescent's own part of the WEB問診 (patients aged 12–17): a separate intake
 * (respondent `adolescent`) with its own patient link, so that the adolescent answers on their own
 * session and the guardian's session (scoped to the guardian's intake) can never open these
 * answers. Reuses an unfinished adolescent intake, keeping what was typed. The link is mailed only
 * to the adolescent's own address; otherwise staff hand it over in person (link or QR code).
 */
export async function sendAdolescentIntake(ctx: RequestContext, tx: Db, o: SendAdolescentIntakeOptions): Promise<SentAdolescentIntake> {
  const patient = await getPatient(tx, o.clinicId, o.patientId);
  if (!patient) throw new DomainError('not_found', { key: 'intake_not_found' });
  const clinic = await getClinic(tx, o.clinicId);
  const zone = clinic?.timeZone ?? 'Asia/Tokyo';
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const today = clinicDate(now.getTime(), zone);
  const age = ageOn(patient.birth_date, today);
  if (age < ADOLESCENT_MIN_AGE || age >= 18) {
    throw new DomainError('validation', { key: 'intake_not_adolescent', params: { age, min: ADOLESCENT_MIN_AGE }, issues: [{ path: 'patientId', key: 'intake_not_adolescent' }] });
  }
  const def = await currentIntakeDefinition(ctx, tx, o.clinicId);
  if (!intakePartDefinition(def, { respondent: 'adolescent', ageYears: age })) throw new DomainError('invalid_state', { key: 'intake_no_adolescent_part' });
  const expiresAt = o.expiresAt ?? new Date(now.getTime() + DEFAULT_VALID_DAYS * 86_400_000).toISOString();
  if (!(expiresAt > nowIso)) throw new DomainError('validation', { key: 'intake_closed' });
  const send = o.email !== false || Boolean(o.mailOnly);
  const to = send ? adolescentOwnEmail(patient) : null;
  // Refused before anything changes: whoever cannot see the link needs the adolescent's own address or own LINE.
  if (o.mailOnly && !(await patientReachable(tx, { clinicId: o.clinicId, patientId: o.patientId, to, holder: 'patient' }))) {
    throw new DomainError('invalid_state', { key: 'intake_adolescent_no_email' });
  }

  const open = (await listPatientIntakes(tx, o.clinicId, o.patientId)).find(
    (i) => (i.status === 'sent' || i.status === 'started') && i.respondent === 'adolescent' && i.expires_at > nowIso,
  );
  const linkExpiresAt = open && open.expires_at > expiresAt ? open.expires_at : expiresAt;
  return issueIntakeLink(ctx, tx, {
    clinicId: o.clinicId, patientId: o.patientId, open, to, send, linkExpiresAt,
    // Only to the patient's own LINE: a guardian's LINE never carries the adolescent's link.
    line: { for: 'patient' },
    fresh: { appointmentId: o.appointmentId ?? null, definition: def, audience: 'child', respondent: 'adolescent', expiresAt, now: nowIso },
    reopen: { expires_at: linkExpiresAt },
    mail: (link) => mailText({ clinicName: clinic?.name ?? '', url: link.url, until: clinicDate(Date.parse(link.expiresAt), zone) }),
    auditDetail: (delivery) => `adolescent; ${deliveryWords(delivery)}`,
  });
}
