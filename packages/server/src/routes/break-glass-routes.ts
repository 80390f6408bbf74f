import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../context.ts';
import { staffSessionOf } from '../auth/session-of.ts';
import { contextOf } from '../request-context.ts';
import { breakGlassReport, endBreakGlass, reviewBreakGlass, startBreakGlass } from '../services/break-glass-service.ts';
import { idSchema, sessionResponse, text } from './schemas.ts';

export function registerBreakGlassRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/break-glass', {
    config: { access: 'authenticated', recentAuth: true },
    schema: {
      tags: ['auth'],
      description: 'Emergency (break-glass) read access to clinical records the role cannot normally read, for at most 4 hours, with a reason. Every read is audited and administrators are notified by mail.',
      body: z.strictObject({ reason: text(500, { min: 10, multiline: true }) }),
      response: { 200: sessionResponse },
    },
  }, async (req) => startBreakGlass(contextOf(deps, req), { ...req.body, session: staffSessionOf(req) }));

  r.delete('/api/auth/break-glass', {
    config: { access: 'authenticated' },
    // No body is expected; anything sent is refused rather than ignored.
    schema: { tags: ['auth'], body: z.strictObject({}).nullish(), response: { 200: sessionResponse } },
  }, async (req) => endBreakGlass(contextOf(deps, req), { session: staffSessionOf(req) }));

  r.get('/api/break-glass', {
    config: { access: 'staff:admin' },
    schema: {
      tags: ['staff'],
      response: {
        200: z.object({
          items: z.array(z.object({
            id: z.string(), staffId: z.string(), displayName: z.string(), loginId: z.string(), role: z.string(), reason: z.string(),
            startedAt: z.string(), expiresAt: z.string(), endedAt: z.string().nullable(), reads: z.number(), reviewedAt: z.string().nullable(), reviewedBy: z.string().nullable(),
          })),
        }),
      },
    },
  }, async (req) => breakGlassReport(contextOf(deps, req)));

  r.post('/api/break-glass/:id/review', {
    config: { access: 'staff:admin' },
    schema: { tags: ['staff'], description: 'Marks one emergency use as reviewed by this administrator (audited as breakglass.review).', params: z.strictObject({ id: idSchema }) },
  }, async (req) => reviewBreakGlass(contextOf(deps, req), req.params.id));
}
