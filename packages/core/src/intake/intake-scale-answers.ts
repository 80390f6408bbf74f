import type { IntakeAnswers, IntakeDefinition, ScaleAnswer } from './intake-definition.ts';
import { isIntakeAnswered } from './evaluate-intake-condition.ts';
import { intakeVisibility } from './intake-visibility.ts';

export interface IntakeScaleEntry {
  readonly questionId: string;
  readonly groupId: string;
  readonly scaleId: string;
  /** Item answers to pass to the scales module's `scoreScale`, or null while not answered. */
  readonly answers: ScaleAnswer['answers'] | null;
}

/**
 * The scales this respondent is shown (by audience and age), with their answers so far: the list
 * the server scores with the scales module and the patient page renders. Hidden scale questions
 * (e.g. a teen scale for an 11-year-old) are not listed even if answered.
 *
 * @example
 * intakeScaleAnswers(DEFAULT_INTAKE_DEFINITION, answers, { today: '2026-11-29' }).map((s) => s.scaleId) // → ['phq9', 'gad7']
 */
export function intakeScaleAnswers(
  definition: IntakeDefinition,
  answers: IntakeAnswers,
  options: { readonly today?: string; readonly ageYears?: number | null } = {},
): ReadonlyArray<IntakeScaleEntry> {
  const vis = intakeVisibility(definition, answers.values, { audience: answers.audience, today: options.today, ageYears: options.ageYears });
  const out: IntakeScaleEntry[] = [];
  for (const vg of vis.groups) {
    for (const q of vg.questions) {
      if (q.type !== 'scale') continue;
      const v = answers.values[q.id];
      const given = isIntakeAnswered(v) && (v as ScaleAnswer).scaleId === q.scaleId ? (v as ScaleAnswer).answers : null;
      out.push({ questionId: q.id, groupId: vg.group.id, scaleId: q.scaleId, answers: given });
    }
  }
  return out;
}
