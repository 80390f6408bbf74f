import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { validateCoIntervention } from './co-intervention.ts';
import { validateConcomitantMedication } from './concomitant-medication.ts';

function paths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.issues.map((i) => `${i.path} ${i.key}`);
    throw e;
  }
  return assert.fail('expected a DomainError');
}

const med = { id: 'm-1', patientId: 'p-1', genericName: 'セルトラリン塩酸塩', dose: 50, unit: 'mg', frequency: 'once_daily', startDate: '2026-10-01' };

test('a medicine takes a YJ code (normalised), a drug class and a route from the list', () => {
  const m = validateConcomitantMedication({ ...med, yjCode: '１１７９０４１ｆ１０２５', drugClass: 'ssri', route: 'oral' });
  assert.equal(m.yjCode, '1179041F1025');
  assert.equal(m.drugClass, 'ssri');
  assert.equal(m.route, 'oral');
  assert.deepEqual(paths(() => validateConcomitantMedication({ ...med, yjCode: '1179', drugClass: 'pill', route: 'by mouth' })), [
    'route programs.field.not_allowed',
    'drugClass programs.field.not_allowed',
    'yjCode medication.yj_code_invalid',
  ]);
});

test('a co-intervention is its own record: kind, start, stop after start, a description for "other"', () => {
  const c = validateCoIntervention({ id: 'c-1', patientId: 'p-1', kind: 'cbt', provider: '当院', sessionsPerMonth: 4, startDate: '2026-10-01' });
  assert.equal(c.kind, 'cbt');
  assert.deepEqual(paths(() => validateCoIntervention({ id: 'c-2', patientId: 'p-1', kind: 'other', startDate: '2026-10-01', stopDate: '2026-09-01', sessionsPerMonth: -1 })), [
    'description programs.field.required',
    'sessionsPerMonth programs.field.out_of_range',
    'stopDate medication.stop_before_start',
  ]);
});
