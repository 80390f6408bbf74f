import { ageOn } from '../patients/patient.ts';
import { validateDateString } from '../text/validate-date-string.ts';
import { evaluateIntakeCondition, type IntakeConditionContext } from './evaluate-intake-condition.ts';
import type {
  IntakeAudience,
  IntakeDefinition,
  IntakeGroup,
  IntakeQuestion,
  IntakeSection,
  RepeatQuestion,
} from './intake-definition.ts';

export interface IntakeVisibilityOptions {
  readonly audience: IntakeAudience;
  /** Today in the clinic's zone; with the birth-date answer it gives the age for `age` conditions. */
  readonly today?: string;
  /** Age when the form has no birth-date answer (e.g. from the patient register). */
  readonly ageYears?: number | null;
}

export interface VisibleGroup {
  readonly section: IntakeSection;
  readonly group: IntakeGroup;
  /** Visible questions of the group, in order. */
  readonly questions: ReadonlyArray<IntakeQuestion>;
}

export interface IntakeVisibility {
  readonly ageYears: number | null;
  /** Visible groups with at least one visible question, in form order. */
  readonly groups: ReadonlyArray<VisibleGroup>;
  readonly questionIds: ReadonlySet<string>;
  /** Visible question ids of each visible group. */
  readonly byGroup: ReadonlyMap<string, ReadonlyArray<IntakeQuestion>>;
}

const forAudience = (audiences: ReadonlyArray<IntakeAudience> | undefined, a: IntakeAudience): boolean =>
  audiences === undefined || audiences.includes(a);

/** The patient's age from the definition's birth-date question, else the given age, else null. */
export function intakeAgeYears(
  definition: IntakeDefinition,
  values: Readonly<Record<string, unknown>>,
  options: { readonly today?: string; readonly ageYears?: number | null },
): number | null {
  const birth = definition.birthDateQuestion ? values[definition.birthDateQuestion] : undefined;
  if (typeof birth === 'string' && options.today !== undefined) {
    const r = validateDateString(birth, { today: options.today, birthDate: true });
    if (r.ok) return ageOn(r.value, options.today);
  }
  return options.ageYears ?? null;
}

/**
 * Which groups and questions are shown, given the answers so far. Walks the form in order, so a
 * condition sees only earlier visible answers; a hidden question's answer is treated as absent.
 *
 * @example
 * const vis = intakeVisibility(definition, answers.values, { audience: 'child', today: '2026-11-29' });
 * vis.groups.map((g) => g.group.id) // → ['basic_patient', 'basic_guardian', …]
 */
export function intakeVisibility(
  definition: IntakeDefinition,
  values: Readonly<Record<string, unknown>>,
  options: IntakeVisibilityOptions,
): IntakeVisibility {
  const ageYears = intakeAgeYears(definition, values, options);
  const visible = new Set<string>();
  const ctx: IntakeConditionContext = {
    audience: options.audience,
    ageYears,
    question: (id) => (visible.has(id) ? values[id] : undefined),
  };
  const groups: VisibleGroup[] = [];
  const byGroup = new Map<string, ReadonlyArray<IntakeQuestion>>();
  for (const section of definition.sections) {
    if (!forAudience(section.audiences, options.audience)) continue;
    for (const group of section.groups) {
      if (!forAudience(group.audiences, options.audience)) continue;
      if (group.showIf && !evaluateIntakeCondition(group.showIf, ctx)) continue;
      const questions: IntakeQuestion[] = [];
      for (const q of group.questions) {
        if (!forAudience(q.audiences, options.audience)) continue;
        if (q.showIf && !evaluateIntakeCondition(q.showIf, ctx)) continue;
        visible.add(q.id);
        questions.push(q);
      }
      if (questions.length > 0) {
        groups.push({ section, group, questions });
        byGroup.set(group.id, questions);
      }
    }
  }
  return { ageYears, groups, questionIds: visible, byGroup };
}

/**
 * The fields of one repeated-group row that are shown, given that row's values (sibling conditions)
 * and the visible top-level answers.
 *
 * @example
 * visibleRowFields(medicines, { frequency: { choice: 'prn' } }, { audience: 'adult', ageYears: 40, question: () => undefined })
 *   .map((f) => f.id) // → ['generic_name', 'dose', 'frequency', 'prn_when']
 */
export function visibleRowFields(
  repeat: RepeatQuestion,
  row: Readonly<Record<string, unknown>>,
  ctx: IntakeConditionContext,
): ReadonlyArray<RepeatQuestion['fields'][number]> {
  const shown = new Set<string>();
  const rowCtx: IntakeConditionContext = { ...ctx, sibling: (id) => (shown.has(id) ? row[id] : undefined) };
  const out: RepeatQuestion['fields'][number][] = [];
  for (const f of repeat.fields) {
    if (!forAudience(f.audiences, ctx.audience)) continue;
    if (f.showIf && !evaluateIntakeCondition(f.showIf, rowCtx)) continue;
    shown.add(f.id);
    out.push(f);
  }
  return out;
}

/** Condition context over visible top-level answers, for evaluating row fields. */
export function intakeConditionContext(
  visibility: IntakeVisibility,
  values: Readonly<Record<string, unknown>>,
  audience: IntakeAudience,
): IntakeConditionContext {
  return {
    audience,
    ageYears: visibility.ageYears,
    question: (id) => (visibility.questionIds.has(id) ? values[id] : undefined),
  };
}
