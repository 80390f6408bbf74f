import type { IntakeAudience, IntakeCondition } from './intake-definition.ts';

/** What a condition can see besides answers. */
export interface IntakeConditionContext {
  readonly audience: IntakeAudience;
  /** Age in completed years, or null while unknown. */
  readonly ageYears: number | null;
  /** Value of a visible top-level question (undefined when hidden or unanswered). */
  readonly question: (id: string) => unknown;
  /** Value of a visible field of the current repeated-group row (undefined outside a row). */
  readonly sibling?: (id: string) => unknown;
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The comparable scalar of an answer: a choice's value, or the value itself. */
function scalarOf(v: unknown): unknown {
  if (isRecord(v) && typeof v.choice === 'string') return v.choice;
  return v;
}

function choicesOf(v: unknown): ReadonlyArray<unknown> {
  if (isRecord(v) && Array.isArray(v.choices)) return v.choices;
  if (Array.isArray(v)) return v;
  return [];
}

/** Whether an answer counts as given: not empty text, not an empty selection, not an empty list. */
export function isIntakeAnswered(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) {
    if ('choice' in v) return typeof v.choice === 'string' && v.choice !== '';
    if ('choices' in v) return Array.isArray(v.choices) && v.choices.length > 0;
    if ('agreed' in v) return v.agreed === true;
    if ('scaleId' in v) return isRecord(v.answers) && Object.values(v.answers).some((r) => r !== null && r !== undefined);
  }
  return false;
}

/**
 * Evaluates a show-if condition. A reference to a hidden or unanswered question is "no answer":
 * `equals`, `in`, `includes`, `gte`, `lte` and `answered` are then false (and `not` of them true).
 *
 * @example
 * evaluateIntakeCondition(
 *   { op: 'equals', question: 'taking_medicines', value: true },
 *   { audience: 'adult', ageYears: 30, question: (id) => ({ taking_medicines: true })[id] },
 * ) // → true
 */
export function evaluateIntakeCondition(c: IntakeCondition, ctx: IntakeConditionContext): boolean {
  switch (c.op) {
    case 'all':
      return c.conditions.every((x) => evaluateIntakeCondition(x, ctx));
    case 'any':
      return c.conditions.some((x) => evaluateIntakeCondition(x, ctx));
    case 'not':
      return !evaluateIntakeCondition(c.condition, ctx);
    case 'audience':
      return ctx.audience === c.audience;
    case 'age':
      if (ctx.ageYears === null) return false;
      return (c.min === undefined || ctx.ageYears >= c.min) && (c.max === undefined || ctx.ageYears <= c.max);
    default: {
      const v = c.sibling !== undefined ? ctx.sibling?.(c.sibling) : ctx.question(c.question);
      switch (c.op) {
        case 'answered':
          return isIntakeAnswered(v);
        case 'equals':
          return scalarOf(v) === c.value;
        case 'in':
          return c.values.includes(scalarOf(v) as string);
        case 'includes':
          return choicesOf(v).includes(c.value);
        case 'gte':
          return typeof v === 'number' && v >= c.value;
        case 'lte':
          return typeof v === 'number' && v <= c.value;
      }
    }
  }
}
