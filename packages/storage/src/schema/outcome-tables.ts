/**
 * Tables of the outcome report: versioned analysis plans per program. A locked version is never
 * changed; an amendment is a new version with its reason.
 */
export interface AnalysisPlanTable {
  id: string;
  clinic_id: string;
  program_id: string;
  version: number;
  /** The plan object (docs/outcome-report.md); once locked it holds `lockedAt` and never changes. */
  plan_json: string;
  /** SHA-256 of the plan's canonical JSON, set on lock. */
  sha256: string | null;
  locked_at: string | null;
  locked_by: string | null;
  /** Why this version amends the previous locked one (staff-only; never exported). */
  amendment_reason: string | null;
  created_by: string | null;
  created_at: string;
}

/** A frozen data cut: the pseudonymised files (docs/outcome-report.md), never changed once written. */
export interface DataCutTable {
  id: string;
  clinic_id: string;
  program_id: string;
  /** The stored plan version the cut carries; null when a draft was derived from the program. */
  plan_version: number | null;
  plan_sha256: string;
  plan_locked_at: string | null;
  /** `{"participants.csv": "…", …}`: the files exactly as cut. */
  files_json: string;
  /** SHA-256 of manifest.json (which holds the SHA-256 of every other file). */
  sha256: string;
  participants: number;
  excluded_no_data_use: number;
  cut_at: string;
  created_by: string | null;
}

export interface OutcomeTables {
  analysis_plans: AnalysisPlanTable;
  data_cuts: DataCutTable;
}
