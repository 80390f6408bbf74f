import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessSeries } from './assess-series.ts';
import { phq9 } from './builtin/phq9.ts';

test('a PHQ-9 series: baseline is the first scored point; later points get band, response, remission and reliable change', () => {
  const s = assessSeries({
    definition: phq9,
    points: [
      { at: '2026-04-29T00:00:00Z', total: 4 },
      { at: '2026-04-01T00:00:00Z', total: null },
      { at: '2026-04-15T00:00:00Z', total: 12 },
      { at: '2026-04-08T00:00:00Z', total: 18 },
    ],
  });
  assert.deepEqual(s.map((p) => [p.at.slice(0, 10), p.total, p.band, p.isBaseline]), [
    ['2026-04-01', null, null, false],
    ['2026-04-08', 18, 'moderately_severe', true],
    ['2026-04-15', 12, 'moderate', false],
    ['2026-04-29', 4, 'minimal', false],
  ]);
  assert.equal(s[0].change, null);
  assert.equal(s[1].change, null);
  assert.deepEqual([s[2].change?.response, s[2].change?.remission, s[2].change?.reliableChange?.category], [false, false, 'improved']);
  assert.deepEqual([s[3].change?.response, s[3].change?.remission], [true, true]);
  const clinic = assessSeries({ definition: phq9, clinicSd: 5.5, points: [{ at: '2026-04-08T00:00:00Z', total: 18 }, { at: '2026-04-15T00:00:00Z', total: 12 }] });
  assert.equal(clinic[1].change?.reliableChange?.category, 'no_reliable_change');
});

test('in a program the baseline is the pre-treatment score, not the first score ever recorded', () => {
  const s = assessSeries({
    definition: phq9,
    treatmentStartAt: '2026-04-10T01:00:00Z',
    points: [
      { at: '2026-03-01T00:00:00Z', total: 6 }, // an old score, long before the program
      { at: '2026-03-25T00:00:00Z', total: 18 }, // screening
      { at: '2026-04-08T00:00:00Z', total: 16 }, // pre-treatment baseline
      { at: '2026-05-08T00:00:00Z', total: 7 },
    ],
  });
  assert.deepEqual(s.map((p) => p.isBaseline), [false, false, true, false]);
  assert.deepEqual(s.map((p) => p.change === null), [true, true, true, false]);
  // 16 → 7 is a response; against the old 6 it would have looked like no response at all
  assert.equal(s[3].change?.baseline, 16);
  assert.equal(s[3].change?.response, true);
  // without a program the first score stays the baseline
  assert.equal(assessSeries({ definition: phq9, points: s.map((p) => ({ at: p.at, total: p.total })) })[3].change?.baseline, 6);
});
