import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cesd } from './cesd.ts';
import { filled, scoreList } from './test-support.ts';

test('CES-D: items 4, 8, 12, 16 are reverse-scored', () => {
  assert.equal(scoreList(cesd, filled(20, 0)).total, 12);
  assert.equal(scoreList(cesd, filled(20, 3)).total, 48);
  const a = filled(20, 0) as number[];
  for (const n of [4, 8, 12, 16]) a[n - 1] = 3;
  assert.equal(scoreList(cesd, a).total, 0);
});

test('CES-D: cut-off 16 (also in Japan)', () => {
  const a = filled(20, 0) as number[];
  for (const n of [4, 8, 12, 16]) a[n - 1] = 3;
  a[0] = 3;
  a[1] = 3;
  a[2] = 3;
  a[4] = 3;
  a[5] = 3;
  assert.deepEqual([scoreList(cesd, a).total, scoreList(cesd, a).band], [15, 'below_threshold']);
  a[6] = 1;
  assert.deepEqual([scoreList(cesd, a).total, scoreList(cesd, a).band], [16, 'depressive_symptoms']);
});
