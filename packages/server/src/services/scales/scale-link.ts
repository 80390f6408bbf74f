import { queuePatientMessage, type PatientMessageOutcome } from '../line/enqueue-patient-message.ts';
import { getClinic, markScaleLinkSent, newId, tokenId, type Db, type ScaleInstanceRow } from '@mimamori/storage';
import type { AppDeps } from '../../context.ts';
import { issuePatientLink, type IssuedPatientLink } from '../patient-link-service.ts';

export const QUESTIONNAIRE_PURPOSE = 'questionnaire';
/** A questionnaire link may be reopened (resume on another device) this many times. */
export const QUESTIONNAIRE_LINK_USES = 20;
/** The reminder goes out this long before the window closes. */
export const REMINDER_LEAD_MS = 24 * 3600_000;

export { qrSvgDataUrl } from '../qr-svg-data-url.ts';

/** A link that opens exactly this questionnaire of this patient until its window closes. */
export function issueQuestionnaireLink(deps: AppDeps, tx: Db, o: { readonly inst: ScaleInstanceRow; readonly createdBy: string | null }): Promise<IssuedPatientLink> {
  const { inst, createdBy } = o;
  return issuePatientLink(deps, tx, {
    clinicId: inst.clinic_id, patientId: inst.patient_id, purpose: QUESTIONNAIRE_PURPOSE, resourceId: inst.id, expiresAt: inst.closes_at,
    maxUses: QUESTIONNAIRE_LINK_USES, createdBy,
  });
}

function formatClose(iso: string, zone: string): { ja: string; en: string } {
  const d = new Date(iso);
  // The window closes at midnight; name the last day on which it is open.
  const last = new Date(d.getTime() - 60_000);
  return {
    ja: new Intl.DateTimeFormat('ja-JP', { timeZone: zone, month: 'long', day: 'numeric', weekday: 'short' }).format(last),
    en: new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'long' }).format(last),
  };
}

/**
 * Whose LINE may carry a questionnaire of this informant: the patient's own for their own answers
 * (never a guardian's LINE: a minor answers on their own link), a guardian's for a parent's report;
 * none for a teacher or a clinician (mail to the assignment's address only).
 */
export function questionnaireLineHolder(informant: string): 'patient' | 'guardian' | null {
  return informant === 'self' ? 'patient' : informant === 'parent' ? 'guardian' : null;
}

/** The dedupe key of an instance's invitation or reminder (a re-sent link has its own, per link). */
export function questionnaireMessageKey(kind: 'invite' | 'reminder', instanceId: string): string {
  return `questionnaire-${kind}:${instanceId}`;
}

/**
 * Queues the invitation, reminder or re-sent link for an instance, by mail to `to` and/or by LINE
 * as the patient prefers (discreet: the clinic's name, the link and the last day only). The dedupe
 * key makes it once per instance and kind. With no address and no LINE it is recorded as
 * undeliverable (outbox channel `none`). Returns `queued`, `duplicate` or `no_channel`.
 */
export async function sendQuestionnaireLink(deps: AppDeps, tx: Db, o: { inst: ScaleInstanceRow; to: string | null; kind: 'invite' | 'reminder' | 'resend'; link: IssuedPatientLink }): Promise<PatientMessageOutcome> {
  const clinic = await getClinic(tx, o.inst.clinic_id);
  const name = clinic?.name ?? '';
  const until = formatClose(o.inst.closes_at, clinic?.timeZone ?? 'Asia/Tokyo');
  const lead = o.kind !== 'reminder'
    ? { ja: 'ご回答のお願いがあります。', en: 'We would be grateful if you could answer a few questions.' }
    : { ja: 'ご回答の期限が近づいています（まだの方のみご回答ください）。', en: 'The time to answer is nearly over (only if you have not answered yet).' };
  const text = [
    `${name}`,
    '',
    lead.ja,
    `下のリンクを開いて「続ける」を押してください。回答期限: ${until.ja}`,
    o.link.url,
    o.kind !== 'invite' ? '以前お送りしたリンクは使えなくなりました。このリンクをお使いください。' : '',
    '途中で保存され、別の端末から続けることもできます。',
    '',
    lead.en,
    `Open the link above and press "Continue". Please answer by ${until.en}.`,
    o.kind !== 'invite' ? 'Earlier links no longer work; please use this one.' : '',
    'Your answers are saved as you go; you can continue on another device.',
    '',
    'このメールに心当たりがない場合は破棄してください。 / If this email is not for you, please delete it.',
  ].filter((l, i, a) => l !== '' || a[i - 1] !== '').join('\n');
  const now = deps.clock().toISOString();
  const holder = questionnaireLineHolder(o.inst.informant);
  const outcome = await queuePatientMessage(tx, {
    id: newId(), clinicId: o.inst.clinic_id, patientId: o.inst.patient_id, kind: `questionnaire_${o.kind}`, to: o.to ?? '',
    ...(holder ? { line: { url: o.link.url, until: until.ja, for: holder } } : {}),
    subject: o.kind === 'invite' ? `${name}からのお知らせ / A message from ${name}`
      : o.kind === 'resend' ? `${name}からのお知らせ（再送） / A message from ${name}` : `${name}からのお知らせ（再送） / A reminder from ${name}`,
    // Invitations and reminders go once per instance; each link staff re-send goes once.
    text, dedupeKey: o.kind === 'resend' ? `questionnaire-resend:${tokenId(o.link.token)}` : questionnaireMessageKey(o.kind, o.inst.id), notBefore: now, now,
  });
  if (outcome === 'queued' && o.kind === 'invite') await markScaleLinkSent(tx, { clinicId: o.inst.clinic_id, id: o.inst.id, now });
  return outcome;
}

/** `sendQuestionnaireLink`, answering only whether anything was queued now. */
export async function mailQuestionnaireLink(deps: AppDeps, tx: Db, o: { inst: ScaleInstanceRow; to: string | null; kind: 'invite' | 'reminder' | 'resend'; link: IssuedPatientLink }): Promise<boolean> {
  return (await sendQuestionnaireLink(deps, tx, o)) === 'queued';
}
