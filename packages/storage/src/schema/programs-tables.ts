/**
 * Tables of the programs feature: versioned program definitions with the exact text of their
 * consent documents, enrolments with their dated transitions, consent records (with the drawn
 * signature), treatment sessions, adverse events, concomitant medicines and lab results. Domain
 * values are kept as the core's JSON (`*_json`); the columns beside them are what queries filter on.
 */

/** One version of a program. A revision is a new row; rows are never updated. */
export interface ProgramDefinitionTable {
  id: string;
  clinic_id: string;
  program_id: string;
  version: number;
  /** The core `ProgramDefinition` (consent documents carry their SHA-256, not their text). */
  definition_json: string;
  created_by: string | null;
  created_at: string;
}

/** The exact text of a consent document version, addressed by its SHA-256. */
export interface ProgramConsentTextTable {
  clinic_id: string;
  content_hash: string;
  text: string;
  created_at: string;
}

export interface ProgramEnrolmentTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  program_id: string;
  program_version: number;
  status: string;
  /** The core `Enrolment.history`. */
  history_json: string;
  /** The latest `EligibilityResult`, when screened. */
  eligibility_json: string | null;
  /** The core `ConsentState`. */
  consent_state_json: string;
  /** Clinic date of enrolment; set on → enrolled. */
  enrolment_date: string | null;
  /** The `ScheduleProposal` made on enrolment. */
  schedule_json: string | null;
  created_at: string;
  updated_at: string;
  /** Optimistic concurrency: each change bumps it. */
  row_version: number;
}

/** One dated transition (also in `history_json`; this table is what reports query). */
export interface ProgramEnrolmentEventTable {
  id: string;
  clinic_id: string;
  enrolment_id: string;
  from_status: string | null;
  to_status: string;
  at: string;
  by_staff: string;
  reason: string | null;
  evidence_json: string | null;
}

export interface ProgramConsentTable {
  id: string;
  clinic_id: string;
  enrolment_id: string;
  patient_id: string;
  role: string;
  /** The core `ConsentRecord`. */
  record_json: string;
  /** PNG of a drawn signature as a data URL (its SHA-256 is in the record). */
  signature_png: string | null;
  signed_at: string;
  created_at: string;
}

export interface ProgramSessionTable {
  id: string;
  clinic_id: string;
  enrolment_id: string;
  patient_id: string;
  kind: string;
  session_number: number;
  /** `normaliseLot` of the lot, for "which patients received lot X". Null for TMS. */
  lot_key: string | null;
  started_at: string;
  record_json: string;
  created_by: string | null;
  created_at: string;
}

export interface ProgramAdverseEventTable {
  id: string;
  clinic_id: string;
  enrolment_id: string;
  patient_id: string;
  onset_date: string;
  serious: number;
  record_json: string;
  created_at: string;
  updated_at: string;
}

export interface ProgramSaeReportTable {
  id: string;
  clinic_id: string;
  adverse_event_id: string;
  enrolment_id: string;
  patient_id: string;
  recipient: string;
  reported_on: string;
  reported_to: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface ProgramReconsentOverrideTable {
  id: string;
  clinic_id: string;
  enrolment_id: string;
  patient_id: string;
  items: string;
  reason: string;
  by_staff: string;
  at: string;
}

export interface ProgramMedicationTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  record_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramLabResultTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  enrolment_id: string | null;
  analyte: string;
  /** UTC ISO instant (normalised), unique per patient and analyte: one sample is stored once. */
  collected_at: string;
  record_json: string;
  import_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ProgramsTables {
  program_definitions: ProgramDefinitionTable;
  program_consent_texts: ProgramConsentTextTable;
  program_enrolments: ProgramEnrolmentTable;
  program_enrolment_events: ProgramEnrolmentEventTable;
  program_consents: ProgramConsentTable;
  program_sessions: ProgramSessionTable;
  program_adverse_events: ProgramAdverseEventTable;
  program_sae_reports: ProgramSaeReportTable;
  program_reconsent_overrides: ProgramReconsentOverrideTable;
  program_medications: ProgramMedicationTable;
  program_lab_results: ProgramLabResultTable;
  program_product_lots: ProgramProductLotTable;
}

/** A product lot with its certificate of analysis (core `ProductLot` in `record_json`, the file beside it). */
export interface ProgramProductLotTable {
  id: string;
  clinic_id: string;
  program_id: string;
  lot_key: string;
  record_json: string;
  certificate_base64: string | null;
  certificate_media_type: string | null;
  certificate_size: number | null;
  certificate_sha256: string | null;
  certificate_file_name: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
