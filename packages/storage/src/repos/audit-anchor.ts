import type { Db } from './db.ts';

/**
 * A chain head copied out of the database (printed, mailed, kept on write-once storage). A chain
 * rebuilt from scratch verifies on its own; recomputed from its rows it cannot also reach the hash
 * that was copied out earlier at that sequence number, so `verifyAudit` with anchors detects it.
 */
export interface AuditAnchor {
  readonly chain: string;
  readonly seq: number;
  readonly hash: string;
}

const LINE = /^mimamori-audit-head (\S+) (\d+) ([0-9a-f]{64})$/;

/** The current head of every chain, or of the named chains. */
export async function auditHeads(db: Db, chains?: ReadonlyArray<string>): Promise<AuditAnchor[]> {
  let q = db.selectFrom('audit_head').select(['chain', 'seq', 'hash']).where('seq', '>', 0).orderBy('chain');
  if (chains) {
    if (chains.length === 0) return [];
    q = q.where('chain', 'in', [...chains]);
  }
  return (await q.execute()).map((h) => ({ chain: h.chain, seq: Number(h.seq), hash: h.hash }));
}

/** One line per anchor: `mimamori-audit-head <chain> <seq> <sha-256>`. */
export function formatAuditAnchors(anchors: ReadonlyArray<AuditAnchor>): string {
  return anchors.map((a) => `mimamori-audit-head ${a.chain} ${a.seq} ${a.hash}`).join('\n');
}

/** Reads anchor lines from any text (a saved mail, a printout typed back); other lines are ignored. */
export function parseAuditAnchors(text: string): AuditAnchor[] {
  const out: AuditAnchor[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = LINE.exec(raw.trim());
    if (m) out.push({ chain: m[1]!, seq: Number(m[2]), hash: m[3]! });
  }
  return out;
}
