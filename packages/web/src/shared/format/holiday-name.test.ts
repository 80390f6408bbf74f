import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holidayName, parenthesized } from './holiday-name.ts';

test('English pages name holidays in English, with ASCII brackets', () => {
  const day = { holidayName: '成人の日', holidayNameEn: 'Coming of Age Day' };
  assert.equal(holidayName(day, 'en'), 'Coming of Age Day');
  assert.equal(holidayName(day, 'ja'), '成人の日');
  assert.equal(holidayName({}, 'en'), undefined);
  assert.equal(parenthesized('Coming of Age Day', 'en'), ' (Coming of Age Day)');
  assert.equal(parenthesized('成人の日', 'ja'), '（成人の日）');
});
