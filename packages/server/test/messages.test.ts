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
    'Session 3 (Thu 10 Dec 11:00) could not be booked, so nothing was booked. Reason: This slot cannot be booked.',
  );
  assert.equal(m.translate('programs.booking_failed', 'ja', params), '第3回（12月10日（木） 11:00）を予約できませんでした。何も予約されていません。理由: この枠は予約できません。');
  // A value that names no message is left as it is.
  assert.equal(m.translate('programs.booking_failed', 'en', { ...params, reasonKey: 'no.such.key' }).endsWith('Reason: {reason}'), true);
});

test('dates in messages read as people write them, never ISO; resource kinds are words', async () => {
  const { SCHEDULING_MESSAGES } = await import('@mimamori/core/scheduling/index');
  const m = createMessages();
  m.register(SCHEDULING_MESSAGES);
  assert.equal(m.translate('booking.closed_day', 'ja', { date: '2026-12-13' }), '12月13日（日）は休診日です。別の日を選んでください。');
  assert.equal(m.translate('booking.closed_day', 'en', { date: '2026-12-13' }), 'The clinic is closed on Sun 13 Dec. Choose another day.');
  assert.match(m.translate('booking.beyond_horizon', 'ja', { lastDate: '2027-01-29', horizonDays: 60 }), /^予約できるのは1月29日（金）まで/);
  assert.match(m.translate('booking.cutoff_passed', 'en', { deadline: '2026-12-01 18:00', phone: '03' }), /\(Tue 1 Dec 18:00\)/);
  assert.equal(m.translate('booking.over_capacity', 'ja', { role: 'doctor', roleKey: 'role.doctor' }), 'この時間は医師の空きがありません。別の時刻を選んでください。');
  assert.equal(m.translate('booking.resource_unavailable', 'en', { role: 'tms_device', roleKey: 'role.tms_device' }), 'No TMS device is working at this time. Choose another time.');
  // A clinic's own kind without a word shows as the admin entered it.
  assert.equal(m.translate('booking.over_capacity', 'ja', { role: '検査室', roleKey: 'role.検査室' }), 'この時間は検査室の空きがありません。別の時刻を選んでください。');
});
