import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError, isDomainError } from './domain-error.ts';

test('a DomainError carries its code, key and params', () => {
  const e = new DomainError('validation', { key: 'birth_date_invalid', params: { field: 'birthDate' } });
  assert.equal(e.code, 'validation');
  assert.equal(e.key, 'birth_date_invalid');
  assert.deepEqual(e.params, { field: 'birthDate' });
  assert.ok(isDomainError(e));
  assert.ok(!isDomainError(new Error('x')));
});
