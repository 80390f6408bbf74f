import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PAYMENT_METHODS, TAX_CATEGORIES } from '@mimamori/core/billing/index';
import { renderStatementPdf } from '@mimamori/reports/statement-pdf';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { patientAccount } from '../../services/billing/account-service.ts';
import { getBillingSettings, saveBillingSettings } from '../../services/billing/billing-settings.ts';
import { addCharge } from '../../services/billing/charge-service.ts';
import { issueDocument, patientDocuments } from '../../services/billing/document-service.ts';
import { closingCsv, closingOf } from '../../services/billing/closing-service.ts';
import { takePayment } from '../../services/billing/payment-service.ts';
import { addPriceVersion, CHARGE_EVENTS, priceList } from '../../services/billing/price-list-service.ts';
import { decideRefund, pendingRefunds, requestRefund } from '../../services/billing/refund-service.ts';
import { getStatement, reissueStatement, statementPdfState, voidAndReissue } from '../../services/billing/statement-service.ts';
import { statementLink } from '../../services/billing/statement-link-service.ts';

const tags = ['billing'];
const idSchema = z.string().regex(/^[0-9a-f]{32}$/, { message: 'invalid_type' });
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_type' });
const text = (max: number) => z.string().trim().min(1).max(max);
const yenSchema = z.number().int().min(0).max(100_000_000);
const methodSchema = z.enum(PAYMENT_METHODS as [string, ...string[]]) as z.ZodType<(typeof PAYMENT_METHODS)[number]>;

/**
 * Self-pay billing (docs/billing.md): the price list (admin), charges, payments and statements
 * (reception), refunds (requested at reception, decided by an administrator), the daily closing
 * and its CSV. Researchers see none of it.
 */
export function registerBillingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/billing/settings', { config: { access: 'billing:read' }, schema: { tags } }, async (req) => getBillingSettings(contextOf(deps, req)));
  r.put('/api/billing/settings', {
    config: { access: 'billing:admin' },
    schema: { tags, body: z.strictObject({ address: z.string().max(200), phone: z.string().max(40), registrationNumber: z.string().max(40), rounding: z.enum(['floor', 'round', 'ceil']) }) },
  }, async (req) => saveBillingSettings(contextOf(deps, req), req.body));

  r.get('/api/billing/prices', { config: { access: 'billing:read' }, schema: { tags } }, async (req) => priceList(contextOf(deps, req)));
  r.post('/api/billing/prices', {
    config: { access: 'billing:admin' },
    schema: {
      tags,
      body: z.strictObject({
        code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, { message: 'invalid_type' }),
        name: z.strictObject({ ja: text(100), en: text(100) }),
        priceYen: yenSchema,
        taxCategory: z.enum(TAX_CATEGORIES as [string, ...string[]]) as z.ZodType<(typeof TAX_CATEGORIES)[number]>,
        effectiveFrom: dateSchema,
        event: (z.enum(CHARGE_EVENTS as [string, ...string[]]) as z.ZodType<(typeof CHARGE_EVENTS)[number]>).nullable().optional(),
        programId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'invalid_type' }).nullable().optional(),
        sessions: z.number().int().min(1).max(200).nullable().optional(),
        refundPolicy: z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('pro_rata'), cancellationFeeYen: yenSchema, feeFreeDaysBefore: z.number().int().min(0).max(365) }),
          z.strictObject({ kind: z.literal('none') }),
        ]).nullable().optional(),
      }),
    },
  }, async (req, reply) => reply.code(201).send(await addPriceVersion(contextOf(deps, req), req.body)));

  r.get('/api/billing/patients/:id', { config: { access: 'billing:read' }, schema: { tags, params: z.strictObject({ id: idSchema }) } }, async (req) => patientAccount(contextOf(deps, req), req.params.id));

  r.post('/api/billing/charges', {
    config: { access: 'billing:collect' },
    schema: {
      tags,
      body: z.strictObject({ patientId: idSchema, code: z.string().min(1).max(32), quantity: z.number().int().min(1).max(100).default(1), date: dateSchema.optional(), reason: z.string().max(500).optional(), enrolmentId: idSchema.optional() }),
    },
  }, async (req, reply) => reply.code(201).send(await addCharge(contextOf(deps, req), req.body)));

  // Documents issued to a patient (文書発行): recorded at reception, charged from the price list once.
  r.get('/api/patients/:id/documents', { config: { access: 'billing:read' }, schema: { tags, params: z.strictObject({ id: idSchema }) } }, async (req) => patientDocuments(contextOf(deps, req), req.params.id));
  r.post('/api/patients/:id/documents', {
    config: { access: 'billing:collect' },
    schema: { tags, params: z.strictObject({ id: idSchema }), body: z.strictObject({ id: idSchema, kind: z.string().max(40), issuedDate: z.string().max(10), note: z.string().max(2000).nullable().optional() }) },
  }, async (req, reply) => {
    const r = await issueDocument(contextOf(deps, req), { ...req.body, patientId: req.params.id });
    return reply.code(r.created ? 201 : 200).send(r.document);
  });

  r.post('/api/billing/payments', {
    config: { access: 'billing:collect' },
    schema: { tags, body: z.strictObject({ patientId: idSchema, chargeIds: z.array(idSchema).min(1).max(100), method: methodSchema }) },
  }, async (req, reply) => reply.code(201).send(await takePayment(contextOf(deps, req), req.body)));

  r.get('/api/billing/statements/:id', { config: { access: 'billing:read' }, schema: { tags, params: z.strictObject({ id: idSchema }) } }, async (req) => getStatement(contextOf(deps, req), req.params.id));
  r.get('/api/billing/statements/:id/pdf', {
    config: { access: 'billing:read' },
    schema: { tags, params: z.strictObject({ id: idSchema }), querystring: z.strictObject({ lang: z.enum(['ja', 'en']).optional() }) },
  }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const s = await getStatement(ctx, req.params.id);
    const pdf = Buffer.from(await renderStatementPdf(s.model, { lang: req.query.lang ?? contextOf(deps, req).meta.lang, state: statementPdfState(s) }));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="statement-${s.number}.pdf"`).header('cache-control', 'no-store').send(pdf);
  });
  r.post('/api/billing/statements/:id/reissue', { config: { access: 'billing:collect' }, schema: { tags, params: z.strictObject({ id: idSchema }) } }, async (req) => reissueStatement(contextOf(deps, req), req.params.id));
  r.post('/api/billing/statements/:id/void', {
    config: { access: 'billing:collect' },
    schema: { tags, params: z.strictObject({ id: idSchema }), body: z.strictObject({ reason: text(500), recipientName: z.string().trim().max(100).optional() }) },
  }, async (req, reply) => reply.code(201).send(await voidAndReissue(contextOf(deps, req), req.params.id, req.body)));
  r.post('/api/billing/statements/:id/patient-link', { config: { access: 'billing:collect' }, schema: { tags, params: z.strictObject({ id: idSchema }) } }, async (req, reply) =>
    reply.code(201).send(await statementLink(contextOf(deps, req), req.params.id)));

  r.post('/api/billing/refunds', {
    config: { access: 'billing:collect' },
    schema: { tags, body: z.strictObject({ chargeId: idSchema, amountYen: z.number().int().min(1).max(100_000_000).optional(), method: methodSchema, reason: text(500) }) },
  }, async (req, reply) => reply.code(201).send(await requestRefund(contextOf(deps, req), req.body)));
  r.get('/api/billing/refunds/pending', { config: { access: 'billing:admin' }, schema: { tags } }, async (req) => pendingRefunds(contextOf(deps, req)));
  r.post('/api/billing/refunds/:id/decision', {
    config: { access: 'billing:admin', recentAuth: true },
    schema: { tags, params: z.strictObject({ id: idSchema }), body: z.strictObject({ decision: z.enum(['approved', 'rejected']), note: z.string().max(500).optional() }) },
  }, async (req) => decideRefund(contextOf(deps, req), req.params.id, req.body));

  r.get('/api/billing/closing', { config: { access: 'billing:read' }, schema: { tags, querystring: z.strictObject({ date: dateSchema }) } }, async (req) => closingOf(contextOf(deps, req), req.query.date));
  r.get('/api/billing/closing.csv', {
    config: { access: 'billing:read' },
    schema: { tags, querystring: z.strictObject({ from: dateSchema, to: dateSchema }) },
  }, async (req, reply) => {
    const csv = await closingCsv(contextOf(deps, req), req.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="closing-${req.query.from}-${req.query.to}.csv"`).header('cache-control', 'no-store').send(csv);
  });
}
