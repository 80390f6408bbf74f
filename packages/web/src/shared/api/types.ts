// Shapes of the server's JSON API as the web app sees them. Kept by hand in step with the server's
// route schemas; the server owns the truth.

import type { Permission, Role } from '@mimamori/core/auth/permissions';

export interface SessionUser {
  readonly id: string;
  readonly loginId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly clinicId: string;
  readonly clinicName: string;
}

export interface Session {
  readonly user: SessionUser;
  readonly permissions: readonly Permission[];
  readonly csrfToken: string;
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
  /** Emergency (break-glass) access in force for this session, if any. */
  readonly breakGlass: { readonly id: string; readonly reason: string; readonly startedAt: string; readonly expiresAt: string } | null;
}

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

export type Sex = 'male' | 'female' | 'other' | 'unknown';
export const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];

export interface PatientSummary {
  readonly id: string;
  readonly patientNumber: string;
  readonly nameKanji: string;
  readonly nameKana: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly phone: string | null;
  readonly isDemo: boolean;
}

export interface Guardian {
  readonly name: string;
  readonly nameKana?: string | null;
  readonly relation: string;
  readonly phone?: string | null;
  readonly email?: string | null;
}

export interface Patient extends PatientSummary {
  readonly email: string | null;
  readonly postalCode: string | null;
  readonly address: string | null;
  readonly notes: string | null;
  readonly guardians: readonly Guardian[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PatientInput {
  readonly nameKanji: string;
  readonly nameKana: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly phone?: string;
  readonly email?: string;
  readonly postalCode?: string;
  readonly address?: string;
  readonly notes?: string;
  readonly guardians?: readonly Guardian[];
}

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
