import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '@mimamori/core';
import { STAFF_MESSAGES } from '@mimamori/core/auth/staff-messages';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { editStaff, inviteStaff, resetStaff, setStaffDisabled, staffList, staffReviewCsv } from '../services/staff-service.ts';
import { idSchema, loginIdSchema, text } from './schemas.ts';

const staffSchema = z.object({
  id: z.string(), loginId: z.string(), displayName: z.string(), role: z.string(), email: z.string().nullable(), status: z.string(),
  totpEnrolled: z.boolean(), lastLoginAt: z.string().nullable(), createdAt: z.string(),
});
const linkSchema = z.object({ url: z.string(), expiresAt: z.string() });
const emailSchema = z.string().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'invalid_email' });

export function registerStaffRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(STAFF_MESSAGES);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ id: idSchema });

  r.get('/api/staff', {
    config: { access: 'staff:admin' },
    schema: { tags: ['staff'], response: { 200: z.object({ items: z.array(staffSchema) }) } },
  }, async (req) => staffList(contextOf(deps, req)));

  r.get('/api/staff/review.csv', {
    config: { access: 'staff:admin', recentAuth: true },
    schema: { tags: ['staff'], description: 'The monthly account review: every account with role, state, MFA, last sign-in and break-glass uses; signed like the audit export.' },
  }, async (req, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="staff-review-${deps.clock().toISOString().slice(0, 10)}.csv"`)
      .send(await staffReviewCsv(contextOf(deps, req))));

  r.post('/api/staff', {
    config: { access: 'staff:admin', recentAuth: true },
    schema: {
      tags: ['staff'],
      body: z.strictObject({ loginId: loginIdSchema, displayName: text(100, { min: 1 }), role: z.enum(roles), email: emailSchema.nullish() }),
      response: { 201: z.object({ staff: staffSchema, link: linkSchema }) },
    },
  }, async (req, reply) => reply.code(201).send(await inviteStaff(contextOf(deps, req), req.body)));

  r.patch('/api/staff/:id', {
    config: { access: 'staff:admin', recentAuth: true },
    schema: {
      tags: ['staff'],
      params,
      body: z.strictObject({ displayName: text(100, { min: 1 }).optional(), role: z.enum(roles).optional(), email: emailSchema.nullish() }),
      response: { 200: z.object({ staff: staffSchema }) },
    },
  }, async (req) => editStaff(contextOf(deps, req), req.params.id, req.body));

  r.post('/api/staff/:id/disable', {
    config: { access: 'staff:admin' },
    schema: { tags: ['staff'], params, response: { 200: z.object({ staff: staffSchema }) } },
  }, async (req) => setStaffDisabled(contextOf(deps, req), req.params.id, true));

  r.post('/api/staff/:id/enable', {
    config: { access: 'staff:admin', recentAuth: true },
    schema: { tags: ['staff'], params, response: { 200: z.object({ staff: staffSchema }) } },
  }, async (req) => setStaffDisabled(contextOf(deps, req), req.params.id, false));

  r.post('/api/staff/:id/reset', {
    config: { access: 'staff:admin', recentAuth: true },
    schema: { tags: ['staff'], params, response: { 200: z.object({ link: linkSchema }) } },
  }, async (req) => resetStaff(contextOf(deps, req), req.params.id));
}
