import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dsrsC } from './dsrs-c.ts';
import { filled, scoreList } from './test-support.ts';

test('DSRS-C: 18 items scored 0–2, Japanese cut-off 16', () => {
  const a = filled(18, 0) as number[];
  for (let i = 0; i < 7; i++) a[i] = 2;
  a[7] = 1;
  assert.deepEqual([scoreList(dsrsC, a).total, scoreList(dsrsC, a).band], [15, 'below_cutoff']);
  a[7] = 2;
  assert.deepEqual([scoreList(dsrsC, a).total, scoreList(dsrsC, a).band], [16, 'possible_depression']);
  assert.equal(scoreList(dsrsC, filled(18, 2)).total, 36);
});

test('DSRS-C ships no wording and scores complete forms only', () => {
  assert.ok(dsrsC.items.every((i) => i.text === undefined));
  const a = filled(18, 1);
  a[17] = null;
  assert.equal(scoreList(dsrsC, a).valid, false);
});
