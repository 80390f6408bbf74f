import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { endPatientSession } from '@mimamori/storage';
import { PATIENT_COOKIE } from '../auth/patient-auth.ts';
import { cookieOptions } from '../auth/session-cookie.ts';
import { patientSessionOf, setPatientCookie } from '../auth/session-of.ts';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { describePatientLink, exchangePatientLink, patientSessionView } from '../services/patient-link-service.ts';
import { authRateLimit } from './auth-routes.ts';
import { tokenSchema } from './schemas.ts';

const sessionSchema = z.object({
  purpose: z.string(), resourceId: z.string().nullable(), csrfToken: z.string(), expiresAt: z.string(), idleExpiresAt: z.string(),
});

export function registerPatientLinkRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/p/links/:token', {
    config: { access: 'public', rateLimit: authRateLimit },
    schema: { tags: ['patient'], params: z.strictObject({ token: tokenSchema }), response: { 200: z.object({ purpose: z.string(), clinicName: z.string(), expiresAt: z.string() }) } },
  }, async (req) => describePatientLink(contextOf(deps, req), req.params.token));

  r.post('/api/p/links/exchange', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit, opensPatientSession: true },
    schema: { tags: ['patient'], body: z.strictObject({ token: tokenSchema }), response: { 200: sessionSchema } },
  }, async (req, reply) => {
    const opened = await exchangePatientLink(contextOf(deps, req), req.body.token);
    setPatientCookie(reply, opened.sessionToken);
    return opened.body;
  });

  r.get('/api/p/session', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], response: { 200: sessionSchema.extend({ clinicName: z.string(), patientName: z.string() }) } },
  }, async (req) => patientSessionView(contextOf(deps, req), patientSessionOf(req)));

  r.post('/api/p/logout', {
    config: { access: 'patient' },
    schema: { tags: ['patient'] },
  }, async (req, reply) => {
    await endPatientSession(deps.db.db, patientSessionOf(req).sessionId, deps.clock().toISOString());
    reply.clearCookie(PATIENT_COOKIE, cookieOptions);
    return reply.code(204).send();
  });
}
