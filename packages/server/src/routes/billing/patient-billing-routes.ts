import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderStatementPdf } from '@mimamori/reports/statement-pdf';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { patientStatement } from '../../services/billing/statement-link-service.ts';
import { statementPdfState } from '../../services/billing/statement-service.ts';

/** The patient's statement on their phone (a statement link's session) and its PDF. */
export function registerPatientBillingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/p/statement', { config: { access: 'patient' }, schema: { tags: ['patient'] } }, async (req) => {
    const s = await patientStatement(contextOf(deps, req));
    return { number: s.number, kind: s.kind, model: s.model, state: statementPdfState(s), replacedBy: s.voided?.replacedBy ? true : false };
  });
  r.get('/api/p/statement/pdf', { config: { access: 'patient' }, schema: { tags: ['patient'], querystring: z.strictObject({ lang: z.enum(['ja', 'en']).optional() }) } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const s = await patientStatement(ctx);
    const pdf = Buffer.from(await renderStatementPdf(s.model, { lang: req.query.lang ?? ctx.meta.lang, state: statementPdfState(s) }));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="statement-${s.number}.pdf"`).header('cache-control', 'no-store').send(pdf);
  });
}
