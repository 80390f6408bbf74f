import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENROLMENT_STATUSES, startScreening, transition } from './enrolment.ts';
import { EXOSOME_PROGRAM } from './example-programs.ts';
import { PROGRAM_MESSAGES, formatMessage } from './messages.ts';
import { isDomainError } from '../errors/domain-error.ts';
import { enrolmentStatusKey } from './state-labels.ts';

test('every enrolment state has a label in both languages, and no label is the internal name', () => {
  for (const s of ENROLMENT_STATUSES) {
    const label = PROGRAM_MESSAGES[enrolmentStatusKey(s)];
    assert.ok(label?.ja && label.en, s);
    assert.notEqual(label.ja, s);
  }
});

test('a refused change of state names the states in words (「スクリーニング中」から「実施中」), never as ids', () => {
  const e = startScreening({ id: 'enr-1', patientId: 'p-1', program: EXOSOME_PROGRAM, at: '2026-04-01T09:00:00+09:00', by: 'dr-sato' });
  let caught: unknown;
  try {
    transition(e, { to: 'active', at: '2026-04-01T10:00:00+09:00', by: 'dr-sato' });
  } catch (err) {
    caught = err;
  }
  assert.ok(isDomainError(caught) && caught.key === 'enrolment.transition_not_allowed', String(caught));
  const params = { ...caught.params, ...caught.issues[0]?.params };
  assert.equal(formatMessage(caught.key!, params, 'ja'), '「スクリーニング中」から「実施中」には変更できません。');
  assert.equal(formatMessage(caught.key!, params, 'en'), 'Cannot move from "screening" to "active".');
  assert.doesNotMatch(formatMessage('enrolment.dosing_not_allowed', { status: 'lost_to_follow_up', statusKey: enrolmentStatusKey('lost_to_follow_up') }, 'ja'), /lost_to_follow_up/);
});
