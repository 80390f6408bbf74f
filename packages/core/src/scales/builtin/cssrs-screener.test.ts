import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cssrsScreener } from './cssrs-screener.ts';
import { flagIds, scoreList } from './test-support.ts';

// Order: q1, q2, q3, q4, q5, q6, q6_recent
const no = 0;
const yes = 1;

test('C-SSRS triage: Q4, Q5 or behaviour in the past 3 months is high risk', () => {
  for (const a of [
    [yes, yes, no, yes, no, no, null],
    [yes, yes, no, no, yes, no, null],
    [no, no, null, null, null, yes, yes],
  ]) {
    const r = scoreList(cssrsScreener, a);
    assert.deepEqual([r.valid, r.total, r.band], [true, null, 'high']);
    assert.ok(flagIds(r).includes('suicide_risk_high'));
    assert.equal(r.flags.find((f) => f.id === 'suicide_risk_high')?.severity, 'urgent');
  }
});

test('C-SSRS triage: Q3 or older behaviour is moderate, Q1–2 only is low, nothing is none', () => {
  assert.equal(scoreList(cssrsScreener, [yes, yes, yes, no, no, no, null]).band, 'moderate');
  assert.equal(scoreList(cssrsScreener, [no, no, null, null, null, yes, no]).band, 'moderate');
  const low = scoreList(cssrsScreener, [yes, no, null, null, null, no, null]);
  assert.deepEqual([low.band, flagIds(low)], ['low', ['suicidality']]);
  const none = scoreList(cssrsScreener, [no, no, null, null, null, no, null]);
  assert.deepEqual([none.band, none.flags], ['none', []]);
});

test('C-SSRS: Q3–5 are skipped when Q2 is no; answering them is an error, skipping them when asked is missing', () => {
  assert.throws(() => scoreList(cssrsScreener, [yes, no, yes, null, null, no, null]), /q3 is only asked when item q2/);
  const r = scoreList(cssrsScreener, [yes, yes, null, null, null, no, null]);
  assert.deepEqual([r.valid, r.band, r.missingItems], [false, null, ['q3', 'q4', 'q5']]);
  assert.deepEqual(flagIds(r), ['suicidality']);
  const recent = scoreList(cssrsScreener, [no, no, null, null, null, yes, null]);
  assert.deepEqual([recent.valid, recent.missingItems], [false, ['q6_recent']]);
});
