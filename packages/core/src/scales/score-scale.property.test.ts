import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { builtinScales } from './builtin/index.ts';
import { phq9 } from './builtin/phq9.ts';
import { isItemEnabled, type ScaleAnswers } from './item-score.ts';
import type { ScaleDefinition } from './scale-definition.ts';
import { scoreScale } from './score-scale.ts';

/** Random complete answers: every asked item gets one of its option values. */
function completeAnswers(d: ScaleDefinition): fc.Arbitrary<ScaleAnswers> {
  return fc.tuple(...d.items.map((i) => fc.constantFrom(...i.options.map((o) => o.value)))).map((values) => {
    const answers: Record<string, number | null> = {};
    d.items.forEach((item, k) => {
      answers[item.id] = values[k];
    });
    // Blank the items that would not be asked (C-SSRS follow-ups).
    for (const item of d.items) if (!isItemEnabled(d, item, answers)) answers[item.id] = null;
    return answers;
  });
}

for (const d of builtinScales) {
  test(`${d.id}: any complete form scores validly, within range, into exactly one band`, () => {
    fc.assert(
      fc.property(completeAnswers(d), (answers) => {
        const r = scoreScale(d, answers);
        assert.equal(r.valid, true);
        assert.equal(r.missing, 0);
        assert.notEqual(r.band, null);
        if (d.scoring.method === 'sum') {
          assert.ok(r.total !== null && r.total >= d.scoring.range.min && r.total <= d.scoring.range.max);
        }
        assert.deepEqual(scoreScale(d, answers), r); // pure
      }),
      { numRuns: 200 },
    );
  });
}

test('PHQ-9: a complete total is the plain sum; one blank item (not 9) prorates to within 3 points of it', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }), fc.integer({ min: 0, max: 7 }), (v, blank) => {
      const answers = Object.fromEntries(v.map((x, i) => [`q${i + 1}`, x]));
      const sum = v.reduce((a, b) => a + b, 0);
      assert.equal(scoreScale(phq9, answers).total, sum);
      const partial = scoreScale(phq9, { ...answers, [`q${blank + 1}`]: null });
      assert.equal(partial.valid, true);
      assert.ok(Math.abs((partial.total as number) - sum) <= 3);
      assert.equal(partial.flags.length > 0, v[8] >= 1);
    }),
  );
});
