// Shapes of the server's JSON API as the web app sees them. Where the server answers with a core
// type (a patient), that type is named here; the rest is kept by hand in step with the server's route
// schemas, which own the truth.

import type { Role } from '@mimamori/core/auth/permissions';
import type { SessionBody } from '@mimamori/server/api-types';
import type { Patient, PatientInput, Sex } from '@mimamori/core/patients/patient';

/** The signed-in staff member and what the session allows (the server's `SessionBody`). */
export type Session = SessionBody;

export type SessionUser = SessionBody['user'];

export interface Enrolment {
  readonly secret: string;
  readonly otpauthUri: string;
  readonly qrSvg: string;
}

export interface Invitation {
  readonly loginId: string;
  readonly displayName: string;
  readonly purpose: 'invite' | 'reset';
}

export type StaffStatus = 'active' | 'disabled' | 'invited';

export interface Staff {
  readonly id: string;
  readonly loginId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly email: string | null;
  readonly status: StaffStatus;
  readonly totpEnrolled: boolean;
  readonly lastLoginAt: string | null;
  readonly createdAt: string;
}

export interface OneTimeLink {
  readonly url: string;
  readonly expiresAt: string;
}

/** A patient as the register holds it: core's `Patient`, as the server answers it. */
export type { Patient, PatientInput, Sex };
/** The order of the sex select on the patient form. */
export const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];

/** A row of a patient search (`summaryOf` on the server). */
export type PatientSummary = Pick<Patient, 'id' | 'patientNumber' | 'nameKanji' | 'nameKana' | 'birthDate' | 'sex' | 'phone' | 'isDemo'>;

/** A guardian as the patient form sends one (the optional fields may be left out). */
export type Guardian = NonNullable<PatientInput['guardians']>[number];

export interface PatientChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface PatientHistoryEntry {
  readonly version: number;
  readonly changedAt: string;
  readonly changedBy: { readonly id: string; readonly displayName: string } | null;
  readonly changes: readonly PatientChange[];
}

export interface AuditRow {
  readonly id: string | number;
  readonly at: string;
  readonly userId: string | null;
  readonly userName: string | null;
  readonly role: string | null;
  readonly action: string;
  readonly resource: string;
  readonly resourceId: string | null;
  readonly patientId: string | null;
  readonly outcome: string;
  readonly requestId: string | null;
  readonly ip: string | null;
  /** The staff member or patient the row names, in words (null when it names none, or the reader may not see the patient). */
  readonly resourceName?: string | null;
  readonly patientLabel?: string | null;
}

export interface AuditPage {
  readonly items: readonly AuditRow[];
  readonly nextBefore: string | number | null;
}

export interface AuditVerifyResult {
  readonly ok: boolean;
  readonly rows: number;
  readonly firstBadRowId: string | number | null;
}

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: readonly FieldIssue[];
    readonly duplicates?: readonly PatientSummary[];
  };
}
