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

export interface OutcomeTables {
  analysis_plans: AnalysisPlanTable;
}
