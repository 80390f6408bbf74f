import type { IntakeCondition, IntakeDefinition, IntakeGroup, IntakeQuestion } from './intake-definition.ts';

/**
 * Who answers an intake: the adult patient, a guardian for a child, or the adolescent on their own
 * link (their own part of the form).
 */
export type IntakeRespondent = 'patient' | 'guardian' | 'adolescent';

/** From this age a child answers their own part of the intake on their own link. */
export const ADOLESCENT_MIN_AGE = 12;

/** Resolves `age` conditions for a known age; `true`/`false` when the whole condition is decided. */
function resolveAge(c: IntakeCondition, age: number): IntakeCondition | boolean {
  switch (c.op) {
    case 'age':
      return (c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max);
    case 'not': {
      const r = resolveAge(c.condition, age);
      return typeof r === 'boolean' ? !r : { op: 'not', condition: r };
    }
    case 'all':
    case 'any': {
      const parts = c.conditions.map((x) => resolveAge(x, age));
      const decided = c.op === 'all' ? false : true;
      if (parts.includes(decided)) return decided;
      const open = parts.filter((x): x is IntakeCondition => typeof x !== 'boolean');
      if (open.length === 0) return !decided;
      return open.length === 1 ? open[0]! : { op: c.op, conditions: open };
    }
    default:
      return c;
  }
}

function withShowIf<T extends { readonly showIf?: IntakeCondition }>(x: T, age: number): T | null {
  if (!x.showIf) return x;
  const r = resolveAge(x.showIf, age);
  if (r === false) return null;
  const { showIf: _drop, ...rest } = x;
  return (r === true ? rest : { ...rest, showIf: r }) as T;
}

/**
 * The part of a form one respondent answers. The guardian's part leaves out the screens marked
 * `respondent: 'self'`; the adolescent's part is only those screens, without the birth-date
 * question, with `age` conditions decided from the patient's age (from the register, in the
 * clinic's zone on the day), so the patient page and every reader need no birth-date answer.
 * The adult patient answers the whole form. Returns null when the adolescent part is empty (the
 * form has no screens of the patient's own).
 *
 * @example
 * intakePartDefinition(def, { respondent: 'adolescent', ageYears: 14 })?.sections.map((s) => s.id) // → ['self', 'scales']
 */
export function intakePartDefinition(
  definition: IntakeDefinition,
  options: { readonly respondent: IntakeRespondent; readonly ageYears?: number | null },
): IntakeDefinition | null {
  if (options.respondent === 'patient') return definition;
  const own = (g: IntakeGroup) => g.respondent === 'self';
  if (options.respondent === 'guardian') {
    const sections = definition.sections
      .map((s) => ({ ...s, groups: s.groups.filter((g) => !own(g)) }))
      .filter((s) => s.groups.length > 0);
    return { ...definition, sections };
  }
  const age = options.ageYears;
  if (age === undefined || age === null) return null;
  const sections = definition.sections
    .map((s) => ({
      ...s,
      groups: s.groups.filter(own).flatMap((g) => {
        const group = withShowIf(g, age);
        if (!group) return [];
        const questions = group.questions.flatMap((q) => {
          const r = withShowIf(q, age);
          return r ? [r as IntakeQuestion] : [];
        });
        return questions.length > 0 ? [{ ...group, questions }] : [];
      }),
    }))
    .filter((s) => s.groups.length > 0);
  if (sections.length === 0) return null;
  const { birthDateQuestion: _none, ...rest } = definition;
  return { ...rest, sections };
}
