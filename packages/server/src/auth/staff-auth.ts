import type { Role } from '@mimamori/core';

/** The signed-in staff member attached to a request. */
export interface StaffAuth {
  readonly sessionId: string;
  readonly staffId: string;
  readonly clinicId: string;
  readonly role: Role;
  readonly loginId: string;
  readonly displayName: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}
