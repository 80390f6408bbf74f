import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROGRAM_MESSAGES } from '@mimamori/core/programs/index';
import { createMessages } from '../src/i18n/messages.ts';

test('a feature catalogue is filled in the language asked for; an empty unit leaves no double space', () => {
  const m = createMessages();
  m.register(PROGRAM_MESSAGES);
  const params = { min: 1, max: 10, unit: '', value: 11 };
  assert.equal(m.translate('programs.field.out_of_range', 'en', params), 'Enter a value between 1 and 10 (entered: 11).');
  assert.equal(m.translate('programs.field.out_of_range', 'ja', params), '1〜10の範囲で入力してください（入力値: 11）。');
  assert.equal(m.translate('programs.field.out_of_range', 'en', { ...params, unit: '℃' }), 'Enter a value between 1 and 10 ℃ (entered: 11).');
});

test('a param named <name>Key puts that message, with the same params, into {name}', () => {
  const m = createMessages();
  m.register(PROGRAM_MESSAGES);
  const params = { session: 3, date: '2026-12-10', time: '11:00', reasonKey: 'slot_unavailable' };
  assert.equal(
    m.translate('programs.booking_failed', 'en', params),
    'Session 3 (2026-12-10 11:00) could not be booked, so nothing was booked. Reason: This slot cannot be booked.',
  );
  assert.equal(m.translate('programs.booking_failed', 'ja', params), '第3回（2026-12-10 11:00）を予約できませんでした。何も予約されていません。理由: この枠は予約できません。');
  // A value that names no message is left as it is.
  assert.equal(m.translate('programs.booking_failed', 'en', { ...params, reasonKey: 'no.such.key' }).endsWith('Reason: {reason}'), true);
});
