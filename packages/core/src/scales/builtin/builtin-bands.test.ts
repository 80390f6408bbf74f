import assert from 'node:assert/strict';
import { test } from 'node:test';
import { optionBounds, type ScaleAnswers } from '../item-score.ts';
import type { ScaleDefinition, SumScoring } from '../scale-definition.ts';
import { scoreScale } from '../score-scale.ts';
import { builtinScales } from './index.ts';

/**
 * Answers whose raw (pre-multiplier) total is `raw`, filling scored units in order. Reverse items
 * get the answer whose reversed score is wanted; in a max-group only the first item is used.
 */
function answersForRaw(d: ScaleDefinition, s: SumScoring, raw: number): ScaleAnswers | null {
  const totalItems =
    s.total && 'subscales' in s.total
      ? s.total.subscales.flatMap((id) => s.subscales.find((x) => x.id === id)?.items ?? [])
      : s.total
        ? [...s.total.items]
        : d.items.filter((i) => i.scored !== false).map((i) => i.id);
  const answers: Record<string, number | null> = {};
  const grouped = new Map<string, string>();
  for (const g of s.maxGroups ?? []) g.items.forEach((i, k) => grouped.set(i, k === 0 ? 'first' : 'rest'));
  const setScore = (id: string, score: number): void => {
    const item = d.items.find((i) => i.id === id);
    if (!item) throw new Error(id);
    const { min, max } = optionBounds(item);
    answers[id] = s.reverseItems.includes(id) ? min + max - score : score;
  };
  // Every item starts at its lowest score, including items outside the total (e.g. SDQ prosocial).
  for (const item of d.items) {
    if (item.enableWhen) continue;
    setScore(item.id, optionBounds(item).min);
  }
  let left = raw - totalItems.reduce((a, id) => a + (grouped.get(id) === 'rest' ? 0 : optionBounds(d.items.find((i) => i.id === id)!).min), 0);
  for (const id of totalItems) {
    if (grouped.get(id) === 'rest' || left <= 0) continue;
    const { min, max } = optionBounds(d.items.find((i) => i.id === id)!);
    const add = Math.min(max - min, left);
    setScore(id, min + add);
    left -= add;
  }
  return left === 0 ? answers : null;
}

for (const d of builtinScales) {
  const s = d.scoring;
  if (s.method !== 'sum') continue;
  test(`${d.id}: every band boundary in every band set lands in its band`, () => {
    const m = s.multiplier ?? 1;
    for (const set of d.bandSets) {
      for (const band of set.bands) {
        const lo = Math.ceil((band.min as number) / m) * m;
        const hi = Math.floor((band.max as number) / m) * m;
        for (const total of [lo, hi]) {
          const answers = answersForRaw(d, s, total / m);
          assert.ok(answers, `${d.id}: cannot build a total of ${total}`);
          const r = scoreScale(d, answers, { bandSet: set.id });
          assert.equal(r.total, total, `${d.id} ${set.id}`);
          assert.equal(r.band, band.id, `${d.id} ${set.id}: total ${total}`);
          assert.equal(r.version, d.version);
        }
      }
    }
  });
}

test('every built-in scale lists its items, licence class and informants', () => {
  assert.deepEqual(
    builtinScales.map((d) => d.id),
    ['phq9', 'gad7', 'phq15', 'k6', 'k10', 'hamd17', 'madrs', 'qids_sr16', 'epds', 'who5', 'scared', 'sdq', 'dsrs_c', 'cesd', 'phq9_teens', 'cssrs_screener'],
  );
  for (const d of builtinScales) {
    assert.ok(d.informants.length > 0);
    // Metadata-only scales carry no wording at all.
    if (!d.licence.textIncluded) assert.ok(d.items.every((i) => i.text === undefined && i.options.every((o) => !o.label || o.code)), d.id);
  }
});
