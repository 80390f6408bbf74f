import type { ProgramLabPlanEntry } from './lab-plan.ts';
import type { CustomAnalyte } from '../labs/lab-catalogue.ts';
import type { AnalyteId } from '../labs/analytes.ts';
import type { Lang, LocalizedText } from '../text/localized-text.ts';
import type { ProgramPrice } from './price.ts';
import type { ProgramGovernance, RegulatoryPathway } from './governance-types.ts';
import type { ProgramSafety } from './program-safety.ts';
import type { ProgramClosure } from './closure-types.ts';

// The shapes of a monitor program's definition (`defineProgram` checks and freezes them).
export type TreatmentKind = 'infusion' | 'tms';
export const TREATMENT_KINDS: ReadonlyArray<TreatmentKind> = ['infusion', 'tms'];

/** Inclusive severity threshold on a scale's total score, e.g. `{ scaleId: 'phq9', min: 10 }`. */
export type SeverityThreshold = {
  readonly scaleId: string;
  readonly min?: number;
  readonly max?: number;
};

/**
 * An exclusion. When `icd10` is given and the patient's diagnoses are known it is checked
 * automatically (any prefix match excludes); otherwise the doctor attests it, or the caller passes
 * a known yes/no in `EligibilityData.exclusions`.
 */
export type ExclusionCriterion = {
  readonly id: string;
  readonly label: LocalizedText;
  readonly icd10?: ReadonlyArray<string>;
};

export type EligibilityCriteria = {
  /** Inclusive age bounds in completed years on the screening date. */
  readonly minAgeYears?: number;
  readonly maxAgeYears?: number;
  /** ICD-10 codes or prefixes; a patient needs at least one matching diagnosis. Empty = any. */
  readonly diagnosisCodes: ReadonlyArray<string>;
  readonly severity: ReadonlyArray<SeverityThreshold>;
  /** `all_of`: every threshold must be met; `any_of`: one is enough (e.g. PHQ-9 ≥ 10 or GAD-7 ≥ 10). */
  readonly severityRule: 'all_of' | 'any_of';
  readonly exclusions: ReadonlyArray<ExclusionCriterion>;
};

/** Who a consent document is for. `assent` is the child's own agreement beside the guardian's consent. */
export type ConsentRole = 'participant' | 'guardian' | 'assent';
export const CONSENT_ROLES: ReadonlyArray<ConsentRole> = ['participant', 'guardian', 'assent'];

/**
 * One version of one consent document in one language. The content itself is stored by the
 * caller; the core keeps its SHA-256 (`sha256Hex` of the exact text shown) so a signature can be
 * tied to the words the patient read.
 */
export type ConsentDocument = {
  readonly id: string;
  readonly version: string;
  readonly role: ConsentRole;
  readonly language: Lang;
  readonly title: string;
  readonly contentHash: string;
  readonly effectiveFrom: string;
  /** A sample text (the example programs' 【見本】 documents): never signed outside the demo clinic. */
  readonly sample?: boolean;
};

/**
 * The treatment course. `fixed_interval`: `count` sessions `intervalDays` apart (from day 0), each
 * allowed within its window (infusions every 14 days ± 2). `each_open_day`: one session on every
 * open day until `count` are done (daily TMS); windows do not apply.
 */
export type SessionSchedule = {
  readonly kind: TreatmentKind;
  readonly spacing: 'fixed_interval' | 'each_open_day';
  readonly count: number;
  readonly intervalDays: number;
  readonly windowBeforeDays: number;
  readonly windowAfterDays: number;
  /** Earliest first session, in days after the enrolment date (time for baseline blood etc.). */
  readonly firstSessionAfterEnrolmentDays: number;
  /**
   * The reservations service each session is booked as (e.g. the demo clinic's `exosome-infusion`
   * or `tms`). Needed to book the course as one series; older definitions may lack it.
   */
  readonly serviceId?: string;
};

/**
 * An assessment visit. Visits anchored at `first_session` are placed `dayOffset` days from the
 * first treatment session (day 0); the `screening` visit is the screening date itself.
 * `baseline` marks the two baselines the outcome analysis needs to judge regression to the mean:
 * the screening score and a second, pre-treatment score.
 */
export type AssessmentVisit = {
  readonly id: string;
  readonly label: LocalizedText;
  readonly anchor: 'screening' | 'first_session';
  readonly dayOffset: number;
  readonly windowBeforeDays: number;
  readonly windowAfterDays: number;
  readonly scales: ReadonlyArray<string>;
  readonly biomarkers: ReadonlyArray<AnalyteId>;
  /** In-clinic visits (blood draws, clinician ratings) must fall on open days; remote scale links need not. */
  readonly inClinic: boolean;
  readonly baseline?: 'screening' | 'pre_treatment';
};

/** A versioned monitor program. Change anything → new `version`; enrolments keep the version they joined. */
export type ProgramDefinition = {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly treatment: TreatmentKind;
  readonly eligibility: EligibilityCriteria;
  /** The rules the program runs under; the governance its pathway needs is listed by `missingGovernance`. */
  readonly pathway: RegulatoryPathway;
  readonly governance?: ProgramGovernance;
  readonly consentDocuments: ReadonlyArray<ConsentDocument>;
  readonly sessions: SessionSchedule;
  readonly assessments: ReadonlyArray<AssessmentVisit>;
  readonly price: ProgramPrice;
  /** Sample type and collection window per analyte (`lab-plan.ts`). */
  readonly labPlan?: ReadonlyArray<ProgramLabPlanEntry>;
  readonly ethicsApprovalId?: string;
  readonly registryId?: string;
  /** Expected adverse events and the clinic's SAE report days (`program-safety.ts`). */
  readonly safety?: ProgramSafety;
  /** When the study ended, its end was reported and its results finally published (retention counts from them). */
  readonly closure?: ProgramClosure;
};

/** Loose input accepted by `defineProgram`: optional fields get defaults, everything is checked. */
export type ProgramDefinitionInput = {
  readonly id?: string;
  readonly version?: number;
  readonly title?: Partial<LocalizedText>;
  readonly treatment?: string;
  readonly eligibility?: Partial<EligibilityCriteria>;
  readonly pathway?: string;
  readonly governance?: unknown;
  readonly consentDocuments?: ReadonlyArray<Partial<ConsentDocument>>;
  readonly sessions?: Partial<SessionSchedule>;
  readonly assessments?: ReadonlyArray<Partial<AssessmentVisit>>;
  readonly price?: Partial<ProgramPrice>;
  readonly labPlan?: unknown;
  /** The clinic's own analytes, so a lab plan may name them (not stored in the definition). */
  readonly customAnalytes?: ReadonlyArray<CustomAnalyte>;
  readonly ethicsApprovalId?: string;
  readonly registryId?: string;
  readonly safety?: unknown;
  readonly closure?: unknown;
};

