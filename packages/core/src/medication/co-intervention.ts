import { checkDate } from '../fields/check-date.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';

/**
 * Treatments beside the program's that can move the outcome as much as a drug can: psychotherapy,
 * counselling, other neuromodulation, structured exercise, light therapy …
 */
export type CoInterventionKind =
  | 'cbt' | 'other_psychotherapy' | 'counselling' | 'family_therapy' | 'group_therapy' | 'psychoeducation'
  | 'ect' | 'other_neuromodulation' | 'light_therapy' | 'exercise_program' | 'day_care' | 'other';
export const CO_INTERVENTION_KINDS: ReadonlyArray<CoInterventionKind> = [
  'cbt', 'other_psychotherapy', 'counselling', 'family_therapy', 'group_therapy', 'psychoeducation',
  'ect', 'other_neuromodulation', 'light_therapy', 'exercise_program', 'day_care', 'other',
];

/** A co-intervention of a patient, its own record beside the medicines. */
export type CoIntervention = {
  readonly id: string;
  readonly patientId: string;
  readonly kind: CoInterventionKind;
  /** What it is, in words (e.g. 「認知行動療法 16回コース」); required for `other`. */
  readonly description?: string;
  /** Who provides it (this clinic, another clinic, a school counsellor …). */
  readonly provider?: string;
  readonly sessionsPerMonth?: number;
  readonly startDate: string;
  readonly stopDate?: string;
};

export type CoInterventionInput = { readonly [K in keyof CoIntervention]?: unknown };

/**
 * Validates a co-intervention: a kind, a start date, stop not before start, a description for
 * `other`, sessions per month 0–100.
 *
 * @example
 * validateCoIntervention({ id: 'c-1', patientId: 'p-1', kind: 'cbt', provider: '当院', sessionsPerMonth: 4, startDate: '2026-10-01' });
 */
export function validateCoIntervention(input: CoInterventionInput): CoIntervention {
  const issues = createIssues();
  const id = checkText(issues, 'id', input.id, { max: 100 });
  const patientId = checkText(issues, 'patientId', input.patientId, { max: 100 });
  const kind = checkOneOf(issues, 'kind', input.kind, CO_INTERVENTION_KINDS);
  const description = checkText(issues, 'description', input.description, { required: kind === 'other', max: 500 });
  const provider = checkText(issues, 'provider', input.provider, { required: false, max: 200 });
  const sessionsPerMonth = checkNumber(issues, 'sessionsPerMonth', input.sessionsPerMonth, { required: false, min: 0, max: 100 });
  const startDate = checkDate(issues, 'startDate', input.startDate);
  const stopDate = checkDate(issues, 'stopDate', input.stopDate, { required: false });
  if (startDate && stopDate && stopDate < startDate) issues.add('stopDate', 'medication.stop_before_start');
  throwIfIssues(issues, 'medication.co_intervention_invalid');
  return deepFreeze({
    id: id!,
    patientId: patientId!,
    kind: kind!,
    ...(description !== undefined ? { description } : {}),
    ...(provider !== undefined ? { provider } : {}),
    ...(sessionsPerMonth !== undefined ? { sessionsPerMonth } : {}),
    startDate: startDate!,
    ...(stopDate !== undefined ? { stopDate } : {}),
  });
}
