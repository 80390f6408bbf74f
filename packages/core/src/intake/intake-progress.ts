import { isIntakeAnswered } from './evaluate-intake-condition.ts';
import type { IntakeAnswers, IntakeDefinition, IntakeText } from './intake-definition.ts';
import { intakeVisibility } from './intake-visibility.ts';
import { assertSameIntakeVersion } from './select-intake-definition.ts';
import { validateIntakeAnswers } from './validate-intake-answers.ts';

export interface IntakeGroupProgress {
  readonly groupId: string;
  readonly sectionId: string;
  readonly title: IntakeText;
  readonly answered: number;
  readonly questions: number;
  /** Valid (required answers present, formats right) and either confirmed or with an answer. */
  readonly complete: boolean;
  readonly errorCount: number;
}

export interface IntakeProgress {
  /** Shown groups (screens) in order. */
  readonly groups: ReadonlyArray<IntakeGroupProgress>;
  /** The first screen not complete (where to resume), or null when all are. */
  readonly currentGroupId: string | null;
  readonly completed: number;
  readonly total: number;
  /** completed / total, 0–1. */
  readonly fraction: number;
}

export interface IntakeProgressOptions {
  /** Today in the clinic's zone, for date checks and age-based screens. */
  readonly today: string;
  readonly ageYears?: number | null;
}

/**
 * Progress through the screens the respondent will see, for the progress bar and for resuming on
 * another device. A screen is complete when its shown questions pass validation and the respondent
 * confirmed it with "next" (`answers.confirmedGroups`) or answered something on it; a screen of
 * optional questions nobody has looked at is not complete.
 *
 * @example
 * intakeProgress(DEFAULT_INTAKE_DEFINITION, answers, { today: '2026-11-29' })
 * // → { currentGroupId: 'complaint_onset', completed: 3, total: 17, fraction: 0.176…, groups: […] }
 */
export function intakeProgress(definition: IntakeDefinition, answers: IntakeAnswers, options: IntakeProgressOptions): IntakeProgress {
  assertSameIntakeVersion(definition, answers);
  const check = validateIntakeAnswers(definition, answers, { today: options.today, audience: answers.audience, mode: 'submit', ageYears: options.ageYears });
  const vis = intakeVisibility(definition, check.values, { audience: answers.audience, today: options.today, ageYears: options.ageYears });
  const confirmed = new Set(answers.confirmedGroups ?? []);
  const groups: IntakeGroupProgress[] = vis.groups.map((vg) => {
    const answered = vg.questions.filter((q) => isIntakeAnswered(answers.values[q.id])).length;
    const errorCount = check.errors.filter((e) => e.groupId === vg.group.id).length;
    return {
      groupId: vg.group.id,
      sectionId: vg.section.id,
      title: vg.group.title,
      answered,
      questions: vg.questions.length,
      complete: errorCount === 0 && (confirmed.has(vg.group.id) || answered > 0),
      errorCount,
    };
  });
  const completed = groups.filter((g) => g.complete).length;
  return {
    groups,
    currentGroupId: groups.find((g) => !g.complete)?.groupId ?? null,
    completed,
    total: groups.length,
    fraction: groups.length === 0 ? 1 : completed / groups.length,
  };
}
