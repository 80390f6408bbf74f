import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './db.ts';

export interface AuditEntry {
  readonly at: string;
  readonly clinicId: string | null;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly resource: string;
  readonly resourceId?: string | null;
  readonly patientId?: string | null;
  readonly outcome: 'success' | 'denied' | 'failure';
  readonly requestId?: string | null;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
  /** Short, non-clinical detail (e.g. changed field names, a reason code). Never patient data. */
  readonly detail?: string | null;
}

const GENESIS = '0'.repeat(64);

/** One chain per clinic; events without a clinic (e.g. a failed login for an unknown id) go to `system`. */
export function chainOf(clinicId: string | null): string {
  return clinicId ?? 'system';
}

interface CanonicalRow {
  chain: string;
  seq: number;
  at: string;
  clinic_id: string | null;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  resource: string;
  resource_id: string | null;
  patient_id: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  detail: string | null;
}

/** h_n = SHA-256(h_{n-1} ‖ canonical(row_n)); canonical = JSON of the fields in a fixed order. */
export function auditHash(prevHash: string, row: CanonicalRow): string {
  const canonical = JSON.stringify([
    row.chain, Number(row.seq), row.at, row.clinic_id, row.actor_id, row.actor_role, row.action, row.resource,
    row.resource_id, row.patient_id, row.outcome, row.request_id, row.ip, row.user_agent, row.detail,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends one audit row. Call it inside the transaction of the write it records, so that the
 * record and its audit row commit or fail together. The chain head row is locked (PostgreSQL:
 * SELECT … FOR UPDATE; SQLite: the single writer) so concurrent transactions extend the chain one
 * at a time.
 */
export async function appendAudit(db: Db, entry: AuditEntry, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const chain = chainOf(entry.clinicId);
  let head: { seq: number; hash: string } | undefined;
  if (dialect === 'postgres') {
    await sql`INSERT INTO audit_head (chain, seq, hash) VALUES (${chain}, 0, ${GENESIS}) ON CONFLICT (chain) DO NOTHING`.execute(db);
    head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('chain', '=', chain).forUpdate().executeTakeFirst();
  } else {
    head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('chain', '=', chain).executeTakeFirst();
    if (!head) {
      await db.insertInto('audit_head').values({ chain, seq: 0, hash: GENESIS }).execute();
      head = { seq: 0, hash: GENESIS };
    }
  }
  if (!head) throw new Error('audit head missing');
  const row: CanonicalRow = {
    chain,
    seq: Number(head.seq) + 1,
    at: entry.at,
    clinic_id: entry.clinicId,
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    action: entry.action,
    resource: entry.resource,
    resource_id: entry.resourceId ?? null,
    patient_id: entry.patientId ?? null,
    outcome: entry.outcome,
    request_id: entry.requestId ?? null,
    ip: entry.ip ?? null,
    user_agent: entry.userAgent ? entry.userAgent.slice(0, 300) : null,
    detail: entry.detail ?? null,
  };
  const hash = auditHash(head.hash, row);
  await db.insertInto('audit_log').values({ ...row, prev_hash: head.hash, hash }).execute();
  await db.updateTable('audit_head').set({ seq: row.seq, hash }).where('chain', '=', chain).execute();
}

export interface AuditVerifyResult {
  readonly ok: boolean;
  readonly rows: number;
  readonly chains: number;
  /** The first row whose stored hash or link does not match (id, chain and seq). */
  readonly firstBad?: { readonly id: number; readonly chain: string; readonly seq: number; readonly reason: string };
}

/** Recomputes every chain from its genesis; names the first row that does not verify. */
export async function verifyAudit(db: Db): Promise<AuditVerifyResult> {
  const heads = await db.selectFrom('audit_head').selectAll().execute();
  let rows = 0;
  let firstBad: AuditVerifyResult['firstBad'];
  for (const head of heads) {
    let prev = GENESIS;
    let expectSeq = 1;
    let lastId = 0;
    const pageSize = 5000;
    for (;;) {
      const page = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('chain', '=', head.chain)
        .where('seq', '>=', expectSeq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const r of page) {
        rows++;
        const seq = Number(r.seq);
        let reason: string | undefined;
        if (seq !== expectSeq) reason = `missing row before seq ${seq} (expected ${expectSeq})`;
        else if (r.prev_hash !== prev) reason = 'link to previous row broken';
        else if (auditHash(prev, { ...r, seq }) !== r.hash) reason = 'row content does not match its hash';
        if (reason && !firstBad) firstBad = { id: Number(r.id), chain: r.chain, seq, reason };
        if (reason) break;
        prev = r.hash;
        expectSeq = seq + 1;
        lastId = Number(r.id);
      }
      if (firstBad && firstBad.chain === head.chain) break;
      if (page.length < pageSize) break;
    }
    if (!firstBad && (Number(head.seq) !== expectSeq - 1 || head.hash !== prev)) {
      firstBad = { id: lastId, chain: head.chain, seq: expectSeq - 1, reason: 'chain head does not match the last row (rows removed at the end?)' };
    }
  }
  return { ok: !firstBad, rows, chains: heads.length, ...(firstBad ? { firstBad } : {}) };
}

export interface AuditQuery {
  readonly clinicId: string;
  readonly patientId?: string;
  readonly actorId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly beforeId?: number;
  readonly limit?: number;
}

export async function listAudit(db: Db, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.actor_id')
    .select([
      'audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'audit_log.actor_role', 'audit_log.action',
      'audit_log.resource', 'audit_log.resource_id', 'audit_log.patient_id', 'audit_log.outcome',
      'audit_log.request_id', 'audit_log.ip', 'audit_log.detail', 'audit_log.seq', 'audit_log.hash',
      'staff.display_name as actor_name',
    ])
    .where('audit_log.clinic_id', '=', q.clinicId);
  if (q.patientId) query = query.where('audit_log.patient_id', '=', q.patientId);
  if (q.actorId) query = query.where('audit_log.actor_id', '=', q.actorId);
  if (q.from) query = query.where('audit_log.at', '>=', q.from);
  if (q.to) query = query.where('audit_log.at', '<', q.to);
  if (q.beforeId !== undefined) query = query.where('audit_log.id', '<', q.beforeId);
  return query.orderBy('audit_log.id', 'desc').limit(q.limit ?? 100).execute();
}
