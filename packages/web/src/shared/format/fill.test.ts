/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fill } from './fill.ts';
import { APPOINTMENT_MESSAGES } from '../../patient/appointments/messages.ts';
import { INTAKE_MESSAGES } from '../../patient/intake/intake-i18n.ts';
import { Q_MESSAGES } from '../../patient/questionnaire/questionnaire-i18n.ts';

test('fill puts the values in their placeholders, every one of them', () => {
  assert.equal(fill('{i} / {n} 問', { i: 3, n: 9 }), '3 / 9 問');
  assert.equal(fill('{n}分（{n}）', { n: 30 }), '30分（30）');
  assert.equal(fill('until {deadline}.', { deadline: '12月8日 18:00' }), 'until 12月8日 18:00.');
  assert.equal(fill('0 is a value: {n}', { n: 0 }), '0 is a value: 0');
});

test('a placeholder without a value stays visible', () => {
  assert.equal(fill('空き {n}', {}), '空き {n}');
});

test('the patient pages write their placeholders in the one syntax fill reads', () => {
  const catalogues = { APPOINTMENT_MESSAGES, INTAKE_MESSAGES, Q_MESSAGES };
  for (const [name, byLang] of Object.entries(catalogues)) {
    for (const [lang, messages] of Object.entries(byLang)) {
      for (const [key, text] of Object.entries(messages)) {
        if (typeof text === 'string') assert.ok(!/\{\{|\}\}/.test(text), `${name}.${lang}.${key}: ${text}`);
      }
    }
  }
});
