import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saeDeadlineState, saeReportingDeadlines, type SaeDeadlineOptions } from './sae-reporting-deadlines.ts';

const zone = 'Asia/Tokyo';
type Ae = SaeDeadlineOptions['ae'];
const ae = (o: Partial<Ae>): Ae => ({ seriousness: ['hospitalisation'], grade: 3, relatedness: 'possible', expectedness: 'unexpected', ...o });
const crr = (a: Ae, knownAt = '2026-04-08T16:00:00+09:00') => saeReportingDeadlines({ ae: a, pathway: 'specified_clinical_research', knownAt, zone });
const brief = (r: ReturnType<typeof crr>) => r.deadlines.map((d) => `${d.recipient}:${d.days}:${d.dueDate}`);

test('特定臨床研究: unexpected, suspected death or life-threatening — 7 days to the head and CRB (第54条第1号) and to the Minister', () => {
  const r = crr(ae({ seriousness: ['life_threatening'], grade: 4 }));
  assert.equal(r.knownOn, '2026-04-08');
  assert.deepEqual(brief(r), ['institution_head_and_board:7:2026-04-15', 'minister:7:2026-04-15']);
  assert.deepEqual(r.deadlines.map((d) => d.rule), ['crr_54_1', 'cra_14_7']);
  const death = crr(ae({ seriousness: ['death'], grade: 5, relatedness: 'definite' }));
  assert.deepEqual(brief(death), ['institution_head_and_board:7:2026-04-15', 'minister:7:2026-04-15']);
});

test('特定臨床研究: expected death / life-threatening — 15 days to the head and CRB only (第54条第2号イ)', () => {
  const r = crr(ae({ seriousness: ['life_threatening'], grade: 4, expectedness: 'expected' }));
  assert.deepEqual(brief(r), ['institution_head_and_board:15:2026-04-23']);
  assert.equal(r.deadlines[0]!.rule, 'crr_54_2i');
});

test('特定臨床研究: other unexpected serious — 15 days to the head and CRB (第54条第2号ロ) and the Minister', () => {
  const r = crr(ae({}));
  assert.deepEqual(brief(r), ['institution_head_and_board:15:2026-04-23', 'minister:15:2026-04-23']);
  assert.equal(r.periodicOnly, false);
});

test('特定臨床研究: expected non-fatal serious, or not suspected to be related — periodic report only, no expedited deadline', () => {
  assert.deepEqual(crr(ae({ expectedness: 'expected' })), { knownOn: '2026-04-08', deadlines: [], periodicOnly: true });
  assert.deepEqual(crr(ae({ relatedness: 'unlikely', seriousness: ['death'], grade: 5 })).periodicOnly, true);
  assert.deepEqual(crr(ae({ relatedness: 'not_related' })).deadlines, []);
});

test('a non-serious event has no deadline under any pathway', () => {
  for (const pathway of ['specified_clinical_research', 'guideline_research', 'self_pay_with_data_consent'] as const) {
    const r = saeReportingDeadlines({ ae: ae({ seriousness: [], grade: 2 }), pathway, knownAt: '2026-04-08T16:00:00+09:00', zone });
    assert.deepEqual(r.deadlines, []);
    assert.equal(r.periodicOnly, false);
  }
});

test('guideline research: the head of the institution within the program days (default 7); the Minister too for an unexpected, possibly related one', () => {
  const expected = saeReportingDeadlines({ ae: ae({ expectedness: 'expected' }), pathway: 'guideline_research', knownAt: '2026-04-08T16:00:00+09:00', zone });
  assert.deepEqual(brief(expected), ['institution_head:7:2026-04-15']);
  const susar = saeReportingDeadlines({ ae: ae({}), pathway: 'guideline_research', knownAt: '2026-04-08T16:00:00+09:00', zone, clinicDays: 3 });
  assert.deepEqual(brief(susar), ['institution_head:3:2026-04-11', 'guideline_minister:3:2026-04-11']);
});

test('self-pay: the clinic rule within the program days', () => {
  const r = saeReportingDeadlines({ ae: ae({ relatedness: 'not_related' }), pathway: 'self_pay_with_data_consent', knownAt: '2026-04-08T16:00:00+09:00', zone, clinicDays: 5 });
  assert.deepEqual(brief(r), ['clinic_rule:5:2026-04-13']);
});

test('the clock starts on the clinic day: 23:59 and 00:00 JST fall on different days, whatever UTC says', () => {
  assert.deepEqual(brief(crr(ae({}), '2026-04-08T23:59:59+09:00')), ['institution_head_and_board:15:2026-04-23', 'minister:15:2026-04-23']);
  // 2026-04-08T15:00Z is already 2026-04-09 in Tokyo.
  const next = crr(ae({}), '2026-04-08T15:00:00Z');
  assert.equal(next.knownOn, '2026-04-09');
  assert.deepEqual(brief(next), ['institution_head_and_board:15:2026-04-24', 'minister:15:2026-04-24']);
  // Across a month end and a leap day.
  assert.equal(crr(ae({ seriousness: ['death'], grade: 5 }), '2028-02-25T10:00:00+09:00').deadlines[0]!.dueDate, '2028-03-03');
});

test('deadline state: open, due today, overdue, reported (late or on time)', () => {
  assert.deepEqual(saeDeadlineState({ dueDate: '2026-04-15', today: '2026-04-14' }), { state: 'open', daysLeft: 1 });
  assert.deepEqual(saeDeadlineState({ dueDate: '2026-04-15', today: '2026-04-15' }), { state: 'due_today', daysLeft: 0 });
  assert.deepEqual(saeDeadlineState({ dueDate: '2026-04-15', today: '2026-04-16' }), { state: 'overdue', daysLeft: -1 });
  assert.deepEqual(saeDeadlineState({ dueDate: '2026-04-15', today: '2026-04-20', reportedOn: '2026-04-15' }), { state: 'reported', daysLeft: -5, late: false });
  assert.deepEqual(saeDeadlineState({ dueDate: '2026-04-15', today: '2026-04-20', reportedOn: '2026-04-16' }), { state: 'reported', daysLeft: -5, late: true });
});
