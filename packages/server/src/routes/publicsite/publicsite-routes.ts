import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC_SITE_CSS, renderClinicPage, renderPrivacyPage, renderRecruitmentPage, renderUnpublishedPage, type PublicLang } from '@mimamori/reports/public-site-html';
import { isDomainError } from '@mimamori/core';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { getPublicClinic, getPublicRecruitment } from '../../services/publicsite/public-site-service.ts';
import { EMPTY_APPLICATION, renderApplicationForm, renderApplicationReceived, type ApplicationFormValues } from '@mimamori/reports/application-form-html';
import { applicationFormToken, applicationForAppointment, applyToRecruitment, getQueueApplication, listApplicationQueue, moveApplication } from '../../services/publicsite/application-service.ts';
import { getRecruitmentPageForEdit, listRecruitmentPages, saveRecruitmentPage } from '../../services/publicsite/recruitment-page-service.ts';
import { getSiteContentForEdit, saveSiteContent } from '../../services/publicsite/site-content-service.ts';

const bilingual = z.strictObject({ ja: z.string().max(20000), en: z.string().max(20000) });
const siteContentSchema = z.strictObject({
  clinicName: bilingual, tagline: bilingual, treats: bilingual, access: bilingual, mapUrl: z.string().max(2000), firstVisit: bilingual,
  revisit: bilingual, webIntake: bilingual, fees: bilingual, privacy: bilingual, notice: bilingual,
});
const recruitmentSchema = z.strictObject({
  title: bilingual, summary: bilingual, treatment: bilingual, totalCostYen: z.number().int().min(0).max(100_000_000).nullable(), costIncludes: bilingual,
  risks: bilingual, contact: bilingual, unapproved: z.boolean(), unapprovedStatement: bilingual, procurement: bilingual, alternatives: bilingual,
  foreignSafety: bilingual, reliefSystem: bilingual, body: bilingual,
});
const programIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/);
const langQuery = z.object({ lang: z.enum(['ja', 'en']).optional() });

/**
 * The public pages (`/p/`, `/p/privacy`, `/p/recruit/:programId`: HTML rendered here, no login,
 * no JavaScript) and the administrators' API that edits them.
 */
export function registerPublicsiteRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The pages' one inline style is allowed by its hash; everything else keeps the app's policy.
  const styleHash = createHash('sha256').update(PUBLIC_SITE_CSS).digest('base64');
  const sendPage = (reply: FastifyReply, html: string, status = 200) => {
    const csp = String(reply.getHeader('content-security-policy') ?? '').replace(/style-src [^;]*/, `style-src 'self' 'sha256-${styleHash}'`);
    return reply
      .code(status)
      .header('content-security-policy', csp)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(html);
  };
  const pageLang = (q: { lang?: PublicLang | undefined }): PublicLang => q.lang ?? 'ja';

  for (const path of ['/p', '/p/']) {
    r.get(path, { schema: { hide: true, querystring: langQuery } }, async (req, reply) => {
      const ctx = contextOf(deps, req);
      const lang = pageLang(req.query);
      const view = await getPublicClinic(ctx);
      const o = { lang, baseUrl: deps.config.publicUrl };
      if (view.kind === 'unpublished') return sendPage(reply, renderUnpublishedPage({ ...o, clinicName: view.clinicName, phone: view.phone }));
      return sendPage(reply, renderClinicPage(view, o));
    });
  }

  r.get('/p/privacy', { schema: { hide: true, querystring: langQuery } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const view = await getPublicClinic(ctx);
    const o = { lang: pageLang(req.query), baseUrl: deps.config.publicUrl };
    if (view.kind === 'unpublished') return sendPage(reply, renderUnpublishedPage({ ...o, clinicName: view.clinicName, phone: view.phone }), 404);
    return sendPage(reply, renderPrivacyPage(view.content, o));
  });

  r.get('/p/recruit/:programId', { schema: { hide: true, params: z.object({ programId: z.string().max(200) }), querystring: langQuery } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const o = { lang: pageLang(req.query), baseUrl: deps.config.publicUrl };
    try {
      const page = await getPublicRecruitment(ctx, { programId: req.params.programId });
      return sendPage(reply, renderRecruitmentPage({ programId: req.params.programId, content: page.content, clinicName: page.clinicName, applyPath: `/p/recruit/${encodeURIComponent(req.params.programId)}/apply` }, o));
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'not_found') throw e;
      const view = await getPublicClinic(ctx);
      const name = view.kind === 'published' ? view.content.clinicName[o.lang] : view.clinicName;
      return sendPage(reply, renderUnpublishedPage({ ...o, clinicName: name, phone: view.phone }), 404);
    }
  });

  // The application form: a plain form post (no JavaScript), so this one scope reads url-encoded bodies.
  const notPublished = async (ctx: ReturnType<typeof contextOf>, reply: FastifyReply, o: { lang: PublicLang; baseUrl: string }) => {
    const view = await getPublicClinic(ctx);
    const name = view.kind === 'published' ? view.content.clinicName[o.lang] : view.clinicName;
    return sendPage(reply, renderUnpublishedPage({ ...o, clinicName: name, phone: view.phone }), 404);
  };
  r.get('/p/recruit/:programId/apply', { schema: { hide: true, params: z.object({ programId: z.string().max(200) }), querystring: langQuery } }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const o = { lang: pageLang(req.query), baseUrl: deps.config.publicUrl };
    try {
      const page = await getPublicRecruitment(ctx, { programId: req.params.programId });
      return sendPage(reply, renderApplicationForm({ programId: req.params.programId, title: page.content.title, clinicName: page.clinicName, token: applicationFormToken(ctx), values: EMPTY_APPLICATION, issues: [] }, o));
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'not_found') throw e;
      return notPublished(ctx, reply, o);
    }
  });
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.withTypeProvider<ZodTypeProvider>().post('/p/recruit/:programId/apply', {
      // Ten applications an hour from one address is more than a family needs and less than a robot wants.
      config: { rateLimit: { max: 10, timeWindow: 3600_000 } },
      schema: { hide: true, params: z.object({ programId: z.string().max(200) }), querystring: langQuery, body: z.record(z.string(), z.string().max(4000)) },
    }, async (req, reply) => {
      const ctx = contextOf(deps, req);
      const o = { lang: pageLang(req.query), baseUrl: deps.config.publicUrl };
      const b = req.body;
      const values: ApplicationFormValues = {
        name: b.name ?? '', phone: b.phone ?? '', email: b.email ?? '', age: b.age ?? '', complaint: b.complaint ?? '', callTimes: b.callTimes ?? '',
        guardianName: b.guardianName ?? '', guardianPhone: b.guardianPhone ?? '', consent: b.consent === 'yes',
      };
      let page;
      try {
        page = await getPublicRecruitment(ctx, { programId: req.params.programId });
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'not_found') throw e;
        return notPublished(ctx, reply, o);
      }
      try {
        await applyToRecruitment(ctx, { programId: req.params.programId, form: values, honeypot: b.website ?? '', token: b.started ?? '' });
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'validation') throw e;
        const html = renderApplicationForm({ programId: req.params.programId, title: page.content.title, clinicName: page.clinicName, token: b.started ?? applicationFormToken(ctx), values, issues: e.issues }, o);
        return sendPage(reply, html, 400);
      }
      return sendPage(reply, renderApplicationReceived({ programId: req.params.programId, clinicName: page.clinicName }, o));
    });
  });

  // ---- the screening queue

  r.get('/api/publicsite/applications', {
    config: { access: 'recruitment:queue' },
    schema: { tags: ['publicsite'], querystring: z.strictObject({ all: z.enum(['0', '1']).optional() }) },
  }, async (req) => listApplicationQueue(contextOf(deps, req), { all: req.query.all === '1' }));

  r.get('/api/publicsite/applications/:id', {
    config: { access: 'recruitment:queue' },
    schema: { tags: ['publicsite'], params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) }) },
  }, async (req) => getQueueApplication(contextOf(deps, req), { id: req.params.id }));

  r.get('/api/publicsite/applications/for-appointment/:appointmentId', {
    config: { access: 'recruitment:queue' },
    schema: { tags: ['publicsite'], params: z.strictObject({ appointmentId: z.string().min(1).max(64) }) },
  }, async (req) => applicationForAppointment(contextOf(deps, req), { appointmentId: req.params.appointmentId }));

  r.post('/api/publicsite/applications/:id/status', {
    config: { access: 'recruitment:queue' },
    schema: { tags: ['publicsite'], params: z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) }), body: z.strictObject({
      to: z.enum(['contacted', 'screening_booked', 'declined']), appointmentId: z.string().max(64).nullable().optional(),
      // The call-back step: when the clinic will call (ISO instant), or null for a call made now.
      callbackAt: z.string().max(40).nullable().optional(),
    }) },
  }, async (req) => moveApplication(contextOf(deps, req), {
    id: req.params.id, to: req.body.to, ...(req.body.appointmentId !== undefined ? { appointmentId: req.body.appointmentId } : {}),
    ...(req.body.callbackAt !== undefined ? { callbackAt: req.body.callbackAt } : {}),
  }));

  // ---- the editors' API

  r.get('/api/publicsite/content', {
    config: { access: 'site:edit' },
    schema: { tags: ['publicsite'] },
  }, async (req) => getSiteContentForEdit(contextOf(deps, req)));

  r.put('/api/publicsite/content', {
    config: { access: 'site:edit' },
    schema: { tags: ['publicsite'], body: z.strictObject({ content: siteContentSchema, expectedVersion: z.number().int().min(0) }), response: { 200: z.object({ version: z.number() }) } },
  }, async (req) => saveSiteContent(contextOf(deps, req), req.body));

  r.get('/api/publicsite/recruitment', {
    config: { access: 'programs:admin' },
    schema: { tags: ['publicsite'] },
  }, async (req) => ({ pages: await listRecruitmentPages(contextOf(deps, req)) }));

  r.get('/api/publicsite/recruitment/:programId', {
    config: { access: 'programs:admin' },
    schema: { tags: ['publicsite'], params: z.strictObject({ programId: programIdSchema }) },
  }, async (req) => getRecruitmentPageForEdit(contextOf(deps, req), { programId: req.params.programId }));

  r.put('/api/publicsite/recruitment/:programId', {
    config: { access: 'programs:admin' },
    schema: {
      tags: ['publicsite'], params: z.strictObject({ programId: programIdSchema }),
      body: z.strictObject({ content: recruitmentSchema, expectedVersion: z.number().int().min(0), status: z.enum(['draft', 'published', 'withdrawn']) }),
    },
  }, async (req) => saveRecruitmentPage(contextOf(deps, req), { programId: req.params.programId, ...req.body }));
}
