import { DomainError } from '@mimamori/core';
import { formatClinicDateTime } from '@mimamori/core/time/format-clinic-date';
import { instantToZoned } from '@mimamori/core/time/instant-to-zoned';
import { getClinic, newId, type Db } from '@mimamori/storage';
import type { RequestContext } from '../../request-context.ts';
import { queuePatientMessage, type PatientMessageOutcome } from '../line/enqueue-patient-message.ts';

/** The parts of an application the call-back message needs. */
export interface CallbackApplication {
  readonly id: string;
  readonly clinicId: string;
  /** The patient the application became, once linked (then their LINE may carry it). */
  readonly patientId: string | null;
  /** The address the applicant gave on the form, if any. */
  readonly email: string | null;
}

/** How far ahead a call-back may be scheduled (a typo of the year should not go out). */
const MAX_AHEAD_MS = 60 * 86_400_000;

/**
 * Queues, in the queue step's transaction, the message that tells an applicant the clinic has
 * called or will call back: by mail to the form's address and, once the application is a linked
 * patient, by LINE as that patient prefers (`queuePatientMessage`). Discreet: the clinic's name,
 * the time of the call and its phone number — never the program, the treatment or the complaint.
 * With neither an address nor a LINE link the outbox shows it as undeliverable (the phone call
 * is then the only contact). `callbackAt` must lie ahead, within 60 days.
 */
export async function queueCallbackMessage(ctx: RequestContext, tx: Db, o: { readonly application: CallbackApplication; readonly callbackAt: string | null }): Promise<PatientMessageOutcome> {
  const now = ctx.clock();
  const at = o.callbackAt === null ? null : Date.parse(o.callbackAt);
  if (at !== null && (!Number.isFinite(at) || at <= now.getTime() || at > now.getTime() + MAX_AHEAD_MS)) {
    throw new DomainError('validation', { key: 'application.callback_time', issues: [{ path: 'callbackAt', key: 'application.callback_time' }] });
  }
  const clinic = await getClinic(tx, o.application.clinicId);
  const name = clinic?.name ?? '';
  const zone = clinic?.timeZone ?? 'Asia/Tokyo';
  const phone = (await tx.selectFrom('scheduling_settings').select('clinic_phone').where('clinic_id', '=', o.application.clinicId).executeTakeFirst())?.clinic_phone ?? '';
  const z = at === null ? null : instantToZoned(at, zone);
  const when = z ? { ja: formatClinicDateTime(`${z.date} ${z.time}`, 'ja'), en: formatClinicDateTime(`${z.date} ${z.time}`, 'en') } : null;
  const text = [
    `${name}です。`,
    when ? `お問い合わせの件で、${when.ja}ごろにお電話いたします。` : 'お問い合わせの件で、お電話でご連絡いたしました（つながらなかった場合は改めておかけします）。',
    phone ? `お急ぎの場合やご都合が悪い場合は ${phone} までお電話ください。` : '',
    '',
    '---',
    when ? `From ${name}: about your enquiry, we will call you around ${when.en}.` : `From ${name}: about your enquiry, we have called you (if we did not reach you, we will call again).`,
    phone ? `If the time does not suit you, please call ${phone}.` : '',
    '',
    'お心当たりのない場合は、このメッセージを破棄してください。 / If this is not for you, please delete it.',
  ].filter((l, i, a) => l !== '' || a[i - 1] !== '').join('\n');
  const nowIso = now.toISOString();
  return queuePatientMessage(tx, {
    id: newId(), clinicId: o.application.clinicId, patientId: o.application.patientId, kind: 'recruitment_callback', to: o.application.email ?? '',
    subject: `${name}からのご連絡`, text, line: { when: when?.ja ?? null },
    // One message per application and call-back time: a retried request never sends twice.
    dedupeKey: `recruitment-callback:${o.application.id}:${o.callbackAt ?? 'called'}`, notBefore: nowIso, now: nowIso,
  });
}
