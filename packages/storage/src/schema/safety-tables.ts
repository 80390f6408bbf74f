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

export interface SafetyTables {
  alert_events: AlertEventTable;
}
