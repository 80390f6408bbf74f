import { checkInstant } from '../fields/check-date.ts';
import { clinicDate } from '../time/index.ts';
import { checkOneOf, checkText, createIssues, deepFreeze, fieldError, throwIfIssues } from '../fields/field-issues.ts';
import type { ConsentEvaluation, ConsentRecord, ConsentScope } from './consent-record.ts';
import { consentStatusKey } from './state-labels.ts';

/** What the patient chose for data collected before withdrawal. */
export type WithdrawalDataChoice = 'keep' | 'delete_from_future_exports';
export const WITHDRAWAL_DATA_CHOICES: ReadonlyArray<WithdrawalDataChoice> = ['keep', 'delete_from_future_exports'];

/**
 * Consent of one enrolment, as every export sees it. `scopes` are the optional uses agreed to
 * (the program's own analysis is implied by consenting at all).
 */
export type ConsentState =
  | { readonly status: 'not_given' }
  | { readonly status: 'given'; readonly since: string; readonly scopes: ReadonlyArray<ConsentScope> }
  | {
      readonly status: 'withdrawn';
      readonly since: string;
      readonly scopes: ReadonlyArray<ConsentScope>;
      readonly withdrawnOn: string;
      readonly withdrawnAt: string;
      readonly dataChoice: WithdrawalDataChoice;
      readonly recordedBy: string;
      readonly reason?: string;
    };

/**
 * The consent state once the required records exist: `given` from the consent date, with the
 * optional scopes every consenting signer agreed to (guardians and, from 16, the minor — a child's
 * assent cannot widen what the guardian agreed to).
 *
 * @example
 * consentStateFrom(evaluation, records); // { status: 'given', since: '2026-04-01', scopes: ['secondary_research'] }
 */
export function consentStateFrom(evaluation: ConsentEvaluation, records: ReadonlyArray<ConsentRecord>): ConsentState {
  if (!evaluation.complete) return { status: 'not_given' };
  const main = records.filter((r) => (r.role === 'guardian' || r.role === 'participant') && evaluation.requiredRoles.includes(r.role));
  // Several people may consent (guardians, and a 16–17-year-old beside them): a scope counts only if every one of them agreed.
  const scopes = main.length === 0 ? [] : main[0]!.scopes.filter((s) => main.every((r) => r.scopes.includes(s)));
  return deepFreeze({ status: 'given', since: evaluation.consentDate, scopes });
}

export type WithdrawConsentOptions = {
  readonly at: string;
  readonly zone: string;
  readonly dataChoice: WithdrawalDataChoice;
  readonly recordedBy: string;
  readonly reason?: string;
};

/**
 * Withdraws consent, at any time and without a reason being required from the patient. The
 * patient's choice about data already collected is kept on the state so `mayExport` honours it.
 *
 * @example
 * withdrawConsent(state, { at: '2026-05-01T11:00:00+09:00', zone: 'Asia/Tokyo', dataChoice: 'keep', recordedBy: 'ns-ito' });
 */
export function withdrawConsent(state: ConsentState, opts: WithdrawConsentOptions): ConsentState {
  const issues = createIssues();
  const at = checkInstant(issues, 'at', opts.at);
  const dataChoice = checkOneOf(issues, 'dataChoice', opts.dataChoice, WITHDRAWAL_DATA_CHOICES);
  const recordedBy = checkText(issues, 'recordedBy', opts.recordedBy, { max: 100 });
  const reason = checkText(issues, 'reason', opts.reason, { required: false, max: 1000 });
  throwIfIssues(issues, 'consent.withdrawal_invalid');
  if (state.status !== 'given') throw fieldError('invalid_state', 'consent.not_given', 'status', { status: state.status, statusKey: consentStatusKey(state.status) });
  const withdrawnOn = clinicDate(at!, opts.zone);
  if (withdrawnOn < state.since) throw fieldError('invalid_state', 'consent.withdrawal_before_consent', 'at', { since: state.since });
  return deepFreeze({
    status: 'withdrawn',
    since: state.since,
    scopes: state.scopes,
    withdrawnOn,
    withdrawnAt: at!,
    dataChoice: dataChoice!,
    recordedBy: recordedBy!,
    ...(reason !== undefined ? { reason } : {}),
  });
}

/**
 * Why data leave the system. `program_analysis`: the program's own pseudonymised outcome report;
 * `secondary_research`: other research with the data (要配慮個人情報 needs explicit consent);
 * `publication`: individual-level data in a publication or public dataset.
 */
export type ExportPurpose = 'program_analysis' | 'secondary_research' | 'publication';

/**
 * The one rule every export applies per patient. No consent → nothing. Consent → the program's
 * analysis, plus each optional purpose only if its scope was agreed. Withdrawn with
 * `delete_from_future_exports` → nothing, ever again; withdrawn with `keep` → only data collected
 * on or before the withdrawal date (pass `collectedOn`, the date in the clinic zone, per datum; without
 * it the caller must already have cut the data at `withdrawnOn`).
 *
 * @example
 * mayExport(state, 'program_analysis');                                // true while consent stands
 * mayExport(withdrawn, 'program_analysis', { collectedOn: '2026-06-01' }); // false if withdrawn 2026-05-01
 */
export function mayExport(state: ConsentState, purpose: ExportPurpose, opts: { readonly collectedOn?: string } = {}): boolean {
  if (state.status === 'not_given') return false;
  if (purpose !== 'program_analysis' && !state.scopes.includes(purpose)) return false;
  if (state.status === 'given') return true;
  if (state.dataChoice === 'delete_from_future_exports') return false;
  return opts.collectedOn === undefined || opts.collectedOn <= state.withdrawnOn;
}
