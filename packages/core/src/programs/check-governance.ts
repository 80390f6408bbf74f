import { checkDate } from '../fields/check-date.ts';
import type { Issues } from '../fields/field-issues.ts';
import { checkOneOf, checkText } from '../fields/field-issues.ts';
import { registryKind } from './registry-id.ts';
import { REVIEW_BOARD_TYPES, type ProgramGovernance, type VersionedHash } from './regulatory-pathway.ts';
import { isSha256Hex } from './sha256.ts';

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);

function checkVersioned(issues: Issues, path: string, v: unknown): VersionedHash | undefined {
  const o = obj(v);
  if (v === undefined || v === null) return undefined;
  if (!o) {
    issues.add(path, 'programs.field.required');
    return undefined;
  }
  const version = checkText(issues, `${path}.version`, o.version, { max: 32 });
  if (!isSha256Hex(o.sha256)) issues.add(`${path}.sha256`, 'programs.hash_invalid');
  return version && isSha256Hex(o.sha256) ? { version, sha256: o.sha256 } : undefined;
}

/**
 * The `governance` part of a program definition: each field optional (a program is written before
 * its approval arrives) but well formed when given — a board type, an approval date, a jRCT or
 * UMIN-CTR id, SHA-256 hashes, document versions as `id@version`.
 */
export function checkGovernance(issues: Issues, v: unknown): ProgramGovernance | undefined {
  if (v === undefined || v === null) return undefined;
  const g = obj(v);
  if (!g) {
    issues.add('governance', 'programs.field.required');
    return undefined;
  }
  const out: { -readonly [K in keyof ProgramGovernance]: ProgramGovernance[K] } = {};
  const board = obj(g.reviewBoard);
  if (board && (board.name !== undefined || board.type !== undefined)) {
    const name = checkText(issues, 'governance.reviewBoard.name', board.name, { max: 200 });
    const type = checkOneOf(issues, 'governance.reviewBoard.type', board.type, REVIEW_BOARD_TYPES);
    if (name && type) out.reviewBoard = { name, type };
  }
  const approval = obj(g.approval);
  if (approval && (approval.number !== undefined || approval.date !== undefined)) {
    const number = checkText(issues, 'governance.approval.number', approval.number, { max: 100 });
    const date = checkDate(issues, 'governance.approval.date', approval.date);
    if (number && date) out.approval = { number, date };
  }
  const registryId = checkText(issues, 'governance.registryId', g.registryId, { required: false, max: 40 });
  if (registryId !== undefined) {
    if (registryKind(registryId) === undefined) issues.add('governance.registryId', 'programs.registry_id_invalid');
    else out.registryId = registryId;
  }
  const protocol = checkVersioned(issues, 'governance.protocol', g.protocol);
  if (protocol) out.protocol = protocol;
  const sap = checkVersioned(issues, 'governance.sap', g.sap);
  if (sap) out.sap = sap;
  if (g.approvedConsentDocuments !== undefined) {
    if (!Array.isArray(g.approvedConsentDocuments)) issues.add('governance.approvedConsentDocuments', 'programs.field.not_list');
    else {
      const docs: string[] = [];
      g.approvedConsentDocuments.forEach((d, i) => {
        if (typeof d !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}@[^\s@]{1,32}$/.test(d)) issues.add(`governance.approvedConsentDocuments[${i}]`, 'programs.governance_document_invalid');
        else if (!docs.includes(d)) docs.push(d);
      });
      out.approvedConsentDocuments = docs;
    }
  }
  return out;
}
