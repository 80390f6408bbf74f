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

test("a child's own lines come first, each group in the clinic's order", () => {
  const clinic = [{ id: '119', audience: 'all' as const }, { id: 'yorisoi', audience: 'all' as const }, { id: 'inochi', audience: 'adult' as const }, { id: 'childline', audience: 'child' as const }, { id: 'sos', audience: 'child' as const }];
  assert.deepEqual(crisisContactsFor(clinic, 14).map((c) => c.id), ['childline', 'sos', '119', 'yorisoi']);
  assert.deepEqual(crisisContactsFor(clinic, 30).map((c) => c.id), ['119', 'yorisoi', 'inochi']);
});
