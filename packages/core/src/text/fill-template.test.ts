import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillTemplate } from './fill-template.ts';

test('placeholders are filled from params; a missing param stays visible', () => {
  assert.equal(fillTemplate('{date} {time} is not valid.', { date: '2026-04-01', time: '25:00' }), '2026-04-01 25:00 is not valid.');
  assert.equal(fillTemplate('Use at most {max} characters.', {}), 'Use at most {max} characters.');
  assert.equal(fillTemplate('{n}件', { n: 0 }), '0件');
});

test('an empty value between two spaces leaves one space', () => {
  const en = 'Enter a value between {min} and {max} {unit} (entered: {value}).';
  assert.equal(fillTemplate(en, { min: 1, max: 10, unit: '', value: 11 }), 'Enter a value between 1 and 10 (entered: 11).');
  assert.equal(fillTemplate(en, { min: 30, max: 43, unit: '℃', value: 365 }), 'Enter a value between 30 and 43 ℃ (entered: 365).');
  assert.equal(fillTemplate('{min}〜{max}{unit}の範囲', { min: 1, max: 10, unit: '' }), '1〜10の範囲');
});
