import type { FastifyRequest } from 'fastify';
import { appendAudit, type Db } from '@mimamori/storage';
import type { AppDeps } from '../context.ts';

export interface AuditEvent {
  readonly action: string;
  readonly resource: string;
  readonly resourceId?: string | null;
  readonly patientId?: string | null;
  readonly outcome?: 'success' | 'denied' | 'failure';
  readonly detail?: string | null;
  /** For events before a session exists (login, setup): who it was about. */
  readonly actorId?: string | null;
  readonly actorRole?: string | null;
  readonly clinicId?: string | null;
}

/**
 * Appends an audit row for this request: who, role, action, resource, patient, time, request id,
 * client address. Pass the transaction of the write it records.
 */
export async function audit(deps: AppDeps, db: Db, req: FastifyRequest, e: AuditEvent): Promise<void> {
  const a = req.staff;
  await appendAudit(
    db,
    {
      at: deps.clock().toISOString(),
      clinicId: e.clinicId !== undefined ? e.clinicId : (a?.clinicId ?? null),
      actorId: e.actorId !== undefined ? e.actorId : (a?.staffId ?? null),
      actorRole: e.actorRole !== undefined ? e.actorRole : (a?.role ?? null),
      action: e.action,
      resource: e.resource,
      resourceId: e.resourceId ?? null,
      patientId: e.patientId ?? null,
      outcome: e.outcome ?? 'success',
      requestId: req.id,
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
      detail: e.detail ?? null,
    },
  );
}

/** An audit row in its own transaction (reads, denials, security events). */
export async function auditAlone(deps: AppDeps, req: FastifyRequest, e: AuditEvent): Promise<void> {
  await deps.db.db.transaction().execute((tx) => audit(deps, tx, req, e));
}
