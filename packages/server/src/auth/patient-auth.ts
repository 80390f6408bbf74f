/** A patient (or guardian) signed in through a patient link: one patient, one purpose, one resource. */
export interface PatientAuth {
  readonly sessionId: string;
  readonly clinicId: string;
  readonly patientId: string;
  /** e.g. `questionnaire`, `intake`, `appointments`. */
  readonly purpose: string;
  /** The one questionnaire / intake / … this session may open; null for `appointments`. */
  readonly resourceId: string | null;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly idleExpiresAt: string;
}

/** Patient session cookie: separate from the staff cookie, same flags. */
export const PATIENT_COOKIE = '__Host-mm_patient';
export const PATIENT_IDLE_MINUTES = 15;
export const PATIENT_ABSOLUTE_MINUTES = 120;
