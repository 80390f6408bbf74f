import type { ConsentDocument } from './program-types.ts';

/**
 * Under which rules a program runs (docs/governance.md gives each pathway's sources):
 * - `specified_clinical_research`: 特定臨床研究 under 臨床研究法 (e.g. evaluating an unapproved
 *   product's efficacy) — a 認定臨床研究審査委員会 reviews it and it is registered in jRCT.
 * - `guideline_research`: other research under 人を対象とする生命科学・医学系研究に関する倫理指針 —
 *   an ethics committee reviews it; interventional research is registered (jRCT or UMIN-CTR).
 * - `self_pay_with_data_consent`: self-pay treatment whose data are used for research with the
 *   patient's consent — the research use is reviewed by an ethics committee under the guideline.
 * The clinic's review board decides which pathway applies; the software only checks the records.
 */
export type RegulatoryPathway = 'specified_clinical_research' | 'guideline_research' | 'self_pay_with_data_consent';
export const REGULATORY_PATHWAYS: ReadonlyArray<RegulatoryPathway> = ['specified_clinical_research', 'guideline_research', 'self_pay_with_data_consent'];

/** 認定臨床研究審査委員会 (CRB, 臨床研究法) or 倫理審査委員会 (the ethical guideline). */
export type ReviewBoardType = 'certified_review_board' | 'ethics_committee';
export const REVIEW_BOARD_TYPES: ReadonlyArray<ReviewBoardType> = ['certified_review_board', 'ethics_committee'];

/** A document version with the SHA-256 of its exact file or text. */
export type VersionedHash = { readonly version: string; readonly sha256: string };

/** What the clinic stored about a program's review, registration and approved documents. */
export type ProgramGovernance = {
  readonly reviewBoard?: { readonly name: string; readonly type: ReviewBoardType };
  readonly approval?: { readonly number: string; readonly date: string };
  /** jRCT or UMIN-CTR id (format checked by `registryKind`). */
  readonly registryId?: string;
  readonly protocol?: VersionedHash;
  /** The statistical analysis plan; the outcome report's locked plan replaces it when one exists. */
  readonly sap?: VersionedHash;
  /** Consent document versions the board approved, as `id@version`. */
  readonly approvedConsentDocuments?: ReadonlyArray<string>;
};

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

