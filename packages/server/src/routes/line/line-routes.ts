import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf, requirePatient } from '../../request-context.ts';
import { checkLineChannel, getLineSettings, saveLineSettings } from '../../services/line/line-channel-service.ts';
import { issueLineLinkCode } from '../../services/line/line-link-code.ts';
import { handleLineWebhook } from '../../services/line/line-webhook.ts';
import { patientLineView, setPatientLinePreference, unlinkPatientLineChannel } from '../../services/line/patient-line-service.ts';
import { idSchema, text } from '../schemas.ts';

const settingsSchema = z.object({
  configured: z.boolean(), channelId: z.string().nullable(), enabled: z.boolean(), secretSet: z.boolean(), tokenSet: z.boolean(), webhookUrl: z.string(),
  botBasicId: z.string().nullable(), botName: z.string().nullable(), checkedAt: z.string().nullable(), checkError: z.string().nullable(), updatedAt: z.string().nullable(),
  quotaLimit: z.number().nullable(), quotaUsed: z.number().nullable(), quotaCheckedAt: z.string().nullable(),
});
const codeSchema = z.object({ code: z.string(), expiresAt: z.string(), messageUrl: z.string(), addFriendUrl: z.string(), botBasicId: z.string(), qrDataUrl: z.string() });
const viewSchema = z.object({
  available: z.boolean(), linked: z.boolean(), asGuardian: z.boolean(), status: z.string().nullable(), preference: z.enum(['line', 'both', 'mail']).nullable(),
  linkedAt: z.string().nullable(), changedAt: z.string().nullable(), displayName: z.string().nullable(),
  links: z.array(z.object({ asGuardian: z.boolean(), status: z.string(), preference: z.string(), linkedAt: z.string(), changedAt: z.string(), displayName: z.string().nullable() })),
});
const preferenceSchema = z.enum(['line', 'both', 'mail']);

/**
 * The LINE channel: the admin's setup (channel id, secret, token; the webhook URL; a check), a
 * patient's link state for staff and for the patient, the one-time link code, and the webhook LINE
 * calls (public, its body verified by the channel's signature before anything is read).
 */
export function registerLineRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/line/settings', { config: { access: 'messaging:admin' }, schema: { tags: ['line'], response: { 200: settingsSchema } } }, async (req) => getLineSettings(contextOf(deps, req)));

  r.put('/api/line/settings', {
    config: { access: 'messaging:admin', recentAuth: true },
    schema: {
      tags: ['line'],
      body: z.strictObject({ channelId: text(40), channelSecret: text(100).nullable().optional(), accessToken: text(1000).nullable().optional(), enabled: z.boolean() }),
      response: { 200: settingsSchema },
    },
  }, async (req) => saveLineSettings(contextOf(deps, req), req.body));

  r.post('/api/line/settings/check', { config: { access: 'messaging:admin' }, schema: { tags: ['line'], response: { 200: settingsSchema } } }, async (req) => checkLineChannel(contextOf(deps, req)));

  r.get('/api/patients/:id/line', {
    config: { access: 'line:link' }, schema: { tags: ['line'], params: z.strictObject({ id: idSchema }), response: { 200: viewSchema } },
  }, async (req) => patientLineView(contextOf(deps, req), { patientId: req.params.id }));

  r.post('/api/patients/:id/line/code', {
    config: { access: 'line:link' },
    schema: { tags: ['line'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ asGuardian: z.boolean().default(false) }), response: { 200: codeSchema } },
  }, async (req) => issueLineLinkCode(contextOf(deps, req), { patientId: req.params.id, asGuardian: req.body.asGuardian }));

  r.put('/api/patients/:id/line/preference', {
    config: { access: 'line:link' },
    schema: { tags: ['line'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ preference: preferenceSchema }), response: { 200: viewSchema } },
  }, async (req) => setPatientLinePreference(contextOf(deps, req), { patientId: req.params.id, preference: req.body.preference }));

  r.post('/api/patients/:id/line/unlink', {
    config: { access: 'line:link' }, schema: { tags: ['line'], params: z.strictObject({ id: idSchema }), response: { 200: viewSchema } },
  }, async (req) => unlinkPatientLineChannel(contextOf(deps, req), { patientId: req.params.id }));

  // The patient's own LINE: any patient session (it is scoped to that one patient).
  r.get('/api/p/line', { config: { access: 'patient' }, schema: { tags: ['line'], response: { 200: viewSchema } } }, async (req) => {
    const ctx = contextOf(deps, req);
    return patientLineView(ctx, { patientId: requirePatient(ctx).patientId });
  });

  r.post('/api/p/line/code', {
    config: { access: 'patient' }, schema: { tags: ['line'], body: z.strictObject({ asGuardian: z.boolean().default(false) }), response: { 200: codeSchema } },
  }, async (req) => {
    const ctx = contextOf(deps, req);
    return issueLineLinkCode(ctx, { patientId: requirePatient(ctx).patientId, asGuardian: req.body.asGuardian });
  });

  r.put('/api/p/line/preference', {
    config: { access: 'patient' }, schema: { tags: ['line'], body: z.strictObject({ preference: preferenceSchema }), response: { 200: viewSchema } },
  }, async (req) => {
    const ctx = contextOf(deps, req);
    return setPatientLinePreference(ctx, { patientId: requirePatient(ctx).patientId, preference: req.body.preference });
  });

  r.post('/api/p/line/unlink', { config: { access: 'patient' }, schema: { tags: ['line'], response: { 200: viewSchema } } }, async (req) => {
    const ctx = contextOf(deps, req);
    return unlinkPatientLineChannel(ctx, { patientId: requirePatient(ctx).patientId });
  });

  // The webhook reads its body as bytes: the signature is over the raw body, and re-serialised JSON would not verify.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/line/webhook/:clinicId', {
      config: { access: 'public' },
      schema: { tags: ['line'], params: z.strictObject({ clinicId: z.string().max(64) }), response: { 200: z.object({ ok: z.literal(true) }) } },
    }, async (req) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const sig = req.headers['x-line-signature'];
      await handleLineWebhook(contextOf(deps, req), { clinicId: req.params.clinicId, rawBody: raw, signature: typeof sig === 'string' ? sig : undefined });
      return { ok: true as const };
    });
  });
}
