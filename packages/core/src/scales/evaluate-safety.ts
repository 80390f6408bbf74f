import { conditionHolds, itemScore, answerOf, type ScaleAnswers } from './item-score.ts';
import type { ScaleDefinition, SafetyRule } from './scale-definition.ts';

export interface SafetyFlag {
  /** The rule's flag id, e.g. `suicidality`. */
  readonly id: string;
  readonly severity: SafetyRule['severity'];
  /** The item whose answer met the threshold (the first one, when several did). */
  readonly item: string;
  /** That item's score (after reverse scoring). */
  readonly score: number;
}

/**
 * Safety flags raised by the answers: one per rule whose threshold any listed item meets. Works on
 * partial answers on purpose — an unscorable questionnaire with item 9 ≥ 1 must still alert.
 *
 * @example
 * evaluateSafety(phq9, { q9: 1 }); // [{ id: 'suicidality', severity: 'alert', item: 'q9', score: 1 }]
 */
export function evaluateSafety(definition: ScaleDefinition, answers: ScaleAnswers): ReadonlyArray<SafetyFlag> {
  const flags: SafetyFlag[] = [];
  for (const rule of definition.safety) {
    const hit = rule.anyOf.find((c) => conditionHolds(definition, answers, c));
    if (!hit) continue;
    const item = definition.items.find((i) => i.id === hit.item);
    const v = answerOf(answers, hit.item);
    if (!item || v === null) continue;
    flags.push({ id: rule.id, severity: rule.severity, item: hit.item, score: itemScore(definition, item, v) });
  }
  return flags;
}
