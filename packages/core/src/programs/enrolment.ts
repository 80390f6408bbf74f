import { checkInstant } from '../fields/check-date.ts';
import { parseInstant } from '../time/index.ts';
import { checkText, createIssues, deepFreeze, fieldError, throwIfIssues } from '../fields/field-issues.ts';
import type { EligibilityResult } from './eligibility.ts';
import type { ProgramDefinition } from './program-definition.ts';
import { eligibilityOutcomeKey, enrolmentStatusKey } from './state-labels.ts';

/**
 * A patient's journey through one program:
 *
 *   screening → eligible | ineligible
 *   eligible → consented → enrolled → active → completed
 *   enrolled / active → dosing_stopped (a serious adverse event stopped the treatment: no more
 *   doses, follow-up assessments go on) → completed | withdrawn | lost_to_follow_up
 *   any open state → withdrawn; enrolled / active → lost_to_follow_up
 *   ineligible → screening (re-screening, e.g. after a new diagnosis)
 */
export type EnrolmentStatus =
  'screening' | 'eligible' | 'ineligible' | 'consented' | 'enrolled' | 'active' | 'dosing_stopped' | 'completed' | 'withdrawn' | 'lost_to_follow_up';

export const ENROLMENT_STATUSES: ReadonlyArray<EnrolmentStatus> = [
  'screening',
  'eligible',
  'ineligible',
  'consented',
  'enrolled',
  'active',
  'dosing_stopped',
  'completed',
  'withdrawn',
  'lost_to_follow_up',
];

export const ALLOWED_TRANSITIONS: Readonly<Record<EnrolmentStatus, ReadonlyArray<EnrolmentStatus>>> = Object.freeze({
  screening: ['eligible', 'ineligible', 'withdrawn'],
  eligible: ['consented', 'ineligible', 'withdrawn'],
  ineligible: ['screening'],
  consented: ['enrolled', 'withdrawn'],
  enrolled: ['active', 'dosing_stopped', 'withdrawn', 'lost_to_follow_up'],
  active: ['completed', 'dosing_stopped', 'withdrawn', 'lost_to_follow_up'],
  dosing_stopped: ['completed', 'withdrawn', 'lost_to_follow_up'],
  completed: [],
  withdrawn: [],
  lost_to_follow_up: [],
});

/** States where the journey stops (or pauses, for ineligible): a reason is required to enter them. */
export const REASON_REQUIRED: ReadonlyArray<EnrolmentStatus> = ['ineligible', 'dosing_stopped', 'withdrawn', 'lost_to_follow_up'];

/** Statuses in which a treatment session may be recorded. */
export const DOSING_STATUSES: ReadonlyArray<EnrolmentStatus> = ['enrolled', 'active'];

/** One audited step. `from` is `null` for the opening "screening" record. */
export type EnrolmentTransition = {
  readonly from: EnrolmentStatus | null;
  readonly to: EnrolmentStatus;
  readonly at: string;
  readonly by: string;
  readonly reason?: string;
  /** Ids of the evidence the step relied on (eligibility evaluation, consent records). */
  readonly evidence?: Readonly<Record<string, string>>;
};

export type Enrolment = {
  readonly id: string;
  readonly patientId: string;
  readonly programId: string;
  readonly programVersion: number;
  readonly status: EnrolmentStatus;
  readonly history: ReadonlyArray<EnrolmentTransition>;
};

export type StartScreeningOptions = {
  readonly id: string;
  readonly patientId: string;
  readonly program: ProgramDefinition;
  readonly at: string;
  readonly by: string;
};

/**
 * Opens an enrolment in `screening`, pinned to the program version it started under.
 *
 * @example
 * const e = startScreening({ id: 'enr-1', patientId: 'p-1', program: EXOSOME_PROGRAM, at: '2026-04-01T10:00:00+09:00', by: 'dr-sato' });
 * e.status; // 'screening'
 */
export function startScreening(opts: StartScreeningOptions): Enrolment {
  const issues = createIssues();
  checkText(issues, 'id', opts.id, { max: 100 });
  checkText(issues, 'patientId', opts.patientId, { max: 100 });
  checkInstant(issues, 'at', opts.at);
  checkText(issues, 'by', opts.by, { max: 100 });
  throwIfIssues(issues, 'enrolment.input_invalid');
  return deepFreeze({
    id: opts.id,
    patientId: opts.patientId,
    programId: opts.program.id,
    programVersion: opts.program.version,
    status: 'screening',
    history: [{ from: null, to: 'screening', at: opts.at, by: opts.by }],
  });
}

export type TransitionOptions = {
  readonly to: EnrolmentStatus;
  /** When it happened (ISO instant with offset). Must not be before the previous step. */
  readonly at: string;
  /** Staff id (or the patient's id for self-service steps such as consent). */
  readonly by: string;
  readonly reason?: string;
  /** Required for → eligible: an evaluation for this program whose outcome is `eligible`. */
  readonly eligibility?: Pick<EligibilityResult, 'outcome' | 'programId' | 'programVersion'>;
  /** Required for → consented: the consent evaluation (see `evaluateConsent`) must be complete. */
  readonly consent?: { readonly complete: boolean };
  readonly evidence?: Readonly<Record<string, string>>;
};

export type TransitionResult = {
  readonly enrolment: Enrolment;
  readonly record: EnrolmentTransition;
};

/**
 * Moves an enrolment to a new status and returns the new enrolment with the dated record to audit.
 * Refuses (DomainError `invalid_state`, detail path `to`) a step the state machine does not allow,
 * consent before eligibility, eligibility without a passing evaluation, and a step back in time;
 * refuses (`validation`, path `reason`) ending the journey without a reason.
 *
 * @example
 * const { enrolment, record } = transition(e, { to: 'eligible', at: '2026-04-01T10:30:00+09:00', by: 'dr-sato', eligibility: result });
 */
export function transition(enrolment: Enrolment, opts: TransitionOptions): TransitionResult {
  const issues = createIssues();
  checkInstant(issues, 'at', opts.at);
  checkText(issues, 'by', opts.by, { max: 100 });
  const reason = checkText(issues, 'reason', opts.reason, { required: REASON_REQUIRED.includes(opts.to), max: 1000 });
  if (REASON_REQUIRED.includes(opts.to) && reason === undefined && !issues.list.some((i) => i.path === 'reason')) {
    issues.add('reason', 'enrolment.reason_required', { to: opts.to, toKey: enrolmentStatusKey(opts.to) });
  }
  throwIfIssues(
    issues,
    REASON_REQUIRED.includes(opts.to) && reason === undefined ? 'enrolment.reason_required' : 'enrolment.input_invalid',
    { to: opts.to, toKey: enrolmentStatusKey(opts.to) },
  );

  const from = enrolment.status;
  if (opts.to === 'consented' && (from === 'screening' || from === 'ineligible')) {
    throw fieldError('invalid_state', 'enrolment.consent_before_eligibility', 'to', { from, to: opts.to, fromKey: enrolmentStatusKey(from), toKey: enrolmentStatusKey(opts.to) });
  }
  if (!ALLOWED_TRANSITIONS[from].includes(opts.to)) {
    throw fieldError('invalid_state', 'enrolment.transition_not_allowed', 'to', { from, to: opts.to, fromKey: enrolmentStatusKey(from), toKey: enrolmentStatusKey(opts.to) });
  }
  if (opts.to === 'eligible') {
    const ev = opts.eligibility;
    if (!ev || ev.outcome !== 'eligible' || ev.programId !== enrolment.programId || ev.programVersion !== enrolment.programVersion) {
      throw fieldError('invalid_state', 'enrolment.eligibility_not_shown', 'eligibility', { outcome: ev?.outcome ?? null, outcomeKey: eligibilityOutcomeKey(ev?.outcome) });
    }
  }
  if (opts.to === 'consented' && !opts.consent?.complete) throw fieldError('invalid_state', 'enrolment.consent_incomplete', 'consent');
  const last = enrolment.history[enrolment.history.length - 1];
  if (last && parseInstant(opts.at) < parseInstant(last.at)) {
    throw fieldError('invalid_state', 'enrolment.time_goes_back', 'at', { previous: last.at });
  }

  const record: EnrolmentTransition = {
    from,
    to: opts.to,
    at: opts.at,
    by: opts.by,
    ...(reason !== undefined ? { reason } : {}),
    ...(opts.evidence ? { evidence: { ...opts.evidence } } : {}),
  };
  return deepFreeze({
    enrolment: { ...enrolment, status: opts.to, history: [...enrolment.history, record] },
    record,
  });
}

/**
 * Throws `invalid_state` (detail path `enrolmentStatus`) unless a treatment session may be given
 * in this status: never before enrolment, never to a withdrawn, completed or lost patient.
 *
 * @example
 * assertMayDose('withdrawn'); // throws DomainError 'enrolment.dosing_not_allowed'
 */
export function assertMayDose(status: EnrolmentStatus): void {
  if (status === 'dosing_stopped') throw fieldError('invalid_state', 'enrolment.dosing_stopped', 'enrolmentStatus');
  if (!DOSING_STATUSES.includes(status)) throw fieldError('invalid_state', 'enrolment.dosing_not_allowed', 'enrolmentStatus', { status, statusKey: enrolmentStatusKey(status) });
}

/**
 * The statuses an enrolment may move to next (for the buttons on the patient's program page).
 *
 * @example
 * nextStatuses('consented'); // ['enrolled', 'withdrawn']
 */
export function nextStatuses(status: EnrolmentStatus): ReadonlyArray<EnrolmentStatus> {
  return ALLOWED_TRANSITIONS[status];
}
