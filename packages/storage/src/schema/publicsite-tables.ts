/**
 * Tables of the public site feature: the clinic's public pages and the programs' recruitment pages
 * (both versioned: a save is a new row, rows are never updated), and recruitment applications.
 */

export interface SiteContentVersionTable {
  clinic_id: string;
  version: number;
  /** The core `SiteContent`. */
  content_json: string;
  created_at: string;
  created_by: string | null;
}

export interface RecruitmentPageVersionTable {
  clinic_id: string;
  program_id: string;
  version: number;
  /** `draft`, `published` or `withdrawn`: the latest published or withdrawn row decides what the public sees. */
  status: string;
  /** The core `RecruitmentContent`. */
  content_json: string;
  created_at: string;
  created_by: string | null;
}

/** An application from a recruitment page: contact details and the main complaint (要配慮個人情報). */
export interface RecruitmentApplicationTable {
  id: string;
  clinic_id: string;
  program_id: string;
  /** The page version the applicant saw. */
  page_version: number;
  data_json: string;
  /** `new`, `contacted`, `screening_booked`, `declined`. */
  status: string;
  patient_id: string | null;
  appointment_id: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface PublicsiteTables {
  site_content_versions: SiteContentVersionTable;
  recruitment_page_versions: RecruitmentPageVersionTable;
  recruitment_applications: RecruitmentApplicationTable;
}
