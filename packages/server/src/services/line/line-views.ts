// The JSON shapes of the LINE and outbox answers (plain types, read by the web app through `api-types.ts`).
import type { LinePreference } from '@mimamori/core/line/choose-channels';

/** What the admin sees of the clinic's LINE channel: never the secret or the token. */
export interface LineSettingsView {
  readonly configured: boolean;
  readonly channelId: string | null;
  readonly enabled: boolean;
  readonly secretSet: boolean;
  readonly tokenSet: boolean;
  /** The URL to paste into the LINE Developers console as the webhook URL. */
  readonly webhookUrl: string;
  readonly botBasicId: string | null;
  readonly botName: string | null;
  readonly checkedAt: string | null;
  readonly checkError: string | null;
  readonly updatedAt: string | null;
  /** This month's LINE message allowance (null: none known or unlimited), pushes used, and when LINE was last asked (daily). */
  readonly quotaLimit: number | null;
  readonly quotaUsed: number | null;
  readonly quotaCheckedAt: string | null;
}

/** A patient's LINE state as staff and the patient see it (never the LINE user id). */
export interface PatientLineView {
  /** The clinic's LINE is set up, on and checked, so a patient can link. */
  readonly available: boolean;
  readonly linked: boolean;
  readonly asGuardian: boolean;
  /** `active`, `unfollowed` (blocked the account: mail until they add it again), `unlinked`, or null (never linked). */
  readonly status: string | null;
  readonly preference: LinePreference | null;
  readonly linkedAt: string | null;
  readonly changedAt: string | null;
  /** The LINE display name of the linked account (read from LINE when it linked), to confirm which LINE it is. */
  readonly displayName: string | null;
  /** Every LINE bound to this patient (their own, a guardian's), active first. */
  readonly links: Array<{ readonly asGuardian: boolean; readonly status: string; readonly preference: string; readonly linkedAt: string; readonly changedAt: string; readonly displayName: string | null }>;
}

/** What the patient (or reception, for them) is shown to link LINE: never a LINE id, only a code to send. */
export interface IssuedLineLinkCode {
  readonly code: string;
  readonly expiresAt: string;
  /** Opens LINE on the account's chat with the code typed in (the QR code holds this URL). */
  readonly messageUrl: string;
  /** Adds the account as a friend. */
  readonly addFriendUrl: string;
  readonly botBasicId: string;
  readonly qrDataUrl: string;
}

/** One outgoing message as staff see it. */
export interface OutboxItem {
  readonly id: string;
  readonly kind: string;
  /** `none`: the patient had no address and no LINE link; never sent (staff hand the link over). */
  readonly channel: 'mail' | 'line' | 'none';
  readonly patientId: string | null;
  /** The patient's name (kanji), for staff to know whom it was for; null for staff mail. */
  readonly patientName: string | null;
  /** The mail address; for LINE only `LINE` (the LINE user id is never shown). */
  readonly to: string;
  readonly subject: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly nextAttemptAt: string;
  readonly body: string;
  /** For a mail sent in place of a LINE message: that message's id. */
  readonly fallbackOf: string | null;
}
