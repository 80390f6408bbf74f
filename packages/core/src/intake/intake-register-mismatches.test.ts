import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intakeRegisterMismatches } from './intake-register-mismatches.ts';

test('the register says 男性 and the intake 女性: flagged, with both values', () => {
  assert.deepEqual(intakeRegisterMismatches({ sex: 'male', birthDate: '1990-06-15' }, { sex: { choice: 'female' }, birth_date: '1990-06-15' }), [
    { field: 'sex', registered: 'male', answered: 'female' },
  ]);
});

test('a different birth date is flagged too; both at once come in question order', () => {
  assert.deepEqual(
    intakeRegisterMismatches({ sex: 'female', birthDate: '1990-06-15' }, { sex: { choice: 'another' }, birth_date: '1991-06-15' }).map((m) => m.field),
    ['sex', 'birth_date'],
  );
});

test('agreement, no answer, "prefer not to say" and an unknown register value are no mismatch', () => {
  assert.deepEqual(intakeRegisterMismatches({ sex: 'female', birthDate: '1990-06-15' }, { sex: { choice: 'female' }, birth_date: '1990-06-15' }), []);
  assert.deepEqual(intakeRegisterMismatches({ sex: 'other', birthDate: '1990-06-15' }, { sex: { choice: 'another' } }), []);
  assert.deepEqual(intakeRegisterMismatches({ sex: 'male', birthDate: '1990-06-15' }, { sex: { choice: 'no_answer' } }), []);
  assert.deepEqual(intakeRegisterMismatches({ sex: 'unknown', birthDate: '1990-06-15' }, { sex: { choice: 'male' } }), []);
  assert.deepEqual(intakeRegisterMismatches({ sex: 'male', birthDate: '1990-06-15' }, {}), []);
  assert.deepEqual(intakeRegisterMismatches({ sex: 'male', birthDate: '1990-06-15' }, { birth_date: '1990-06' }), [], 'a half-typed date is not compared');
});
