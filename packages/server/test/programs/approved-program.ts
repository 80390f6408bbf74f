import { sha256Hex } from '@mimamori/core/programs/index';

type DocInput = { id: string; version: string; title?: string; text?: string };
type ProgramInputLike = { consentDocuments: DocInput[]; pathway?: string } & Record<string, unknown>;

/** Governance that satisfies every pathway for the given documents (a CRB and a jRCT id). */
export function fullGovernance(docs: ReadonlyArray<{ id: string; version: string }>) {
  return {
    reviewBoard: { name: 'テスト大学 認定臨床研究審査委員会', type: 'certified_review_board' },
    approval: { number: 'CRB-TEST-001', date: '2026-11-01' },
    registryId: 'jRCTs031180032',
    protocol: { version: '1.0', sha256: sha256Hex('protocol v1.0') },
    sap: { version: '1.0', sha256: sha256Hex('sap v1.0') },
    approvedConsentDocuments: [...new Set(docs.map((d) => `${d.id}@${d.version}`))],
  };
}

/**
 * An example program as a clinic would use it: the 【見本】 texts replaced by its own approved
 * documents, and the governance its pathway needs stored.
 */
export function approvedProgram<T extends ProgramInputLike>(input: T): T {
  return {
    ...input,
    consentDocuments: input.consentDocuments.map((d) => ({ ...d, text: `${d.title ?? d.id}\n\n審査委員会で承認された説明文書 第${d.version}版（テスト用）` })),
    governance: fullGovernance(input.consentDocuments),
  };
}
