import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crisisContactsFor } from './crisis-contacts-for.ts';

const list = [{ id: 'child', audience: 'child' as const }, { id: 'adult', audience: 'adult' as const }, { id: 'all', audience: 'all' as const }];

test('a 15-year-old sees the child lines and the general ones; an adult the adult and general ones', () => {
  assert.deepEqual(crisisContactsFor(list, 15).map((c) => c.id), ['child', 'all']);
  assert.deepEqual(crisisContactsFor(list, 17).map((c) => c.id), ['child', 'all']);
  assert.deepEqual(crisisContactsFor(list, 18).map((c) => c.id), ['adult', 'all']);
  assert.deepEqual(crisisContactsFor(list, null).map((c) => c.id), ['child', 'adult', 'all']);
});
