import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@mimamori/core';
import { PATIENT_ABSOLUTE_MINUTES, PATIENT_COOKIE, type PatientAuth } from './patient-auth.ts';
import { PRE_AUTH_COOKIE, SESSION_COOKIE, cookieOptions } from './session-cookie.ts';
import type { StaffAuth } from './staff-auth.ts';

/**
 * The staff session of the request (its id, CSRF token and expiry), for the routes that act on the
 * session itself: sign-out, re-authentication, break-glass. Services take the actor from the
 * request context; only these routes need the session. `unauthenticated` when there is none.
 */
export function staffSessionOf(req: FastifyRequest): StaffAuth {
  if (!req.staff) throw new DomainError('unauthenticated');
  return req.staff;
}

/** The patient session of the request (for its own view and sign-out); `unauthenticated` when there is none. */
export function patientSessionOf(req: FastifyRequest): PatientAuth {
  if (!req.patient) throw new DomainError('unauthenticated');
  return req.patient;
}

/** Sets the cookie of a patient session a service just opened (link exchange, code sign-in). */
export function setPatientCookie(reply: FastifyReply, sessionToken: string): void {
  reply.setCookie(PATIENT_COOKIE, sessionToken, { ...cookieOptions, maxAge: PATIENT_ABSOLUTE_MINUTES * 60 });
}

/** Sets the cookie of a staff session just started (and ends the pre-authentication cookie). */
export function setStaffSessionCookie(reply: FastifyReply, o: { readonly token: string; readonly maxAgeMinutes: number }): void {
  reply.setCookie(SESSION_COOKIE, o.token, { ...cookieOptions, maxAge: o.maxAgeMinutes * 60 });
  reply.clearCookie(PRE_AUTH_COOKIE, cookieOptions);
}

/** Sets the cookie of a pre-authentication session (TOTP enrolment only). */
export function setPreAuthCookie(reply: FastifyReply, o: { readonly token: string; readonly maxAgeMinutes: number }): void {
  reply.setCookie(PRE_AUTH_COOKIE, o.token, { ...cookieOptions, maxAge: o.maxAgeMinutes * 60 });
}
