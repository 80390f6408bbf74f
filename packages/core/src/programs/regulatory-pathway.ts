import type { ConsentDocument } from './program-types.ts';

export { REGULATORY_PATHWAYS, REVIEW_BOARD_TYPES, type ProgramGovernance, type RegulatoryPathway, type ReviewBoardType, type VersionedHash } from './governance-types.ts';
import type { ProgramGovernance, RegulatoryPathway, ReviewBoardType, VersionedHash } from './governance-types.ts';

/** One thing a pathway needs before the first consent. */
export type GovernanceItem =
  | 'pathway'
  | 'review_board'
  | 'certified_review_board'
  | 'approval'
  | 'registry'
  | 'jrct_registry'
  | 'protocol'
  | 'sap'
  | 'approved_consent_documents';

/**
 * What each pathway asks for before the first consent.
 *
 * @example
 * pathwayRequirements('specified_clinical_research').registry; // 'jrct'
 */
export function pathwayRequirements(pathway: RegulatoryPathway): {
  readonly boardType: ReviewBoardType | 'any';
  readonly registry: 'jrct' | 'jrct_or_umin' | 'none';
  readonly sap: boolean;
} {
  switch (pathway) {
    case 'specified_clinical_research':
      return { boardType: 'certified_review_board', registry: 'jrct', sap: true };
    case 'guideline_research':
      return { boardType: 'any', registry: 'jrct_or_umin', sap: true };
    case 'self_pay_with_data_consent':
      return { boardType: 'any', registry: 'none', sap: false };
  }
}

export type MissingGovernanceOptions = {
  readonly pathway: RegulatoryPathway | undefined;
  readonly governance: ProgramGovernance | undefined;
  readonly consentDocuments: ReadonlyArray<Pick<ConsentDocument, 'id' | 'version'>>;
  /** The outcome report's locked analysis plan, when one exists: it counts as the SAP. */
  readonly lockedPlan?: VersionedHash;
};

/** A missing item and, for documents, which version lacks approval. */
export type MissingGovernance = { readonly item: GovernanceItem; readonly document?: string };

/**
 * Lists what the program's pathway still needs before anyone may consent (empty = complete). The
 * review board's type must match the pathway (a CRB for 特定臨床研究); the registry id must be a
 * jRCT id for 特定臨床研究, jRCT or UMIN-CTR for guideline research; every consent document version
 * of the program must be among the approved ones.
 *
 * @example
 * missingGovernance({ pathway: 'guideline_research', governance: {}, consentDocuments: [] });
 * // [{ item: 'review_board' }, { item: 'approval' }, { item: 'registry' }, { item: 'protocol' }, { item: 'sap' }]
 */
export function missingGovernance(opts: MissingGovernanceOptions): ReadonlyArray<MissingGovernance> {
  if (!opts.pathway) return [{ item: 'pathway' }];
  const req = pathwayRequirements(opts.pathway);
  const g = opts.governance ?? {};
  const out: MissingGovernance[] = [];
  if (!g.reviewBoard?.name) out.push({ item: 'review_board' });
  else if (req.boardType !== 'any' && g.reviewBoard.type !== req.boardType) out.push({ item: 'certified_review_board' });
  if (!g.approval?.number || !g.approval.date) out.push({ item: 'approval' });
  if (req.registry !== 'none') {
    if (!g.registryId) out.push({ item: 'registry' });
    else if (req.registry === 'jrct' && !/^jRCT[a-z0-9]\d{9}$/.test(g.registryId)) out.push({ item: 'jrct_registry' });
  }
  if (!g.protocol) out.push({ item: 'protocol' });
  if (req.sap && !opts.lockedPlan && !g.sap) out.push({ item: 'sap' });
  const approved = new Set(g.approvedConsentDocuments ?? []);
  const seen = new Set<string>();
  for (const d of opts.consentDocuments) {
    const key = `${d.id}@${d.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!approved.has(key)) out.push({ item: 'approved_consent_documents', document: key });
  }
  return out;
}

