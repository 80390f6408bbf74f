/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOn, isMinor, todayIn } from './age.ts';

test('age counts completed years only', () => {
  assert.equal(ageOn('2010-04-02', '2026-04-01'), 15);
  assert.equal(ageOn('2010-04-02', '2026-04-02'), 16);
  assert.equal(ageOn('1980-12-31', '2026-01-01'), 45);
});

test('a leap-day birthday is reached on 1 March in a common year', () => {
  assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
  assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
});

test('malformed or future birth dates give no age', () => {
  assert.equal(ageOn('2030-01-01', '2026-01-01'), null);
  assert.equal(ageOn('1990/01/01', '2026-01-01'), null);
});

test('minors are under 18 on the day', () => {
  assert.equal(isMinor('2008-06-01', '2026-05-31'), true);
  assert.equal(isMinor('2008-06-01', '2026-06-01'), false);
  assert.equal(isMinor('', '2026-06-01'), false);
});

test('today is the date in Japan, not in the machine zone', () => {
  // 2026-03-31T20:00Z is already 1 April in Tokyo.
  assert.equal(todayIn(new Date('2026-03-31T20:00:00Z')), '2026-04-01');
  assert.equal(todayIn(new Date('2026-03-31T14:59:59Z')), '2026-03-31');
});
