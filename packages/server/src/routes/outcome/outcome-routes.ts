import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { programOutcomeReport } from '../../services/outcome/outcome-report-service.ts';

const programIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'invalid_type' });

/** The outcome report of a program, for the researcher and the doctors (pseudonymised data only). */
export function registerOutcomeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/programs/:programId/outcome-report', {
    config: { access: 'programs:export', recentAuth: true },
    schema: {
      tags: ['outcome'],
      params: z.strictObject({ programId: programIdSchema }),
      querystring: z.strictObject({ format: z.enum(['html', 'json']).default('json'), lang: z.enum(['ja', 'en']).optional() }),
    },
  }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const body = await programOutcomeReport(ctx, { programId: req.params.programId, lang: req.query.lang ?? ctx.meta.lang, format: req.query.format });
    return typeof body === 'string' ? reply.type('text/html; charset=utf-8').send(body) : body;
  });
}
