/** Tables of the LINE channel (`migrations/line/`). */

/** The clinic's LINE official account: the channel secret and access token sealed with the key file. */
export interface LineChannelTable {
  clinic_id: string;
  channel_id: string;
  secret_sealed: string;
  token_sealed: string;
  /** 1 while messages may go by LINE; 0 stops every LINE send (mail only). */
  enabled: number;
  /** The account's LINE id (`@…`), learnt from the last successful check; links to add the account use it. */
  bot_basic_id: string | null;
  bot_name: string | null;
  checked_at: string | null;
  /** The last check's failure, for the admin (no secret in it); null when it passed. */
  check_error: string | null;
  /** This month's message allowance (null: unlimited) and pushes used, read from LINE at most daily. */
  quota_limit: number | null;
  quota_used: number | null;
  quota_checked_at: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** A one-time code a patient (or guardian) sends to the account to bind their LINE. Stored hashed. */
export interface LineLinkCodeTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  code_hash: string;
  as_guardian: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
  created_by: string | null;
}

/** A LINE user bound to exactly one patient (a guardian's LINE to their child: `as_guardian` = 1). */
export interface LineLinkTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  line_user_id: string;
  as_guardian: number;
  /** `active`, `unfollowed` (the user blocked the account), `unlinked` (staff or patient ended it). */
  status: string;
  /** `line`, `both` or `mail`: which channels the patient's messages go by while the link is active. */
  preference: string;
  linked_at: string;
  changed_at: string;
  /** The LINE display name read from LINE's profile when the user linked (null: not read). */
  display_name: string | null;
}

/** A wrong link code a LINE user sent (counted to lock out a sender who guesses). */
export interface LineLinkFailureTable {
  id: string;
  clinic_id: string;
  line_user_id: string;
  failed_at: string;
}

/** Webhook events already handled: a redelivered event (same `webhookEventId`) is skipped. */
export interface LineWebhookEventTable {
  clinic_id: string;
  webhook_event_id: string;
  type: string;
  received_at: string;
}

export interface LineTables {
  line_channels: LineChannelTable;
  line_link_codes: LineLinkCodeTable;
  line_links: LineLinkTable;
  line_link_failures: LineLinkFailureTable;
  line_webhook_events: LineWebhookEventTable;
}
