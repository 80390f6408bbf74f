/**
 * Tables of the intake feature (WEB問診). Form definitions are stored per clinic and version and never
 * change once published; each intake instance names the version it is answered against.
 */

export interface IntakeDefinitionTable {
  id: string;
  clinic_id: string;
  /** The form's stable id across versions (`default`). */
  form_id: string;
  version: number;
  /** The whole `IntakeDefinition` as JSON. */
  definition_json: string;
  created_at: string;
  created_by: string | null;
  /**
   * For a child form published without a scored youth self-harm screen: the clinic's written
   * confirmation as typed by the administrator who published it (`created_by`, `created_at`;
   * intake-0003); null otherwise.
   */
  no_screen_confirmation: string | null;
}

export interface IntakeTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  /** Set when the intake was sent because a first visit was booked. */
  appointment_id: string | null;
  form_id: string;
  definition_version: number;
  audience: string;
  /** `sent` → `started` (first autosave) → `submitted`; `cancelled` when replaced. */
  status: string;
  /** `IntakeValues` as JSON: everything the respondent typed, even invalid (draft). */
  values_json: string;
  confirmed_groups_json: string;
  /** Screen to resume on (from `intakeProgress`). */
  current_group_id: string | null;
  progress_completed: number;
  progress_total: number;
  /** Scale scores at submission (`IntakeScaleScore[]` plus flags) as JSON. */
  scores_json: string | null;
  consent_policy_version: string | null;
  consent_at: string | null;
  /** Optimistic concurrency for autosave from two devices. */
  revision: number;
  expires_at: string;
  sent_at: string;
  started_at: string | null;
  updated_at: string;
  submitted_at: string | null;
  created_by: string | null;
  /** Who answers: 'patient' (adult), 'guardian' (for a child), 'adolescent' (their own part, own link); null before intake-0002 (read by audience). */
  respondent: string | null;
}

export interface IntakeTables {
  intake_definitions: IntakeDefinitionTable;
  intakes: IntakeTable;
}
