import { answersFromList } from '../check-answers.ts';
import type { ScaleDefinition } from '../scale-definition.ts';
import { scoreScale, type ScoreResult, type ScoreScaleOptions } from '../score-scale.ts';

/**
 * Scores answers given in item order (tests only).
 *
 * @example
 * scoreList(gad7, [1, 1, 1, 1, 1, 1, 1]).total; // 7
 */
export function scoreList(d: ScaleDefinition, list: ReadonlyArray<number | null>, options: ScoreScaleOptions = {}): ScoreResult {
  return scoreScale(d, answersFromList(d, list), options);
}

/**
 * `n` copies of one answer.
 *
 * @example
 * filled(3, null); // [null, null, null]
 */
export function filled(n: number, v: number | null): Array<number | null> {
  return Array.from({ length: n }, () => v);
}

/**
 * The flag ids of a result.
 *
 * @example
 * flagIds(result); // ['suicidality']
 */
export function flagIds(r: ScoreResult): string[] {
  return r.flags.map((f) => f.id);
}
