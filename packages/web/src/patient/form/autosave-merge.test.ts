/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adoptStored, changedKeys, changesOf, withAnswer } from './autosave-merge.ts';

test('changed answers: new, different and removed ones, not the same ones', () => {
  assert.deepEqual([...changedKeys({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, d: 4 })].sort(), ['b', 'c', 'd']);
  assert.deepEqual(changedKeys({ a: 1 }, { a: 1 }), []);
});

test('a save sends each changed answer, a cleared one as null', () => {
  assert.deepEqual(changesOf(['name', 'age', 'gone'], { name: '山田', age: 0 }), { name: '山田', age: 0, gone: null });
  assert.deepEqual(changesOf([], { name: '山田' }), {});
});

test("the server's stored answers are taken over, except those typed while the save was on its way", () => {
  const stored = { name: '山田 花子', phone: '0312345678', memo: 'old' };
  const onScreen = { name: '山田', phone: '03-1234-5678', note: 'typed meanwhile' };
  // `phone` was normalised by the server and not touched since: the stored form wins.
  // `note` was typed after the save left, `memo` cleared meanwhile: the screen wins for both.
  assert.deepEqual(adoptStored(stored, onScreen, ['note', 'memo']), { name: '山田 花子', phone: '0312345678', note: 'typed meanwhile' });
  assert.deepEqual(adoptStored(stored, onScreen, []), stored);
});

test('setting an answer to null or undefined clears it; the old set is left as it was', () => {
  const before: Record<string, string | number> = { a: 'x', b: 'y' };
  assert.deepEqual(withAnswer(before, 'a', null), { b: 'y' });
  assert.deepEqual(withAnswer(before, 'b', undefined), { a: 'x' });
  assert.deepEqual(withAnswer(before, 'c', 0), { a: 'x', b: 'y', c: 0 });
  assert.deepEqual(before, { a: 'x', b: 'y' });
});
