import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendExportSignature, auditHeads, chainOf, listAudit, verifyAudit } from '@mimamori/storage';
import { auditAlone } from '../audit/audit.ts';
import type { AppDeps } from '../context.ts';
import { contextOf, requireStaff } from '../request-context.ts';
import { nameAuditRows } from '../services/name-audit-rows.ts';
import { csvDocument, csvLine } from '@mimamori/reports';
import { dateSchema, idSchema } from './schemas.ts';

const filters = z.strictObject({
  patientId: idSchema.optional(),
  userId: idSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

const item = z.object({
  id: z.number(), at: z.string(), userId: z.string().nullable(), userName: z.string().nullable(), role: z.string().nullable(), action: z.string(),
  resource: z.string(), resourceId: z.string().nullable(), patientId: z.string().nullable(), outcome: z.string(), requestId: z.string().nullable(),
  ip: z.string().nullable(), detail: z.string().nullable(),
  // The staff member or patient the row names, in words (patients only for a reader who may see them).
  resourceName: z.string().nullable(), patientLabel: z.string().nullable(),
});

/** Date filters are clinic dates (Asia/Tokyo): from 00:00 JST inclusive to the end of `to`. */
function range(q: { from?: string; to?: string }): { from?: string; to?: string } {
  const jst = (d: string, addDays: number) => new Date(Date.parse(`${d}T00:00:00+09:00`) + addDays * 86_400_000).toISOString();
  return { ...(q.from ? { from: jst(q.from, 0) } : {}), ...(q.to ? { to: jst(q.to, 1) } : {}) };
}

export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;

  const load = async (clinicId: string, q: z.infer<typeof filters>, limit: number) => {
    const rows = await listAudit(db, { clinicId, patientId: q.patientId, actorId: q.userId, ...range(q), beforeId: q.before, limit });
    return rows.map((x) => ({
      id: Number(x.id), at: x.at, userId: x.actor_id, userName: x.actor_name ?? null, role: x.actor_role, action: x.action, resource: x.resource,
      resourceId: x.resource_id, patientId: x.patient_id, outcome: x.outcome, requestId: x.request_id, ip: x.ip, detail: x.detail, hash: x.hash,
    }));
  };

  r.get('/api/audit', {
    config: { access: 'audit:read' },
    schema: { tags: ['audit'], querystring: filters, response: { 200: z.object({ items: z.array(item), nextBefore: z.number().nullable() }) } },
  }, async (req) => {
    const ctx = contextOf(deps, req);
    const { items, patientsNamed } = await nameAuditRows(ctx, await load(requireStaff(ctx).clinicId, req.query, req.query.limit));
    await auditAlone(ctx, { action: 'audit.read', resource: 'audit_log', patientId: req.query.patientId ?? null, ...(patientsNamed ? { detail: `patients_named=${patientsNamed}` } : {}) });
    return { items, nextBefore: items.length === req.query.limit ? items[items.length - 1]!.id : null };
  });

  r.get('/api/audit/export.csv', {
    config: { access: 'audit:read', recentAuth: true },
    schema: { tags: ['audit'], querystring: filters.omit({ limit: true, before: true }) },
  }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const clinicId = requireStaff(ctx).clinicId;
    const items = await load(clinicId, { ...req.query, limit: 100_000 }, 100_000);
    const head = await verifyAudit(db, { chains: [chainOf(clinicId)] });
    await auditAlone(ctx, { action: 'audit.export', resource: 'audit_log', patientId: req.query.patientId ?? null, detail: `rows=${items.length}` });
    const lines = [
      csvLine(['id', 'at', 'user_id', 'user_name', 'role', 'action', 'resource', 'resource_id', 'patient_id', 'outcome', 'request_id', 'ip', 'detail', 'row_hash']),
      ...items.map((i) => csvLine([i.id, i.at, i.userId, i.userName, i.role, i.action, i.resource, i.resourceId, i.patientId, i.outcome, i.requestId, i.ip, i.detail, i.hash])),
      csvLine([`# chain verified: ${head.ok ? 'ok' : 'FAILED'}; rows in the clinic's chain: ${head.rows}`]),
      ...(await auditHeads(db, [chainOf(clinicId)])).map((h) => csvLine([`# chain head: ${h.chain} ${h.seq} ${h.hash}`])),
    ];
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${deps.clock().toISOString().slice(0, 10)}.csv"`)
      // Signed, so an edited copy is detected (`mimamori audit check-export`).
      .send(appendExportSignature(deps.db.secrets.key, csvDocument(lines)));
  });

  r.get('/api/audit/verify', {
    config: { access: 'audit:read' },
    schema: { tags: ['audit'], response: { 200: z.object({ ok: z.boolean(), rows: z.number(), firstBadRowId: z.number().nullable(), reason: z.string().nullable() }) } },
  }, async (req) => {
    // The clinic's own chain: each clinic's is verified apart, and says nothing of another's.
    const v = await verifyAudit(db, { chains: [chainOf(requireStaff(contextOf(deps, req)).clinicId)] });
    return { ok: v.ok, rows: v.rows, firstBadRowId: v.firstBad?.id ?? null, reason: v.firstBad?.reason ?? null };
  });
}
