/** How a patient wants their messages: by LINE only, by LINE and mail, or by mail only. */
export type LinePreference = 'line' | 'both' | 'mail';

/** Which channels a patient's message goes by. */
export interface ChosenChannels {
  readonly mail: boolean;
  readonly line: boolean;
}

/**
 * Picks the channels of one patient message. LINE only when the clinic's channel is on and the
 * patient's LINE link is active (an `unfollow` ends that at once); mail whenever LINE is not used or
 * the patient asked for both, and the patient has an address. A patient who chose mail but has no
 * address gets it by LINE (the one channel that reaches them). A message that can go nowhere returns
 * neither (the caller records it as undeliverable for staff to see).
 *
 * @example
 * chooseChannels({ preference: 'line', linkActive: false, channelEnabled: true, hasEmail: true }); // { mail: true, line: false }
 */
export function chooseChannels(o: {
  readonly preference: LinePreference | null;
  readonly linkActive: boolean;
  readonly channelEnabled: boolean;
  readonly hasEmail: boolean;
}): ChosenChannels {
  const line = o.channelEnabled && o.linkActive && o.preference !== null && (o.preference !== 'mail' || !o.hasEmail);
  const mail = o.hasEmail && (!line || o.preference === 'both');
  return { mail, line };
}

/** Parses a stored or submitted preference; anything else is null. */
export function parseLinePreference(v: unknown): LinePreference | null {
  return v === 'line' || v === 'both' || v === 'mail' ? v : null;
}

/**
 * Whether a patient message that no channel can carry must be shown to staff: those that carry
 * something the patient has to act on — a WEB問診 or questionnaire link, a call-back. Booking
 * messages are not (the patient booked at the desk or on the phone, and has the time).
 *
 * @example
 * undeliverableShown('questionnaire_reminder'); // true
 * undeliverableShown('appointment_reminder'); // false
 */
export function undeliverableShown(kind: string): boolean {
  return kind === 'intake_link' || kind.startsWith('questionnaire_') || kind === 'recruitment_callback';
}
