import { createHash } from 'node:crypto';
import { forUpdate } from '../dialects/locks.ts';
import type { AuditAnchor } from './audit-anchor.ts';
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
 * record and its audit row commit or fail together. The chain head row is locked until the
 * transaction ends (`forUpdate`: PostgreSQL row lock; SQLite: the single writer) so concurrent
 * transactions extend the chain one at a time.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  const chain = chainOf(entry.clinicId);
  const readHead = () => forUpdate(db, db.selectFrom('audit_head').select(['seq', 'hash']).where('chain', '=', chain)).executeTakeFirst();
  let head = await readHead();
  if (!head) {
    // The chain's first row: a concurrent first append waits here for the other's commit, then finds its head.
    await db.insertInto('audit_head').values({ chain, seq: 0, hash: GENESIS }).onConflict((oc) => oc.column('chain').doNothing()).execute();
    head = await readHead();
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
  /** Anchors (chain heads copied out earlier) that the rows now in the database do not reproduce. */
  readonly anchorsBroken: ReadonlyArray<BrokenAnchor>;
}

export interface BrokenAnchor extends AuditAnchor {
  /** The hash stored at that chain and sequence number now, or null when the row is gone. */
  readonly found: string | null;
  readonly reason: string;
}

interface ChainWalk {
  rows: number;
  /** The last sequence number that verified, and the hash recomputed up to it. */
  seq: number;
  hash: string;
  lastId: number;
  firstBad?: NonNullable<AuditVerifyResult['firstBad']>;
  /** Hash recomputed at each sequence number asked for in `at`, and the hash stored there. */
  readonly seen: Map<number, { readonly computed: string; readonly stored: string }>;
}

/**
 * Recomputes one chain from its genesis, from the rows as they are (never from the head table),
 * and stops at the first row that does not follow: a gap, a broken link, content that does not
 * match its hash, or a row filed under another clinic's chain.
 */
async function walkChain(db: Db, chain: string, at: ReadonlySet<number>): Promise<ChainWalk> {
  const w: ChainWalk = { rows: 0, seq: 0, hash: GENESIS, lastId: 0, seen: new Map() };
  const pageSize = 5000;
  for (let first = true; ; first = false) {
    let q = db.selectFrom('audit_log').selectAll().where('chain', '=', chain);
    // The first page has no lower bound, so rows numbered below 1 are seen (and refused) too.
    if (!first) q = q.where('seq', '>', w.seq);
    const page = await q.orderBy('seq').limit(pageSize).execute();
    for (const r of page) {
      w.rows++;
      const seq = Number(r.seq);
      const computed = auditHash(w.hash, { ...r, seq });
      if (at.has(seq)) w.seen.set(seq, { computed, stored: r.hash });
      let reason: string | undefined;
      if (seq !== w.seq + 1) reason = `missing row before seq ${seq} (expected ${w.seq + 1})`;
      else if (r.chain !== chainOf(r.clinic_id)) reason = "row filed under another clinic's chain";
      else if (r.prev_hash !== w.hash) reason = 'link to previous row broken';
      else if (computed !== r.hash) reason = 'row content does not match its hash';
      if (reason) {
        w.firstBad = { id: Number(r.id), chain, seq, reason };
        return w;
      }
      w.seq = seq;
      w.hash = computed;
      w.lastId = Number(r.id);
    }
    if (page.length < pageSize) return w;
  }
}

/**
 * Recomputes every chain found in the audit rows (and every chain the head table names) from its
 * genesis, and names the first row that does not verify. A chain whose head row is missing or
 * does not match its last row fails too: deleting the head hides nothing. With `anchors` (heads
 * copied out earlier), each must be reproduced by recomputing its chain up to its sequence number:
 * the rows up to it are all still there and unchanged. With `chains`, only those chains.
 */
export async function verifyAudit(
  db: Db,
  o: { readonly anchors?: ReadonlyArray<AuditAnchor>; readonly chains?: ReadonlyArray<string> } = {},
): Promise<AuditVerifyResult> {
  const fromRows = await db.selectFrom('audit_log').select('chain').distinct().execute();
  const heads = new Map((await db.selectFrom('audit_head').selectAll().execute()).map((h) => [h.chain, h]));
  const all = [...new Set([...fromRows.map((r) => r.chain), ...heads.keys(), ...(o.anchors ?? []).map((a) => a.chain)])].sort();
  // `chains`: only these (one clinic verifies its own chain and learns nothing of the others').
  const chains = o.chains ? all.filter((c) => o.chains!.includes(c)) : all;
  let rows = 0;
  let firstBad: AuditVerifyResult['firstBad'];
  const anchorsBroken: BrokenAnchor[] = [];
  for (const chain of chains) {
    const anchors = (o.anchors ?? []).filter((a) => a.chain === chain);
    const w = await walkChain(db, chain, new Set(anchors.map((a) => a.seq)));
    rows += w.rows;
    const head = heads.get(chain);
    if (!firstBad && w.firstBad) firstBad = w.firstBad;
    else if (!firstBad && w.rows > 0 && !head) {
      firstBad = { id: w.lastId, chain, seq: w.seq, reason: 'chain head missing (deleted?)' };
    } else if (!firstBad && head && (Number(head.seq) !== w.seq || head.hash !== w.hash)) {
      firstBad = { id: w.lastId, chain, seq: w.seq, reason: 'chain head does not match the last row (rows removed at the end?)' };
    }
    for (const a of anchors) {
      const seen = w.seen.get(a.seq);
      const proven = seen && seen.computed === a.hash && (!w.firstBad || w.firstBad.seq > a.seq);
      if (proven) continue;
      // A walk that stopped early never read the row at the anchor: look it up to report it.
      const stored = seen?.stored ?? (await db.selectFrom('audit_log').select('hash').where('chain', '=', chain).where('seq', '=', a.seq).executeTakeFirst())?.hash;
      anchorsBroken.push({
        ...a,
        found: stored ?? null,
        reason: !stored ? 'row missing' : w.firstBad && w.firstBad.seq <= a.seq ? `rows up to it do not verify (seq ${w.firstBad.seq}: ${w.firstBad.reason})` : 'rows up to it were rewritten',
      });
    }
  }
  return { ok: !firstBad, rows, chains: chains.length, ...(firstBad ? { firstBad } : {}), anchorsBroken };
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
