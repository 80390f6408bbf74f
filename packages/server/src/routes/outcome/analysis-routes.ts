import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANALYTE_IDS, SAMPLE_TYPES } from '@mimamori/core/labs/analytes';
import { sensitivityAnalyses } from '@mimamori/core/outcome/index';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { listPlans, lockPlan, savePlan } from '../../services/outcome/analysis-plan-service.ts';
import { createDataCut, cutBundle, cutReport, dataCuts } from '../../services/outcome/data-cut-service.ts';

const tags = ['outcome'];
const programIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'invalid_type' });
const cutIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { message: 'invalid_type' });
const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { message: 'invalid_type' });
const endpoint = z.strictObject({ scale: idSchema, visit: idSchema });

/** The analysis plan as structured fields (docs/outcome-report.md, `plan.json`); version and lock are the server's. */
export const analysisPlanInput = z.strictObject({
  primary: endpoint,
  visits: z.array(idSchema).min(1).max(40).nullable().optional(),
  alpha: z.number().gt(0).lt(0.5).optional(),
  secondary: z.array(endpoint).max(20).optional(),
  responder: z.strictObject({ minReduction: z.number().gt(0).max(1).nullable().optional(), minBaseline: z.number().min(0).max(1000).nullable().optional() }).optional(),
  remission: z.strictObject({ atMost: z.number().min(0).max(1000).nullable().optional(), atLeast: z.number().min(0).max(1000).nullable().optional(), sustained: z.boolean().optional() }).optional(),
  reliableChange: z.strictObject({ sd: z.number().gt(0).max(1000).nullable().optional(), reliability: z.number().min(0).lt(1).nullable().optional() }).optional(),
  severityBands: z.array(z.strictObject({ id: idSchema, min: z.number().min(0).max(1000), max: z.number().min(0).max(1000) })).max(10).nullable().optional(),
  sensitivity: z.array(z.enum(sensitivityAnalyses as [string, ...string[]])).max(10).optional(),
  perProtocol: z.strictObject({
    doses: z.number().int().min(1).max(1000),
    intervalDays: z.number().int().min(1).max(365).nullable().optional(),
    windowBeforeDays: z.number().int().min(0).max(365).optional(),
    windowAfterDays: z.number().int().min(0).max(365).optional(),
  }).nullable().optional(),
  biomarkers: z.array(z.strictObject({
    id: idSchema, analyte: z.enum(ANALYTE_IDS as [string, ...string[]]), sampleType: z.enum(SAMPLE_TYPES as [string, ...string[]]),
    direction: z.enum(['increase', 'decrease', 'either']), visit: idSchema,
  })).max(30).optional(),
  design: z.strictObject({ control: z.literal('none').optional(), raterBlinded: z.boolean().optional(), selfPay: z.boolean().optional() }).optional(),
});

const planVersionSchema = z.object({
  version: z.number(), plan: z.record(z.string(), z.unknown()), sha256: z.string().nullable(), lockedAt: z.string().nullable(),
  amendmentReason: z.string().nullable(), createdAt: z.string(), lockedBeforeFirstEnrolment: z.boolean().nullable(),
});
const dataCutSchema = z.object({
  id: z.string(), cutAt: z.string(), sha256: z.string(), participants: z.number(), excludedNoDataUse: z.number(),
  plan: z.object({ version: z.number().nullable(), sha256: z.string(), lockedAt: z.string().nullable() }),
});

/**
 * The staff app's 解析 page: the analysis plan (save, lock, amend), frozen data cuts and their
 * report and bundle. Researchers and doctors (`programs:export`); only pseudonymised data and
 * aggregates leave; every read and write is audited.
 */
export function registerAnalysisRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ programId: programIdSchema });
  const cutParams = z.strictObject({ programId: programIdSchema, cutId: cutIdSchema });

  r.get('/api/programs/:programId/analysis-plans', {
    config: { access: 'programs:export' },
    schema: {
      tags, params,
      response: { 200: z.object({ program: z.object({ id: z.string(), version: z.number(), title: z.object({ ja: z.string(), en: z.string() }), visits: z.array(z.record(z.string(), z.unknown())) }), draft: z.record(z.string(), z.unknown()), versions: z.array(planVersionSchema) }) },
    },
  }, async (req) => listPlans(contextOf(deps, req), req.params));

  r.put('/api/programs/:programId/analysis-plan', {
    config: { access: 'programs:export' },
    schema: {
      tags, params,
      body: z.strictObject({ plan: analysisPlanInput, reason: z.string().trim().min(1).max(2000).optional() }),
      response: { 200: z.object({ version: z.number(), created: z.boolean() }) },
    },
  }, async (req) => savePlan(contextOf(deps, req), { programId: req.params.programId, ...req.body }));

  r.post('/api/programs/:programId/analysis-plan/lock', {
    config: { access: 'programs:export', recentAuth: true },
    schema: { tags, params, response: { 200: z.object({ version: z.number(), sha256: z.string(), lockedAt: z.string() }) } },
  }, async (req) => lockPlan(contextOf(deps, req), req.params));

  r.get('/api/programs/:programId/data-cuts', {
    config: { access: 'programs:export' },
    schema: { tags, params, response: { 200: z.object({ items: z.array(dataCutSchema) }) } },
  }, async (req) => dataCuts(contextOf(deps, req), req.params));

  r.post('/api/programs/:programId/data-cuts', {
    config: { access: 'programs:export', recentAuth: true },
    schema: { tags, params, body: z.strictObject({ planVersion: z.number().int().min(1).optional() }), response: { 201: dataCutSchema } },
  }, async (req, reply) => reply.code(201).send(await createDataCut(contextOf(deps, req), { programId: req.params.programId, ...req.body })));

  r.get('/api/programs/:programId/data-cuts/:cutId/report', {
    config: { access: 'programs:export' },
    schema: {
      tags, params: cutParams,
      // planVersion: report the cut again under another locked version of the plan
      querystring: z.strictObject({ format: z.enum(['html', 'json', 'pdf']).default('json'), lang: z.enum(['ja', 'en']).optional(), planVersion: z.coerce.number().int().min(1).max(100000).optional() }),
    },
  }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const lang = req.query.lang ?? ctx.meta.lang;
    const body = await cutReport(ctx, { programId: req.params.programId, cutId: req.params.cutId, format: req.query.format, lang, planVersion: req.query.planVersion });
    reply.header('cache-control', 'no-store');
    if (Buffer.isBuffer(body)) {
      const v = req.query.planVersion ? `-plan${req.query.planVersion}` : '';
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="outcome-report-${req.params.programId}${v}-${lang}.pdf"`).send(body);
    }
    if (typeof body !== 'string') return body;
    // The report page is self-contained (inline styles and SVG, no script); the staff app shows it
    // in a sandboxed frame of its own page.
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox")
      .header('x-frame-options', 'SAMEORIGIN')
      .send(body);
  });

  r.get('/api/programs/:programId/data-cuts/:cutId/bundle', {
    config: { access: 'programs:export', recentAuth: true },
    schema: { tags, params: cutParams, querystring: z.strictObject({ pdf: z.enum(['true', 'false']).default('true') }) },
  }, async (req, reply) => {
    const zip = await cutBundle(contextOf(deps, req), { programId: req.params.programId, cutId: req.params.cutId, pdf: req.query.pdf === 'true' });
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="outcome-bundle-${req.params.programId}-${req.params.cutId.slice(0, 8)}.zip"`)
      .header('cache-control', 'no-store')
      .send(zip);
  });
}
