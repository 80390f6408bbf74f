import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreScale } from '../scales/score-scale.ts';
import { builtinScales } from '../scales/builtin/index.ts';
import { higherSeverity, legacyAlertSeverity, saeSeverity, scaleAlertsOf, scaleFlagSeverity } from './alert-severity.ts';

const scale = (id: string) => builtinScales.find((s) => s.id === id)!;
const severityFor = (id: string, answers: Record<string, number>) => scaleAlertsOf(scoreScale(scale(id), answers).flags).map((a) => `${a.kind}:${a.severity}`);

test('PHQ-9 item 9: 0 nothing, 1 high, 2 and 3 urgent — one suicidality alert either way', () => {
  const base = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1 };
  assert.deepEqual(severityFor('phq9', { ...base, q9: 0 }), []);
  assert.deepEqual(severityFor('phq9', { ...base, q9: 1 }), ['suicidality:high']);
  assert.deepEqual(severityFor('phq9', { ...base, q9: 2 }), ['suicidality:urgent']);
  assert.deepEqual(severityFor('phq9', { ...base, q9: 3 }), ['suicidality:urgent']);
});

test('other scales keep their own thresholds: QIDS-SR16 item 12, HAM-D item 3, MADRS item 10', () => {
  const flagsOf = (id: string, item: string, v: number) => scaleAlertsOf(scoreScale(scale(id), { [item]: v }).flags).map((a) => a.severity);
  assert.deepEqual(flagsOf('qids_sr16', 'q12', 1), ['high']);
  assert.deepEqual(flagsOf('qids_sr16', 'q12', 2), ['urgent']);
  assert.deepEqual(flagsOf('hamd17', 'q3', 2), ['high']);
  assert.deepEqual(flagsOf('hamd17', 'q3', 3), ['urgent']);
  assert.deepEqual(flagsOf('madrs', 'q10', 3), ['high']);
  assert.deepEqual(flagsOf('madrs', 'q10', 4), ['urgent']);
});

test('the flag that decided the severity comes first', () => {
  const [a] = scaleAlertsOf([{ id: 'suicidality', severity: 'alert', item: 'q9', score: 3 }, { id: 'suicidality_urgent', severity: 'urgent', item: 'q9', score: 3 }]);
  assert.equal(a!.flags[0]!.id, 'suicidality_urgent');
  assert.equal(scaleFlagSeverity({ severity: 'alert' }), 'high');
});

test('a serious adverse event is urgent when it is death or life-threatening, high otherwise', () => {
  assert.equal(saeSeverity(['life_threatening']), 'urgent');
  assert.equal(saeSeverity(['death']), 'urgent');
  assert.equal(saeSeverity(['hospitalisation', 'disability']), 'high');
});

test('severities order urgent > high > review', () => {
  assert.equal(higherSeverity('review', 'high'), 'high');
  assert.equal(higherSeverity('urgent', 'high'), 'urgent');
  assert.equal(higherSeverity('review', 'review'), 'review');
});

test('alerts stored before the levels existed: critical → urgent; PHQ-9 item 9 ≥ 2 → urgent; others high', () => {
  assert.equal(legacyAlertSeverity('critical', null), 'urgent');
  assert.equal(legacyAlertSeverity('high', { key: 'alert_scale_safety', params: { scale: 'PHQ-9', item: 'q9', score: 3 } }), 'urgent');
  assert.equal(legacyAlertSeverity('high', { key: 'alert_scale_safety', params: { scale: 'PHQ-9', item: 'q9', score: 1 } }), 'high');
  assert.equal(legacyAlertSeverity('high', { key: 'alert_sae' }), 'high');
});
