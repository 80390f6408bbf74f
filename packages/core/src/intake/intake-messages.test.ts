import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { INTAKE_MESSAGES, intakeCatalogueMessage, intakeMessage } from './intake-messages.ts';

test('messages fill their placeholders in both languages', () => {
  assert.deepEqual(intakeMessage('number_min', { min: 3 }), { ja: '3以上で入力してください。', en: 'Please enter 3 or more.' });
  assert.equal(intakeMessage('kana_only').ja, 'ひらがな または カタカナで入力してください。');
  // A missing parameter stays visible rather than printing "undefined".
  assert.equal(intakeMessage('rows_too_few').en, 'Please add at least {min}.');
});

test('every problem key of the form check has Japanese and English text in the intake catalogue', () => {
  const src = readFileSync(new URL('./validate-intake-definition.ts', import.meta.url), 'utf8');
  const used = new Set([...src.matchAll(/'(intake_definition\.[a-z_]+\.[a-z0-9_]+)'/g)].map((m) => m[1]!));
  assert.ok(used.size > 40, `found only ${used.size} keys`);
  assert.deepEqual([...used].filter((k) => !INTAKE_MESSAGES[k]?.ja || !INTAKE_MESSAGES[k]?.en), []);
  assert.equal(intakeCatalogueMessage('intake.too_long', { max: 1000, length: 1200 }, 'en'), 'Please use at most 1000 characters (now 1200).');
  assert.equal(intakeCatalogueMessage('intake_definition.version_not_newer.greater', { version: 3 }, 'ja'), '版は3より大きくしてください。');
});
