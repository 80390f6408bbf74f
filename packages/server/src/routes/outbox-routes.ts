import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@mimamori/core';
import { listOutbox } from '@mimamori/storage';
import { audit, auditAlone } from '../audit/audit.ts';
import { contextOf, requireStaff } from '../request-context.ts';
import { writeTx } from '../services/write-tx.ts';
import type { AppDeps } from '../context.ts';
import { maskMailSecrets } from '../mail/mask-mail-secrets.ts';
import { idSchema } from './schemas.ts';

/**
 * Staff see every outgoing message and its delivery state; with no SMTP configured, mail waits here.
 * Link tokens and one-time codes in the text are masked (`mail/mask-mail-secrets.ts`).
 */
export function registerOutboxRoutes(app: FastifyInstance, deps: AppDeps, o: { smtpConfigured: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;

  r.get('/api/outbox', {
    config: { access: 'outbox:read' },
    schema: {
      tags: ['mail'],
      querystring: z.strictObject({ status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(), patientId: idSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: {
        200: z.object({
          smtpConfigured: z.boolean(),
          items: z.array(z.object({
            id: z.string(), kind: z.string(), patientId: z.string().nullable(), to: z.string(), subject: z.string(), status: z.string(), attempts: z.number(),
            lastError: z.string().nullable(), createdAt: z.string(), sentAt: z.string().nullable(), nextAttemptAt: z.string(), body: z.string(),
          })),
        }),
      },
    },
  }, async (req) => {
    const ctx = contextOf(deps, req);
    const rows = await listOutbox(db, { clinicId: requireStaff(ctx).clinicId, status: req.query.status, patientId: req.query.patientId, limit: req.query.limit });
    await auditAlone(ctx, { action: 'outbox.list', resource: 'outbox', patientId: req.query.patientId ?? null, detail: `results=${rows.length}` });
    return {
      smtpConfigured: o.smtpConfigured,
      items: rows.map((m) => ({
        id: m.id, kind: m.kind, patientId: m.patient_id, to: m.to_address, subject: m.subject, status: m.status, attempts: m.attempts, lastError: m.last_error,
        createdAt: m.created_at, sentAt: m.sent_at, nextAttemptAt: m.next_attempt_at, body: maskMailSecrets(m.body_text),
      })),
    };
  });

  r.post('/api/outbox/:id/retry', {
    config: { access: 'outbox:retry' },
    schema: { tags: ['mail'], params: z.strictObject({ id: idSchema }), response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => {
    const ctx = contextOf(deps, req);
    const clinicId = requireStaff(ctx).clinicId;
    await writeTx(ctx, async (tx) => {
      const r2 = await tx
        .updateTable('outbox')
        .set({ status: 'pending', next_attempt_at: deps.clock().toISOString() })
        .where('clinic_id', '=', clinicId)
        .where('id', '=', req.params.id)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      if (Number(r2.numUpdatedRows) !== 1) throw new DomainError('not_found');
      await audit(ctx, tx, { action: 'outbox.retry', resource: 'outbox', resourceId: req.params.id });
    });
    return { ok: true as const };
  });
}
