import { randomUUID } from 'node:crypto';
import { chooseChannels, lineNoticeKind, lineNoticeText, parseLinePreference, undeliverableShown } from '@mimamori/core/line/index';
import { enqueueMail, getClinic, getLineChannel, listLineLinks, newId, type Db, type LineLinkRow, type NewOutboxMessage } from '@mimamori/storage';

/** What a LINE message about the same event says besides the clinic's name: a time and a link. */
export interface LineNoticeParts {
  /** The appointment's time as the mail writes it. */
  readonly when?: string | null;
  /** The link into the patient pages (the same one the mail carries). */
  readonly url?: string | null;
  /** Until when the link works (clinic time, as text). */
  readonly until?: string | null;
  /** Only to a LINE of this holder (e.g. a guardian's part of the intake never to the adolescent's own LINE). */
  readonly for?: 'guardian' | 'patient';
}

/** What became of one patient message: queued, queued before (same dedupe key), or no way to reach the patient. */
export type PatientMessageOutcome = 'queued' | 'duplicate' | 'no_channel';

/** The outbox channel of a message that could go nowhere: never sent, shown to staff as failed. */
export const NO_CHANNEL = 'none';

/** The active LINE links of a patient that may carry a message for `holder`, as each holder prefers. */
async function lineTargets(tx: Db, o: { clinicId: string; patientId: string; hasEmail: boolean; holder?: 'guardian' | 'patient' }): Promise<LineLinkRow[]> {
  const [channel, links] = await Promise.all([getLineChannel(tx, o.clinicId), listLineLinks(tx, o.clinicId, o.patientId)]);
  const enabled = channel?.enabled === 1;
  return links.filter((l) => l.status === 'active' && (!o.holder || (l.as_guardian === 1) === (o.holder === 'guardian'))
    && chooseChannels({ preference: parseLinePreference(l.preference), linkActive: true, channelEnabled: enabled, hasEmail: o.hasEmail }).line);
}

/**
 * Whether a message to this patient can go anywhere: an address, or an active LINE link of the
 * holder named on a LINE channel that is on (`lineOff`: a message that never goes by LINE). Callers
 * that must refuse or skip before they issue a link ask this first.
 */
export async function patientReachable(tx: Db, o: { clinicId: string; patientId: string; to: string | null; holder?: 'guardian' | 'patient'; lineOff?: boolean }): Promise<boolean> {
  if (o.to) return true;
  if (o.lineOff) return false;
  return (await lineTargets(tx, { clinicId: o.clinicId, patientId: o.patientId, hasEmail: false, holder: o.holder })).length > 0;
}

/**
 * Records, once per dedupe key, that a patient message could not go out (no address, no active
 * LINE): an outbox row on channel `none`, failed, with no link in its text, so staff see it in the
 * outbox beside the other failures and hand the link over in person. Returns whether it was new.
 */
export async function recordUndeliverable(tx: Db, m: Pick<NewOutboxMessage, 'clinicId' | 'patientId' | 'kind' | 'subject' | 'dedupeKey' | 'now'>): Promise<boolean> {
  const key = m.dedupeKey ? `${m.dedupeKey}:${NO_CHANNEL}` : null;
  if (key && (await tx.selectFrom('outbox').select('id').where('dedupe_key', '=', key).executeTakeFirst())) return false;
  await tx.insertInto('outbox').values({
    id: newId(), clinic_id: m.clinicId, patient_id: m.patientId, kind: m.kind, to_address: '', subject: m.subject,
    body_text: '送信先がありません（メールアドレスも LINE の連携もありません）。リンクは窓口でお渡しください。\nNo address and no LINE link: hand the link over in person.',
    attachments_json: '[]', dedupe_key: key, status: 'failed', attempts: 0, next_attempt_at: m.now, lease_until: null, last_error: 'no_channel',
    created_at: m.now, sent_at: null, message_id: null, channel: NO_CHANNEL, retry_key: null, fallback_of: null,
  }).execute();
  return true;
}

/**
 * The one channel-choosing function of patient messages: queues, in the caller's transaction, the
 * mail and/or the LINE message of one event as the patient prefers (LINE, mail, both) and as can be
 * delivered (the clinic's LINE channel on, the patient's LINE link active — an `unfollow` ends it).
 * A message without `line`, or of a kind that never goes by LINE, is plain mail (`enqueueMail`).
 * An empty `to` means the patient has no address: then only LINE can carry it, and when LINE cannot
 * either a message the patient must act on (a link, a call-back: `undeliverableShown`) is recorded
 * as undeliverable (`recordUndeliverable`) — never silently dropped.
 */
export async function queuePatientMessage(tx: Db, m: NewOutboxMessage & { readonly line?: LineNoticeParts }): Promise<PatientMessageOutcome> {
  const kind = lineNoticeKind(m.kind);
  const viaLine = m.line && m.patientId && kind
    ? await lineTargets(tx, { clinicId: m.clinicId, patientId: m.patientId, hasEmail: Boolean(m.to), holder: m.line.for })
    : [];
  if (viaLine.length === 0 && !m.to) {
    if (undeliverableShown(m.kind)) await recordUndeliverable(tx, m);
    return 'no_channel';
  }
  let queued = false;
  if (viaLine.length > 0 && kind && m.line) {
    const clinic = await getClinic(tx, m.clinicId);
    const text = lineNoticeText({ kind, clinicName: clinic?.name ?? '', when: m.line.when, url: m.line.url, until: m.line.until });
    for (const link of viaLine) {
      queued = (await enqueueMail(tx, {
        id: newId(), clinicId: m.clinicId, patientId: m.patientId, kind: m.kind, to: link.line_user_id, subject: m.subject, text,
        dedupeKey: m.dedupeKey ? `${m.dedupeKey}:line:${link.id}` : undefined, notBefore: m.notBefore, now: m.now, channel: 'line', retryKey: randomUUID(),
      })) || queued;
    }
  }
  const mail = Boolean(m.to) && (viaLine.length === 0 || viaLine.some((l) => l.preference === 'both'));
  if (mail) queued = (await enqueueMail(tx, m)) || queued;
  return queued ? 'queued' : 'duplicate';
}

/** `queuePatientMessage`, answering only whether anything was queued now. */
export async function enqueuePatientMessage(tx: Db, m: NewOutboxMessage & { readonly line?: LineNoticeParts }): Promise<boolean> {
  return (await queuePatientMessage(tx, m)) === 'queued';
}
