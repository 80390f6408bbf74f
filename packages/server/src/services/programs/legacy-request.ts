import type { FastifyRequest } from 'fastify';
import { requireStaff, type RequestContext } from '../../request-context.ts';

/**
 * The request-shaped facts that the scheduling and scales services still read (the signed-in staff
 * member, the request id, address, user agent and language), built from a programs context. A
 * bridge while those services take the Fastify request: the audit rows they write stay exactly
 * those of the request. Remove it (and pass `ctx`) once they take a `RequestContext`.
 */
export function legacyRequest(ctx: RequestContext): FastifyRequest {
  const s = requireStaff(ctx);
  return {
    id: ctx.meta.requestId,
    ip: ctx.meta.ip ?? undefined,
    headers: { 'user-agent': ctx.meta.userAgent ?? undefined, 'accept-language': ctx.meta.lang },
    staff: { clinicId: s.clinicId, staffId: s.staffId, role: s.role, displayName: s.displayName },
    patient: null,
  } as unknown as FastifyRequest;
}
