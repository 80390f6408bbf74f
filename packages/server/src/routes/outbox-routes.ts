import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { listOutboxMessages, resendOutboxMessage, sendTestMessage } from '../services/outbox/outbox-service.ts';
import { idSchema, text } from './schemas.ts';

const itemSchema = z.object({
  id: z.string(), kind: z.string(), channel: z.enum(['mail', 'line', 'none']), patientId: z.string().nullable(), patientName: z.string().nullable(), to: z.string(), subject: z.string(), status: z.string(),
  attempts: z.number(), lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(), nextAttemptAt: z.string(), body: z.string(),
  fallbackOf: z.string().nullable(),
});

/**
 * Staff see every outgoing message (mail and LINE) and its delivery state; with no SMTP configured,
 * mail waits here. Link tokens and one-time codes in the text are masked, LINE user ids never shown.
 */
export function registerOutboxRoutes(app: FastifyInstance, deps: AppDeps, o: { smtpConfigured: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/outbox', {
    config: { access: 'outbox:read' },
    schema: {
      tags: ['mail'],
      querystring: z.strictObject({
        status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(), channel: z.enum(['mail', 'line', 'none']).optional(), patientId: idSchema.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ smtpConfigured: z.boolean(), lineConfigured: z.boolean(), lineQuota: z.object({ limit: z.number(), used: z.number() }).nullable(), items: z.array(itemSchema) }) },
    },
  }, async (req) => ({ smtpConfigured: o.smtpConfigured, ...(await listOutboxMessages(contextOf(deps, req), req.query)) }));

  r.post('/api/outbox/:id/retry', {
    config: { access: 'outbox:retry' },
    schema: { tags: ['mail'], params: z.strictObject({ id: idSchema }), response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => {
    await resendOutboxMessage(contextOf(deps, req), { id: req.params.id });
    return { ok: true as const };
  });

  r.post('/api/outbox/test', {
    config: { access: 'messaging:admin' },
    schema: {
      tags: ['mail'],
      body: z.discriminatedUnion('channel', [z.strictObject({ channel: z.literal('mail'), to: text(254) }), z.strictObject({ channel: z.literal('line'), to: text(64) })]),
      response: { 200: z.object({ id: z.string() }) },
    },
  }, async (req) => sendTestMessage(contextOf(deps, req), req.body));
}
