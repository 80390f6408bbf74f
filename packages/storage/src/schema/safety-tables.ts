/**
 * Tables of the safety feature: the history of each alert (what raised it, answers changed after
 * it, every send, delivery, escalation and acknowledgement). The alerts themselves are a foundation
 * table (`alerts`).
 */

export interface AlertEventTable {
  id: string;
  clinic_id: string;
  alert_id: string;
  at: string;
  /** Order within the alert's history (events of one instant keep the order they were written in). */
  seq: number;
  /**
   * `raised`, `severity_raised`, `answer` (a safety answer as given, e.g. PHQ-9 item 9 = 2 at 14:02),
   * `answer_changed` (the submitted answer differs), `acknowledged`; later `sent`, `delivered`,
   * `failed`, `escalated`.
   */
  type: string;
  /** The staff member concerned (sent to, acknowledged by), if any. */
  staff_id: string | null;
  /** Structured detail (JSON): item ids, scores, channel — read by the alert's history page. */
  detail_json: string;
}

/** One line of the on-call rota (instants, so nights and closed days are lines like any other). */
export interface OnCallShiftTable {
  id: string;
  clinic_id: string;
  staff_id: string;
  starts_at: string;
  ends_at: string;
  /** 1 is called first, then 2, …. */
  position: number;
  created_at: string;
  created_by: string | null;
}

/** How a staff member is reached for alerts: `mail` now; a LINE or SMS adapter adds its own kind. */
export interface StaffChannelTable {
  id: string;
  clinic_id: string;
  staff_id: string;
  channel: string;
  address: string;
  created_at: string;
}

/** Where an `urgent` or `high` alert is in its sending: who was called last and when to act next. */
export interface AlertDispatchTable {
  alert_id: string;
  clinic_id: string;
  /** How many people have been sent the alert so far (the next one is `chain[level]`). */
  level: number;
  /** When the periodic job acts next (send, escalate, re-send); null when done. */
  next_at: string | null;
  /** `waiting`, `done` (acknowledged), `exhausted` (everyone in the chain was sent it). */
  status: string;
  updated_at: string;
}

export interface SafetyTables {
  alert_events: AlertEventTable;
  oncall_shifts: OnCallShiftTable;
  staff_channels: StaffChannelTable;
  alert_dispatch: AlertDispatchTable;
}
