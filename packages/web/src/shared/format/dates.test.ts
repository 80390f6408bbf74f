/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime } from './dates.ts';

test('instants show in Japan time whatever the machine zone', () => {
  assert.equal(formatDateTime('2026-03-31T15:00:00Z'), '2026-04-01 00:00:00');
  assert.equal(formatDateTime('not a date'), 'not a date');
});

test('a birth date is the same calendar day in every zone', () => {
  assert.equal(formatDate('1990-01-01', 'ja'), '1990年1月1日');
  assert.equal(formatDate('1990-01-01', 'en'), '1 Jan 1990');
});
