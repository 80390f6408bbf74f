import type { Permission } from '@mimamori/core';

/**
 * What a route requires. Every `/api` route must declare one (the app refuses to start otherwise):
 * `public` (no session), `authenticated` (any signed-in staff), a permission from the matrix, or
 * `patient` (a patient-link session; the handler checks its purpose and resource).
 */
export type RouteAccess = 'public' | 'authenticated' | 'patient' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** State-changing public routes that may be called without a CSRF token (login, setup…). */
    csrfExempt?: boolean;
    /** Sensitive: the session must have been authenticated within the last few minutes (`require-recent-auth.ts`). */
    recentAuth?: boolean;
    /** A public route that opens a patient session (link exchange, sign-in code): refused to a staff session. */
    opensPatientSession?: boolean;
  }
}
