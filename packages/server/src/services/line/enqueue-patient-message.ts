import { randomUUID } from 'node:crypto';
import { chooseChannels, lineNoticeKind, lineNoticeText, parseLinePreference } from '@mimamori/core/line/index';
import { enqueueMail, getClinic, getLineChannel, listLineLinks, newId, type Db, type NewOutboxMessage } from '@mimamori/storage';

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

/**
 * The one channel-choosing function of patient messages: queues, in the caller's transaction, the
 * mail and/or the LINE message of one event as the patient prefers (LINE, mail, both) and as can be
 * delivered (the clinic's LINE channel on, the patient's LINE link active — an `unfollow` ends it).
 * A message without `line`, or of a kind that never goes by LINE, is plain mail (`enqueueMail`).
 * An empty `to` means the patient has no address: then only LINE can carry it. Returns whether
 * anything was queued (false when the dedupe key had queued it before).
 */
export async function enqueuePatientMessage(tx: Db, m: NewOutboxMessage & { readonly line?: LineNoticeParts }): Promise<boolean> {
  const kind = lineNoticeKind(m.kind);
  if (!m.line || !m.patientId || !kind) return m.to ? enqueueMail(tx, m) : false;
  const [channel, links] = await Promise.all([getLineChannel(tx, m.clinicId), listLineLinks(tx, m.clinicId, m.patientId)]);
  const enabled = channel?.enabled === 1;
  // Every active LINE of this patient that may get it (the patient's own, a guardian's), each as its holder prefers.
  const viaLine = links.filter((l) => l.status === 'active' && (!m.line?.for || (l.as_guardian === 1) === (m.line.for === 'guardian'))
    && chooseChannels({ preference: parseLinePreference(l.preference), linkActive: true, channelEnabled: enabled, hasEmail: Boolean(m.to) }).line);
  let queued = false;
  if (viaLine.length > 0) {
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
  return queued;
}
