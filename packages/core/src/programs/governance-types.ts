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
