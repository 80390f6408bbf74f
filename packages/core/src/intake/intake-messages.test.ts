import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intakeMessage } from './intake-messages.ts';

test('messages fill their placeholders in both languages', () => {
  assert.deepEqual(intakeMessage('number_min', { min: 3 }), { ja: '3以上で入力してください。', en: 'Please enter 3 or more.' });
  assert.equal(intakeMessage('kana_only').ja, 'ひらがな または カタカナで入力してください。');
  // A missing parameter stays visible rather than printing "undefined".
  assert.equal(intakeMessage('rows_too_few').en, 'Please add at least {min}.');
});
