import { isItemEnabled, type ScaleAnswers } from './item-score.ts';
import type { ScaleDefinition } from './scale-definition.ts';
import type { Issue } from '../errors/domain-error.ts';
import { scaleValidationError } from './scale-error.ts';

/**
 * Every problem with a set of answers: unknown item ids, values that are not numbers or not one of
 * the item's option values, and answers to items that were not asked (their `enableWhen` failed).
 * Missing answers are not problems here; the missing-item rule decides about them.
 *
 * @example
 * answerIssues(phq9, { q1: 5 }); // [{ path: 'answers.q1', key: 'scale.out_of_range.answer_item_out', params: { v: 5, id: 'q1', allowed: '0, 1, 2, 3' } }]
 */
export function answerIssues(definition: ScaleDefinition, answers: ScaleAnswers): ReadonlyArray<Issue> {
  const issues: Issue[] = [];
  const ids = new Set(definition.items.map((i) => i.id));
  for (const key of Object.keys(answers)) {
    if (!ids.has(key)) {
      issues.push({
        path: `answers.${key}`,
        key: 'scale.unknown_item.not_in_scale',
        params: { item: key, shortName: definition.shortName },
      });
    }
  }
  for (const item of definition.items) {
    const v: unknown = answers[item.id];
    if (v === undefined || v === null) continue;
    const path = `answers.${item.id}`;
    const allowed = item.options.map((o) => o.value);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      issues.push({
        path,
        key: 'scale.not_a_number.answer_item_number',
        params: { id: item.id, allowed: allowed.join(', ') },
      });
      continue;
    }
    if (!allowed.includes(v)) {
      issues.push({
        path,
        key: 'scale.out_of_range.answer_item_out',
        params: { v, id: item.id, allowed: allowed.join(', ') },
      });
      continue;
    }
    if (!isItemEnabled(definition, item, answers)) {
      const cond = item.enableWhen;
      issues.push({
        path,
        key: 'scale.not_asked.item_asked_item',
        params: { id: item.id, item: cond?.item ?? null, atLeast: cond?.atLeast ?? null },
      });
    }
  }
  return issues;
}

/**
 * Throws a `validation` DomainError listing every problem with the answers.
 *
 * @example
 * assertAnswers(phq9, { q1: 3, q9: 1 }); // ok: missing items are allowed here
 */
export function assertAnswers(definition: ScaleDefinition, answers: ScaleAnswers): void {
  const issues = answerIssues(definition, answers);
  if (issues.length > 0) throw scaleValidationError('scale_answers_invalid', issues);
}

/**
 * Answers given in item order (as on the CLI: `3,1,,2,…`), `null` for an unanswered item.
 * Throws when the count differs from the number of items.
 *
 * @example
 * answersFromList(gad7, [1, 1, 1, 1, 1, 1, null]); // { q1: 1, …, q7: null }
 */
export function answersFromList(definition: ScaleDefinition, list: ReadonlyArray<number | null>): ScaleAnswers {
  if (list.length !== definition.items.length) {
    throw scaleValidationError('scale_answers_count', [
      {
        path: 'answers',
        key: 'scale.wrong_count.has_items_but',
        params: { shortName: definition.shortName, length: definition.items.length, length2: list.length },
      },
    ]);
  }
  const out: Record<string, number | null> = {};
  definition.items.forEach((item, i) => {
    out[item.id] = list[i] ?? null;
  });
  return out;
}
