import { appendAudit, writeTransaction, type Db } from '@mimamori/storage';
import { auditActor, type RequestContext } from '../request-context.ts';

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
 * Appends an audit row for this context: who (the actor), role, action, resource, patient, time,
 * request id, client address. Pass the transaction of the write it records. Requests and
 * background jobs share this one path (a job's context has a system actor).
 */
export async function audit(ctx: RequestContext, db: Db, e: AuditEvent): Promise<void> {
  const who = auditActor(ctx.actor);
  await appendAudit(
    db,
    {
      at: ctx.clock().toISOString(),
      clinicId: e.clinicId !== undefined ? e.clinicId : ctx.actor.clinicId,
      actorId: e.actorId !== undefined ? e.actorId : who.actorId,
      actorRole: e.actorRole !== undefined ? e.actorRole : who.actorRole,
      action: e.action,
      resource: e.resource,
      resourceId: e.resourceId ?? null,
      patientId: e.patientId ?? null,
      outcome: e.outcome ?? 'success',
      requestId: ctx.meta.requestId,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent,
      detail: e.detail ?? null,
    },
  );
}

/** An audit row in its own transaction (reads, denials, security events), retried as every write is. */
export async function auditAlone(ctx: RequestContext, e: AuditEvent): Promise<void> {
  await writeTransaction(ctx.db.db, (tx) => audit(ctx, tx, e));
}
