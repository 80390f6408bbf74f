import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PRE_AUTH_COOKIE, SESSION_COOKIE, cookieOptions } from '../auth/session-cookie.ts';
import { setPreAuthCookie, setStaffSessionCookie, staffSessionOf } from '../auth/session-of.ts';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { PRE_AUTH_MINUTES, sessionBody, type StartedStaffSession } from '../services/session-service.ts';
import { enrolTotp, signIn, signOut } from '../services/sign-in.ts';
import { acceptInvitation, completeSetup, describeInvitation, setupStatus } from '../services/staff-onboarding.ts';
import { enrolmentResponse, loginIdSchema, passwordSchema, sessionResponse, text, tokenSchema, totpCodeSchema } from './schemas.ts';

/** Per-IP limit on the credential endpoints (login, setup, enrolment, invitations). */
export const authRateLimit = { max: 20, timeWindow: 60_000 };

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** A session just started: its cookie, and the session as the staff app sees it. */
  const started = (reply: Parameters<typeof setStaffSessionCookie>[0], s: StartedStaffSession) => {
    setStaffSessionCookie(reply, { token: s.token, maxAgeMinutes: deps.config.absoluteMinutes });
    return sessionBody(deps, s.auth);
  };

  r.get('/api/setup/status', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      querystring: z.strictObject({ token: tokenSchema.optional() }),
      response: { 200: z.object({ needsSetup: z.boolean(), clinicName: z.string().optional() }) },
    },
  }, async (req) => setupStatus(contextOf(deps, req), req.query.token));

  r.post('/api/setup', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      body: z.strictObject({ token: tokenSchema, loginId: loginIdSchema, displayName: text(100, { min: 1 }), password: passwordSchema, clinicName: text(100, { min: 1 }).optional() }),
      response: { 200: enrolmentResponse },
    },
  }, async (req, reply) => {
    const done = await completeSetup(contextOf(deps, req), req.body);
    setPreAuthCookie(reply, { token: done.preAuthToken, maxAgeMinutes: PRE_AUTH_MINUTES });
    return { enrolment: done.enrolment };
  });

  r.post('/api/auth/totp/enrol', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: { tags: ['auth'], body: z.strictObject({ code: totpCodeSchema }), response: { 200: sessionResponse } },
  }, async (req, reply) => started(reply, await enrolTotp(contextOf(deps, req), { preAuthToken: req.cookies[PRE_AUTH_COOKIE], code: req.body.code })));

  r.post('/api/auth/login', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      body: z.strictObject({ loginId: z.string().max(100), password: passwordSchema, code: z.string().max(10) }),
      response: { 200: sessionResponse },
    },
  }, async (req, reply) => started(reply, await signIn(contextOf(deps, req), { ...req.body, purpose: 'login' })));

  r.post('/api/auth/reauth', {
    config: { access: 'authenticated', rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      description: `Re-authentication with password and TOTP before a sensitive action (granting roles, resetting credentials, bulk exports), required when the session's last authentication is older than 5 minutes (REAUTH_SECONDS may shorten this). Starts a fresh session: new cookie and CSRF token.`,
      body: z.strictObject({ password: passwordSchema, code: z.string().max(10) }),
      response: { 200: sessionResponse },
    },
  }, async (req, reply) => started(reply, await signIn(contextOf(deps, req), { ...req.body, purpose: 'reauth', session: staffSessionOf(req) })));

  r.get('/api/auth/session', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], response: { 200: sessionResponse } },
  }, async (req) => sessionBody(deps, staffSessionOf(req)));

  // What the staff app asks on every start: the session, or null when signed out — a 200 either way,
  // so that opening the sign-in page is not a failed request.
  r.get('/api/auth/status', {
    config: { access: 'public' },
    schema: { tags: ['auth'], response: { 200: z.object({ session: sessionResponse.nullable() }) } },
  }, async (req) => ({ session: req.staff ? await sessionBody(deps, req.staff) : null }));

  r.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'] },
  }, async (req, reply) => {
    await signOut(contextOf(deps, req), { session: staffSessionOf(req) });
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    reply.header('clear-site-data', '"cache", "storage"');
    return reply.code(204).send();
  });

  r.get('/api/invitations/:token', {
    config: { access: 'public', rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      params: z.strictObject({ token: tokenSchema }),
      response: { 200: z.object({ loginId: z.string(), displayName: z.string(), purpose: z.string() }) },
    },
  }, async (req) => describeInvitation(contextOf(deps, req), req.params.token));

  r.post('/api/invitations/accept', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: { tags: ['auth'], body: z.strictObject({ token: tokenSchema, password: passwordSchema }), response: { 200: enrolmentResponse } },
  }, async (req, reply) => {
    const done = await acceptInvitation(contextOf(deps, req), req.body);
    setPreAuthCookie(reply, { token: done.preAuthToken, maxAgeMinutes: PRE_AUTH_MINUTES });
    return { enrolment: done.enrolment };
  });
}
