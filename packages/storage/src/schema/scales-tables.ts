import type { Generated } from 'kysely';
/**
 * Tables of the scales feature: clinic-imported definitions, assignments (one-off or recurring),
 * questionnaire instances (one per due administration, with the patient's draft), immutable
 * responses, their scores, and the clinic's crisis contacts.
 */

/** A definition a clinic imported (licensed text for a metadata-only scale, or its own scale). */
export interface ScaleDefinitionTable {
  id: string;
  clinic_id: string;
  scale_id: string;
  version: string;
  definition_json: string;
  imported_by: string | null;
  imported_at: string;
}

/** A doctor's order: this scale, for this informant, once or every `interval_days`. */
export interface ScaleAssignmentTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  scale_id: string;
  informant: string;
  /** `once` | `recurring`. */
  kind: string;
  /** First window opens at this clinic date (YYYY-MM-DD). */
  start_date: string;
  interval_days: number | null;
  /** Number of administrations (1 for `once`). */
  occurrences: number;
  /** Days each window stays open. */
  window_days: number;
  /** Where the link is mailed, when the patient (or informant) has an address. */
  email: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
}

/** One due administration of a scale; the patient link opens exactly one of these. */
export interface ScaleInstanceTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  assignment_id: string | null;
  scale_id: string;
  informant: string;
  seq: number;
  opens_at: string;
  closes_at: string;
  /** `open` | `submitted` | `cancelled`. Expiry follows from `closes_at`. */
  status: string;
  draft_json: string;
  draft_updated_at: string | null;
  response_id: string | null;
  link_sent_at: string | null;
  created_at: string;
}

/** One submitted response. Immutable: UPDATE and DELETE are refused by triggers. */
export interface ScaleResponseTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  instance_id: string | null;
  scale_id: string;
  scale_version: string;
  informant: string;
  /** `patient_link` | `staff` | `intake` | … */
  source: string;
  answers_json: string;
  /** Unique per clinic when given: a retried submit finds the stored response. */
  idempotency_key: string | null;
  entered_by: string | null;
  submitted_at: string;
}

/** The score of a response, with the definition version that produced it. */
export interface ScaleScoreTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  response_id: string;
  scale_id: string;
  scale_version: string;
  valid: number;
  total: number | null;
  band: string | null;
  band_set: string | null;
  missing: number;
  prorated: number;
  subscales_json: string;
  flags_json: string;
  reason_json: string | null;
  scored_at: string;
}

/** The clinic's crisis contacts shown to a patient whose answers meet a safety threshold. */
export interface CrisisContactTable {
  id: string;
  clinic_id: string;
  position: number;
  name_ja: string;
  name_en: string;
  phone: string | null;
  url: string | null;
  hours_ja: string | null;
  hours_en: string | null;
  source: string | null;
  /** 1 when the number or hours were not verified against the source. */
  uncertain: number;
  /** `all`, `adult` or `child` (added by the safety feature). */
  audience: Generated<string>;
  /** The date (YYYY-MM-DD) the clinic last checked the number and hours against the source. */
  checked_on: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface ScalesTables {
  scale_definitions: ScaleDefinitionTable;
  scale_assignments: ScaleAssignmentTable;
  scale_instances: ScaleInstanceTable;
  scale_responses: ScaleResponseTable;
  scale_scores: ScaleScoreTable;
  crisis_contacts: CrisisContactTable;
}
