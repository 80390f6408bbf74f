import { checkDate, checkInstant } from '../fields/check-date.ts';
import { clinicDate } from '../time/index.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import { aeOutcomeKey } from './ae-outcome-labels.ts';

/** ICH E2A seriousness criteria (any one makes the event serious). */
export type SeriousnessCriterion =
  'death' | 'life_threatening' | 'hospitalisation' | 'disability' | 'congenital_anomaly' | 'other_important_medical_event';
export const SERIOUSNESS_CRITERIA: ReadonlyArray<SeriousnessCriterion> = [
  'death',
  'life_threatening',
  'hospitalisation',
  'disability',
  'congenital_anomaly',
  'other_important_medical_event',
];

/** Causality to the program treatment (WHO-UMC style categories). */
export type Relatedness = 'not_related' | 'unlikely' | 'possible' | 'probable' | 'definite';
export const RELATEDNESS: ReadonlyArray<Relatedness> = ['not_related', 'unlikely', 'possible', 'probable', 'definite'];

export type Expectedness = 'expected' | 'unexpected';
export const EXPECTEDNESS: ReadonlyArray<Expectedness> = ['expected', 'unexpected'];

export type ActionTaken = 'none' | 'infusion_interrupted' | 'dose_reduced' | 'session_postponed' | 'treatment_withdrawn' | 'other';
export const ACTIONS_TAKEN: ReadonlyArray<ActionTaken> = [
  'none',
  'infusion_interrupted',
  'dose_reduced',
  'session_postponed',
  'treatment_withdrawn',
  'other',
];

export type AeOutcome = 'recovered' | 'recovering' | 'not_recovered' | 'recovered_with_sequelae' | 'fatal' | 'unknown';
export const AE_OUTCOMES: ReadonlyArray<AeOutcome> = [
  'recovered',
  'recovering',
  'not_recovered',
  'recovered_with_sequelae',
  'fatal',
  'unknown',
];

/** Outcomes that close the event: it needs an end date. */
const CLOSED_OUTCOMES: ReadonlyArray<AeOutcome> = ['recovered', 'recovered_with_sequelae', 'fatal'];

/** CTCAE grade: 1 mild, 2 moderate, 3 severe, 4 life-threatening, 5 death related to the AE. */
export type CtcaeGrade = 1 | 2 | 3 | 4 | 5;

export type AdverseEvent = {
  readonly id: string;
  readonly enrolmentId: string;
  /** The term as recorded (CTCAE / MedDRA term in the recorder's language). */
  readonly term: string;
  readonly meddraCode?: string;
  readonly onsetDate: string;
  readonly endDate?: string;
  readonly grade: CtcaeGrade;
  readonly seriousness: ReadonlyArray<SeriousnessCriterion>;
  readonly relatedness: Relatedness;
  readonly expectedness: Expectedness;
  /** The program's expected event it was recorded against (`ProgramSafety.expectedAdverseEvents`); none = unexpected. */
  readonly expectedEventId?: string;
  readonly actionTaken: ActionTaken;
  readonly outcome: AeOutcome;
  /** The session it followed, when it followed one. */
  readonly sessionNumber?: number;
  readonly description?: string;
  readonly reportedBy: string;
  readonly reportedAt: string;
};

export type AdverseEventInput = { readonly [K in keyof AdverseEvent]?: unknown };

/**
 * Validates an adverse event. Anyone on staff may record one, so the checks are about coherence:
 * an onset date is required and not after the report; the end is not before the onset; a closed
 * outcome has an end date and an ongoing one does not; grade 5 goes with a fatal outcome and the
 * death criterion, and vice versa. Throws one `DomainError('validation')` naming every bad field.
 *
 * @example
 * validateAdverseEvent({ id: 'ae-1', enrolmentId: 'enr-1', term: '頭痛', onsetDate: '2026-04-08', grade: 1,
 *   seriousness: [], relatedness: 'possible', expectedness: 'expected', actionTaken: 'none', outcome: 'recovering',
 *   reportedBy: 'ns-ito', reportedAt: '2026-04-08T15:00:00+09:00' }, { zone: 'Asia/Tokyo' });
 */
export function validateAdverseEvent(input: AdverseEventInput, opts: { readonly zone: string }): AdverseEvent {
  const issues = createIssues();
  const id = checkText(issues, 'id', input.id, { max: 100 });
  const enrolmentId = checkText(issues, 'enrolmentId', input.enrolmentId, { max: 100 });
  const term = checkText(issues, 'term', input.term, { max: 200 });
  const meddraCode = checkText(issues, 'meddraCode', input.meddraCode, { required: false, max: 8 });
  if (meddraCode !== undefined && !/^\d{8}$/.test(meddraCode)) issues.add('meddraCode', 'safety.meddra_code_invalid');
  const onsetDate = checkDate(issues, 'onsetDate', input.onsetDate);
  const endDate = checkDate(issues, 'endDate', input.endDate, { required: false });
  const grade = checkNumber(issues, 'grade', input.grade, { integer: true, min: 1, max: 5 }) as CtcaeGrade | undefined;
  const seriousness: SeriousnessCriterion[] = [];
  if (input.seriousness !== undefined && !Array.isArray(input.seriousness)) issues.add('seriousness', 'programs.field.not_list');
  ((Array.isArray(input.seriousness) ? input.seriousness : []) as unknown[]).forEach((c, i) => {
    const v = checkOneOf(issues, `seriousness[${i}]`, c, SERIOUSNESS_CRITERIA);
    if (v && !seriousness.includes(v)) seriousness.push(v);
  });
  const relatedness = checkOneOf(issues, 'relatedness', input.relatedness, RELATEDNESS);
  const expectedness = checkOneOf(issues, 'expectedness', input.expectedness, EXPECTEDNESS);
  const expectedEventId = checkText(issues, 'expectedEventId', input.expectedEventId, { required: false, max: 64 });
  const actionTaken = checkOneOf(issues, 'actionTaken', input.actionTaken, ACTIONS_TAKEN);
  const outcome = checkOneOf(issues, 'outcome', input.outcome, AE_OUTCOMES);
  const sessionNumber = checkNumber(issues, 'sessionNumber', input.sessionNumber, { required: false, integer: true, min: 1, max: 1000 });
  const description = checkText(issues, 'description', input.description, { required: false, max: 8000 });
  const reportedBy = checkText(issues, 'reportedBy', input.reportedBy, { max: 100 });
  const reportedAt = checkInstant(issues, 'reportedAt', input.reportedAt);

  if (onsetDate && endDate && endDate < onsetDate) issues.add('endDate', 'safety.end_before_onset', { onsetDate });
  if (onsetDate && reportedAt && onsetDate > clinicDate(reportedAt, opts.zone)) issues.add('onsetDate', 'safety.onset_after_report');
  if (outcome && CLOSED_OUTCOMES.includes(outcome) && input.endDate === undefined) {
    issues.add('endDate', 'safety.end_date_required_for_outcome', { outcome, outcomeKey: aeOutcomeKey(outcome) });
  }
  if (outcome && (outcome === 'recovering' || outcome === 'not_recovered') && endDate !== undefined) {
    issues.add('endDate', 'safety.end_date_with_ongoing_outcome', { outcome, outcomeKey: aeOutcomeKey(outcome) });
  }
  if (grade === 5 && outcome && outcome !== 'fatal') issues.add('outcome', 'safety.grade5_needs_fatal_outcome');
  if (outcome === 'fatal' && grade !== undefined && grade !== 5) issues.add('grade', 'safety.fatal_needs_grade5');
  if ((grade === 5 || outcome === 'fatal') && !seriousness.includes('death')) {
    issues.add('seriousness', 'safety.fatal_needs_death_criterion');
  }
  if (seriousness.includes('death') && outcome && outcome !== 'fatal') issues.add('outcome', 'safety.death_criterion_needs_fatal_outcome');

  throwIfIssues(issues, 'safety.adverse_event_invalid');
  return deepFreeze({
    id: id!,
    enrolmentId: enrolmentId!,
    term: term!,
    ...(meddraCode !== undefined ? { meddraCode } : {}),
    onsetDate: onsetDate!,
    ...(endDate !== undefined ? { endDate } : {}),
    grade: grade!,
    seriousness,
    relatedness: relatedness!,
    expectedness: expectedness!,
    ...(expectedEventId !== undefined ? { expectedEventId } : {}),
    actionTaken: actionTaken!,
    outcome: outcome!,
    ...(sessionNumber !== undefined ? { sessionNumber } : {}),
    ...(description !== undefined ? { description } : {}),
    reportedBy: reportedBy!,
    reportedAt: reportedAt!,
  });
}

/**
 * Serious = meets any ICH E2A seriousness criterion. Severity is a different axis: a grade 3
 * headache is severe but not serious; grade 5 (death) is always serious, which validation
 * guarantees through the death criterion.
 *
 * @example
 * isSerious({ seriousness: ['hospitalisation'], grade: 2 }); // true
 */
export function isSerious(ae: Pick<AdverseEvent, 'seriousness' | 'grade'>): boolean {
  return ae.seriousness.length > 0 || ae.grade === 5;
}

/**
 * Still open: no end date (ongoing, or outcome unknown).
 *
 * @example
 * isOpenAdverseEvent({ outcome: 'recovering' }); // true
 */
export function isOpenAdverseEvent(ae: Pick<AdverseEvent, 'endDate' | 'outcome'>): boolean {
  return ae.endDate === undefined && !CLOSED_OUTCOMES.includes(ae.outcome);
}

/**
 * A suspected unexpected serious adverse reaction: serious, unexpected and at least possibly
 * related — the events that need expedited reporting to the ethics committee and authorities.
 *
 * @example
 * isSusar({ seriousness: ['hospitalisation'], grade: 3, expectedness: 'unexpected', relatedness: 'possible' }); // true
 */
export function isSusar(ae: Pick<AdverseEvent, 'seriousness' | 'grade' | 'expectedness' | 'relatedness'>): boolean {
  return isSerious(ae) && ae.expectedness === 'unexpected' && ['possible', 'probable', 'definite'].includes(ae.relatedness);
}
