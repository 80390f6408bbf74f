import { answersFromList } from '../check-answers.ts';
import type { ScaleDefinition } from '../scale-definition.ts';
import { scoreScale, type ScoreResult, type ScoreScaleOptions } from '../score-scale.ts';

/** Scores answers given in item order (tests only). */
export function scoreList(d: ScaleDefinition, list: ReadonlyArray<number | null>, options: ScoreScaleOptions = {}): ScoreResult {
  return scoreScale(d, answersFromList(d, list), options);
}

export function filled(n: number, v: number | null): Array<number | null> {
  return Array.from({ length: n }, () => v);
}

export function flagIds(r: ScoreResult): string[] {
  return r.flags.map((f) => f.id);
}
