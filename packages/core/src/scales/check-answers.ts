import { isItemEnabled, type ScaleAnswers } from './item-score.ts';
import type { ScaleDefinition } from './scale-definition.ts';
import { scaleValidationError, type ScaleIssue } from './scale-error.ts';

/**
 * Every problem with a set of answers: unknown item ids, values that are not numbers or not one of
 * the item's option values, and answers to items that were not asked (their `enableWhen` failed).
 * Missing answers are not problems here; the missing-item rule decides about them.
 *
 * @example
 * answerIssues(phq9, { q1: 5 }); // [{ path: 'answers.q1', code: 'out_of_range', … }]
 */
export function answerIssues(definition: ScaleDefinition, answers: ScaleAnswers): ReadonlyArray<ScaleIssue> {
  const issues: ScaleIssue[] = [];
  const ids = new Set(definition.items.map((i) => i.id));
  for (const key of Object.keys(answers)) {
    if (!ids.has(key)) {
      issues.push({
        path: `answers.${key}`,
        code: 'unknown_item',
        en: `"${key}" is not an item of ${definition.shortName}`,
        ja: `「${key}」は ${definition.shortName} の項目ではありません`,
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
        code: 'not_a_number',
        en: `the answer to item ${item.id} must be a number (one of ${allowed.join(', ')})`,
        ja: `項目 ${item.id} の回答は数値（${allowed.join(', ')} のいずれか）でなければなりません`,
      });
      continue;
    }
    if (!allowed.includes(v)) {
      issues.push({
        path,
        code: 'out_of_range',
        en: `the answer ${v} to item ${item.id} is out of range; allowed: ${allowed.join(', ')}`,
        ja: `項目 ${item.id} の回答 ${v} は範囲外です（${allowed.join(', ')} のいずれか）`,
      });
      continue;
    }
    if (!isItemEnabled(definition, item, answers)) {
      const cond = item.enableWhen;
      issues.push({
        path,
        code: 'not_asked',
        en: `item ${item.id} is only asked when item ${cond?.item} is at least ${cond?.atLeast}; leave it blank`,
        ja: `項目 ${item.id} は項目 ${cond?.item} が ${cond?.atLeast} 以上のときだけ尋ねます。空欄にしてください`,
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
        code: 'wrong_count',
        en: `${definition.shortName} has ${definition.items.length} items but ${list.length} answers were given`,
        ja: `${definition.shortName} は ${definition.items.length} 項目ですが、回答が ${list.length} 個あります`,
      },
    ]);
  }
  const out: Record<string, number | null> = {};
  definition.items.forEach((item, i) => {
    out[item.id] = list[i] ?? null;
  });
  return out;
}
