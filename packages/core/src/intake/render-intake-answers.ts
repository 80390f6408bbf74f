import type { IntakeAnswers, IntakeLang, IntakeQuestion, IntakeRow } from './intake-definition.ts';
import type { IntakeDefinition } from './intake-definition.ts';
import { isIntakeAnswered } from './evaluate-intake-condition.ts';
import { formatIntakeValue } from './format-intake-value.ts';
import { intakeConditionContext, intakeVisibility, visibleRowFields } from './intake-visibility.ts';
import { selectIntakeDefinition } from './select-intake-definition.ts';

export interface RenderedIntakeField {
  readonly fieldId: string;
  readonly label: string;
  readonly text: string;
}

export interface RenderedIntakeItem {
  readonly questionId: string;
  readonly type: IntakeQuestion['type'];
  readonly label: string;
  /** The whole answer as one plain-text string (rows joined). */
  readonly text: string;
  /** Repeated groups: each row's visible fields. */
  readonly rows?: ReadonlyArray<ReadonlyArray<RenderedIntakeField>>;
}

export interface RenderedIntakeGroup {
  readonly id: string;
  readonly title: string;
  readonly items: ReadonlyArray<RenderedIntakeItem>;
}

export interface RenderedIntake {
  readonly definitionId: string;
  readonly definitionVersion: number;
  readonly lang: IntakeLang;
  readonly sections: ReadonlyArray<{ readonly id: string; readonly title: string; readonly groups: ReadonlyArray<RenderedIntakeGroup> }>;
}

export interface RenderIntakeAnswersOptions {
  readonly lang: IntakeLang;
  /** For age conditions (the date the intake was submitted is the honest choice for old answers). */
  readonly today?: string;
  readonly ageYears?: number | null;
}

/**
 * Every shown, answered question of an intake with its label and plain-text answer, read with the
 * definition version the answers were given against (picked from `definitions`). For the staff
 * view's "all answers" and for exports. Text is plain and unescaped.
 *
 * @example
 * const view = renderIntakeAnswers([v1, v2], answersGivenOnV1, { lang: 'ja', today: '2026-11-29' });
 * view.definitionVersion // → 1
 */
export function renderIntakeAnswers(
  definitions: ReadonlyArray<IntakeDefinition>,
  answers: IntakeAnswers,
  options: RenderIntakeAnswersOptions,
): RenderedIntake {
  const definition = selectIntakeDefinition(definitions, answers);
  const { lang } = options;
  const vis = intakeVisibility(definition, answers.values, { audience: answers.audience, today: options.today, ageYears: options.ageYears });
  const ctx = intakeConditionContext(vis, answers.values, answers.audience);
  const sections: { id: string; title: string; groups: RenderedIntakeGroup[] }[] = [];
  for (const vg of vis.groups) {
    const items: RenderedIntakeItem[] = [];
    for (const q of vg.questions) {
      const v = answers.values[q.id];
      if (!isIntakeAnswered(v)) continue;
      const text = formatIntakeValue(q, v, { lang, style: 'display', today: options.today, ctx });
      if (q.type === 'repeat' && Array.isArray(v)) {
        const rows = (v as ReadonlyArray<IntakeRow>).map((row) =>
          visibleRowFields(q, row, ctx)
            .map((f) => ({ fieldId: f.id, label: f.label[lang], text: formatIntakeValue(f, row[f.id], { lang, style: 'display' }) }))
            .filter((f) => f.text !== ''),
        );
        items.push({ questionId: q.id, type: q.type, label: q.label[lang], text, rows });
      } else {
        items.push({ questionId: q.id, type: q.type, label: q.label[lang], text });
      }
    }
    if (items.length === 0) continue;
    let section = sections.at(-1);
    if (!section || section.id !== vg.section.id) {
      section = { id: vg.section.id, title: vg.section.title[lang], groups: [] };
      sections.push(section);
    }
    section.groups.push({ id: vg.group.id, title: vg.group.title[lang], items });
  }
  return { definitionId: definition.id, definitionVersion: definition.version, lang, sections };
}
