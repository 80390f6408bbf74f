import { checkDate } from '../fields/check-date.ts';
import type { Issues } from '../fields/field-issues.ts';
import { fieldError } from '../fields/field-issues.ts';
import type { RegulatoryPathway } from './governance-types.ts';
import type { ProgramClosure } from './closure-types.ts';

export type { ProgramClosure } from './closure-types.ts';

/** The same calendar date `years` later (29 February → 1 March in a common year). */
function yearsAfter(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** Checks the `closure` part of a program definition (each date optional, well formed, in order). */
export function checkProgramClosure(issues: Issues, v: unknown): ProgramClosure | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) {
    issues.add('closure', 'programs.field.required');
    return undefined;
  }
  const c = v as Record<string, unknown>;
  const endedOn = checkDate(issues, 'closure.endedOn', c.endedOn, { required: false });
  const endReportedOn = checkDate(issues, 'closure.endReportedOn', c.endReportedOn, { required: false });
  const finalPublicationOn = checkDate(issues, 'closure.finalPublicationOn', c.finalPublicationOn, { required: false });
  if (endedOn && endReportedOn && endReportedOn < endedOn) issues.add('closure.endReportedOn', 'programs.closure_before_end');
  return { ...(endedOn ? { endedOn } : {}), ...(endReportedOn ? { endReportedOn } : {}), ...(finalPublicationOn ? { finalPublicationOn } : {}) };
}

/** The rule a retention period comes from (docs/governance.md cites each). */
export type RetentionRule = 'crr_53' | 'guideline_invasive_interventional' | 'medical_records_and_guideline';

export type Retention = {
  readonly rule: RetentionRule;
  /** Keep until this clinic date (inclusive); null while the dates it counts from are not recorded. */
  readonly until: string | null;
  /** What is still needed to compute it. */
  readonly waitingFor?: 'endedOn' | 'endReportedOn';
};

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * How long a program's research records are kept:
 * - 特定臨床研究: 5 years from the day the study ended (臨床研究法施行規則 第53条);
 * - guideline research (invasive, interventional — an infusion or rTMS): until the later of 5 years
 *   after the end was reported and 3 years after the final publication was reported (倫理指針);
 * - self-pay treatment with research use of its data: the medical records 5 years after the care
 *   ended (医師法 第24条), and the guideline's rule for the research data — the later of the two.
 * Until the dates are recorded the data are kept (`until: null`).
 *
 * @example
 * retentionOf({ pathway: 'specified_clinical_research', closure: { endedOn: '2027-03-31' } }); // { rule: 'crr_53', until: '2032-03-31' }
 */
export function retentionOf(o: { readonly pathway: RegulatoryPathway; readonly closure?: ProgramClosure | undefined }): Retention {
  const c = o.closure ?? {};
  const plus = (d: string | undefined, years: number): string | null => (d ? yearsAfter(d, years) : null);
  if (o.pathway === 'specified_clinical_research') {
    return c.endedOn ? { rule: 'crr_53', until: plus(c.endedOn, 5) } : { rule: 'crr_53', until: null, waitingFor: 'endedOn' };
  }
  if (o.pathway === 'guideline_research') {
    if (!c.endReportedOn) return { rule: 'guideline_invasive_interventional', until: null, waitingFor: 'endReportedOn' };
    return { rule: 'guideline_invasive_interventional', until: later(plus(c.endReportedOn, 5), plus(c.finalPublicationOn, 3)) };
  }
  if (!c.endedOn) return { rule: 'medical_records_and_guideline', until: null, waitingFor: 'endedOn' };
  return { rule: 'medical_records_and_guideline', until: later(later(plus(c.endedOn, 5), plus(c.endReportedOn, 5)), plus(c.finalPublicationOn, 3)) };
}

/**
 * Refuses (409 `programs.retention_not_over`, with the date) deleting a program's research data
 * before its retention ends — and while it cannot be computed. Every deletion path calls it.
 *
 * @example
 * assertRetentionOver({ retention: { rule: 'crr_53', until: '2032-03-31' }, today: '2030-01-01' }); // throws
 */
export function assertRetentionOver(o: { readonly retention: Retention; readonly today: string }): void {
  if (o.retention.until === null) throw fieldError('invalid_state', 'programs.retention_unknown', 'retention', { rule: o.retention.rule });
  if (o.today <= o.retention.until) throw fieldError('invalid_state', 'programs.retention_not_over', 'retention', { until: o.retention.until });
}
