/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from './safe-next.ts';

test('after login only same-app paths are followed', () => {
  assert.equal(safeNext('/patients/abc?x=1'), '/patients/abc?x=1');
  assert.equal(safeNext(null), '/');
  assert.equal(safeNext('https://evil.example/'), '/');
  assert.equal(safeNext('//evil.example/'), '/');
  assert.equal(safeNext('/\\evil.example'), '/');
  assert.equal(safeNext('/\tpatients'), '/');
});
