/**
 * A data cut: the pseudonymised, tidy dataset of one program frozen at one moment, as the files of
 * a data-cut directory (documented in docs/outcome-report.md). Days count from the participant's
 * first dose (day 0); there are no names, dates of birth, clinic numbers or free text.
 */

/**
 * Where a participant stands. `screening` (still being screened), `screen_failed` and `declined`
 * never consented; `consented` has not had a dose yet.
 */
export type ParticipantStatus = 'screening' | 'screen_failed' | 'declined' | 'consented' | 'ongoing' | 'completed' | 'withdrawn' | 'lost';

export const participantStatuses: ReadonlyArray<ParticipantStatus> = ['screening', 'screen_failed', 'declined', 'consented', 'ongoing', 'completed', 'withdrawn', 'lost'];

export interface CutParticipant {
  readonly studyId: string;
  readonly status: ParticipantStatus;
  /** Received at least one dose (infusion or session): the analysis population. */
  readonly dosed: boolean;
  readonly completed: boolean;
  /** Coded reason for leaving (`adverse_event`, `lack_of_efficacy`, …); never free text. */
  readonly reason: string | null;
  readonly ageBand: string | null;
  readonly sex: string | null;
  /** Doses received; from `doses` or, when that column is absent, counted in exposures.csv. */
  readonly doses: number | null;
}

/** `screening` and `baseline` are the two pre-treatment assessments; others are program visit ids. */
export interface CutOutcome {
  readonly studyId: string;
  readonly visit: string;
  readonly day: number | null;
  readonly nominalDay: number | null;
  readonly inWindow: boolean | null;
  readonly scale: string;
  readonly informant: string | null;
  /** Null: the questionnaire was due but not answered. */
  readonly total: number | null;
}

/** Causality as the clinic records it (WHO-UMC style, `packages/core/src/safety/adverse-event.ts`). */
export type { Relatedness } from '../safety/adverse-event.ts';
export { RELATEDNESS as relatednessLevels } from '../safety/adverse-event.ts';
import type { Relatedness } from '../safety/adverse-event.ts';
import type { AnalysisPlan } from './analysis-plan.ts';
import type { CutRecruitment } from './recruitment-flow.ts';

export interface CutAdverseEvent {
  readonly studyId: string;
  readonly day: number | null;
  /** Coded term (MedDRA-style preferred term or the clinic's code list), never a narrative. */
  readonly term: string;
  /** CTCAE-style grade 1–5. */
  readonly grade: number | null;
  readonly serious: boolean;
  readonly related: Relatedness | null;
}

export interface CutMedication {
  readonly studyId: string;
  readonly genericName: string;
  readonly dosePerDay: number | null;
  readonly unit: string | null;
  readonly startDay: number | null;
  readonly stopDay: number | null;
  readonly changedDuringProgram: boolean;
}

export interface CutLab {
  readonly studyId: string;
  readonly analyte: string;
  readonly sampleType: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly day: number | null;
  /** The visit the sample belongs to (`baseline` or a program visit id), when known. */
  readonly visit: string | null;
  /** Local time of collection `HH:MM` (diurnal markers such as cortisol depend on it). */
  readonly time: string | null;
}

export interface CutExposure {
  readonly studyId: string;
  readonly day: number;
  /** `infusion`, `tms_session`, … */
  readonly kind: string;
  readonly doseNumber: number | null;
}

export interface CodebookEntry {
  readonly file: string;
  readonly column: string;
  readonly type: string;
  readonly description: string;
}

export interface DataCutManifest {
  /** File name → SHA-256 (hex) of its bytes as written. */
  readonly files: Readonly<Record<string, string>>;
  readonly planSha256: string | null;
  readonly program: { readonly id: string | null; readonly version: number | null };
  /** Scale id → definition version. */
  readonly scales: Readonly<Record<string, string>>;
  readonly mimamoriVersion: string | null;
  readonly cutAt: string | null;
  /** Withdrawn participants who asked that their data not be used: left out, only counted. */
  readonly excludedNoDataUse: number;
  /** Whether the plan was locked before the first participant enrolled; null when unknown. */
  readonly planLockedBeforeFirstEnrolment: boolean | null;
  /**
   * The recruitment stages before screening (applications from the program's recruitment page,
   * counts only); null when the cut carries none (older cuts, or no application).
   */
  readonly recruitment: CutRecruitment | null;
}

export interface DataCut {
  readonly participants: ReadonlyArray<CutParticipant>;
  readonly outcomes: ReadonlyArray<CutOutcome>;
  readonly adverseEvents: ReadonlyArray<CutAdverseEvent>;
  readonly medications: ReadonlyArray<CutMedication>;
  readonly labs: ReadonlyArray<CutLab>;
  readonly exposures: ReadonlyArray<CutExposure>;
  readonly codebook: ReadonlyArray<CodebookEntry>;
  readonly plan: AnalysisPlan;
  /** SHA-256 of the plan's canonical JSON. */
  readonly planSha256: string;
  readonly manifest: DataCutManifest;
  /** The plan the cut was made under, when it is read under another version (`cutUnderPlan`). */
  readonly cutPlan?: { readonly version: number; readonly sha256: string };
}

/** The file names of a data-cut directory; every one must be present (CSV files may have no rows). */
export const dataCutFiles = [
  'participants.csv',
  'outcomes.csv',
  'adverse_events.csv',
  'medications.csv',
  'labs.csv',
  'exposures.csv',
  'codebook.csv',
  'plan.json',
  'manifest.json',
] as const;

export type DataCutFileName = (typeof dataCutFiles)[number];

/** The columns each CSV file must have, in any order; more columns are allowed. */
export const requiredColumns: Readonly<Record<Exclude<DataCutFileName, 'plan.json' | 'manifest.json'>, ReadonlyArray<string>>> = {
  'participants.csv': ['study_id', 'status', 'dosed', 'completed'],
  'outcomes.csv': ['study_id', 'visit', 'day', 'in_window', 'scale', 'informant', 'total'],
  'adverse_events.csv': ['study_id', 'day', 'term', 'grade', 'serious', 'related'],
  'medications.csv': ['study_id', 'generic_name', 'dose_per_day', 'start_day', 'stop_day', 'changed_during_program'],
  'labs.csv': ['study_id', 'analyte', 'sample_type', 'value', 'unit', 'day'],
  'exposures.csv': ['study_id', 'day', 'kind'],
  'codebook.csv': ['file', 'column', 'type', 'description'],
};
