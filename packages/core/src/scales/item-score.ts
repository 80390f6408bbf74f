import type { ItemCondition, ScaleDefinition, ScaleItem } from './scale-definition.ts';

/** Answers keyed by item id; `null`/absent = unanswered. Values are the chosen option's `value`. */
export type ScaleAnswers = Readonly<Record<string, number | null | undefined>>;

/**
 * Lowest and highest option value of an item.
 *
 * @example
 * optionBounds(phq9.items[0]); // { min: 0, max: 3 }
 */
export function optionBounds(item: ScaleItem): { readonly min: number; readonly max: number } {
  const values = item.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The item's score after reverse scoring (min + max − value), before weights. Safety rules,
 * triage rules and `enableWhen` compare against this, so "item 10 ≥ 1" means the same thing
 * whether or not the item is printed in reverse order.
 *
 * @example
 * itemScore(epds, epds.items[9], 0); // 3 (item 10 is reverse-scored)
 */
export function itemScore(definition: ScaleDefinition, item: ScaleItem, value: number): number {
  if (definition.scoring.method === 'sum' && definition.scoring.reverseItems.includes(item.id)) {
    const { min, max } = optionBounds(item);
    return min + max - value;
  }
  return value;
}

/**
 * The answer to an item, or null when unanswered.
 *
 * @example
 * answerOf({ q1: 2 }, 'q2'); // null
 */
export function answerOf(answers: ScaleAnswers, id: string): number | null {
  const v = answers[id];
  return v === undefined || v === null ? null : v;
}

/**
 * Whether a condition holds on the answers (unanswered items never satisfy a condition).
 *
 * @example
 * conditionHolds(phq9, { q9: 1 }, { item: 'q9', atLeast: 1 }); // true
 */
export function conditionHolds(definition: ScaleDefinition, answers: ScaleAnswers, cond: ItemCondition): boolean {
  const item = definition.items.find((i) => i.id === cond.item);
  const v = answerOf(answers, cond.item);
  if (!item || v === null) return false;
  return itemScore(definition, item, v) >= cond.atLeast;
}

/**
 * An item is asked unless its `enableWhen` condition fails.
 *
 * @example
 * isItemEnabled(cssrsScreener, cssrsScreener.items[2], { q2: 0 }); // false: q3 follows a yes to q2
 */
export function isItemEnabled(definition: ScaleDefinition, item: ScaleItem, answers: ScaleAnswers): boolean {
  return item.enableWhen === undefined || conditionHolds(definition, answers, item.enableWhen);
}
