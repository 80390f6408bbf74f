import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessChange } from '../assess-change.ts';
import { madrs } from './madrs.ts';
import { filled, flagIds, scoreList } from './test-support.ts';

test('MADRS: 10 items 0–6 (odd values allowed), total 0–60', () => {
  assert.equal(scoreList(madrs, filled(10, 6)).total, 60);
  assert.equal(scoreList(madrs, [1, 3, 5, 0, 0, 0, 0, 0, 0, 0]).total, 9);
  assert.throws(() => scoreList(madrs, [7, 0, 0, 0, 0, 0, 0, 0, 0, 0]), /out of range/);
});

test('MADRS item 10 (suicidal thoughts): ≥ 2 alerts, ≥ 4 urgent', () => {
  const at = (v: number): string[] => flagIds(scoreList(madrs, [0, 0, 0, 0, 0, 0, 0, 0, 0, v]));
  assert.deepEqual([at(1), at(2), at(3), at(4)], [[], ['suicidality'], ['suicidality'], ['suicidality', 'suicidality_urgent']]);
});

test('MADRS ships no item text and remission is ≤ 10', () => {
  assert.ok(madrs.items.every((i) => i.text === undefined));
  assert.equal(assessChange({ definition: madrs, baseline: 30, current: 10 }).remission, true);
  assert.equal(assessChange({ definition: madrs, baseline: 30, current: 11 }).remission, false);
});
