import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appointmentIcs, escapeIcsText, foldIcsLine } from './appointment-ics.ts';

const base = {
  uid: 'bk_123',
  clinicName: 'みまもりクリニック',
  start: '2026-12-02T09:00:00+09:00',
  end: '2026-12-02T09:15:00+09:00',
  now: '2026-11-30T10:00:00+09:00',
  location: '東京都港区芝公園4-2-8 みまもりビル3階, 受付; エレベーターで3階へお越しください（車椅子可）',
  description: '変更・キャンセルは前日18時までマイページから。\nそれ以降はお電話で 03-0000-0000',
} as const;

const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const field = (ics: string, name: string) =>
  unfold(ics)
    .split('\r\n')
    .filter((l) => l.startsWith(`${name}:`))
    .map((l) => l.slice(name.length + 1));

test('times are in UTC, with UID and DTSTAMP from the passed-in now', () => {
  const ics = appointmentIcs(base);
  assert.deepEqual(field(ics, 'DTSTART'), ['20261202T000000Z']);
  assert.deepEqual(field(ics, 'DTEND'), ['20261202T001500Z']);
  assert.deepEqual(field(ics, 'DTSTAMP'), ['20261130T010000Z']);
  assert.deepEqual(field(ics, 'UID'), ['bk_123@mimamori.invalid']);
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
  assert.ok(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n'));
  // Every line ends in CRLF; no bare LF.
  assert.equal(ics.replace(/\r\n/g, '').includes('\n'), false);
  // A Tokyo-evening appointment lands on the previous UTC day.
  const evening = appointmentIcs({ ...base, start: '2026-12-02T07:30:00+09:00', end: '2026-12-02T08:00:00+09:00' });
  assert.deepEqual(field(evening, 'DTSTART'), ['20261201T223000Z']);
});

test('the summary is discreet by default: no service or clinical term', () => {
  const ics = appointmentIcs(base);
  assert.deepEqual(field(ics, 'SUMMARY'), ['ご予約（みまもりクリニック）']);
  assert.deepEqual(field(appointmentIcs({ ...base, language: 'en' }), 'SUMMARY'), ['Appointment (みまもりクリニック)']);
  for (const term of ['再診', 'TMS', '点滴', 'カウンセリング', '精神']) assert.ok(!ics.includes(term), term);
  assert.deepEqual(field(appointmentIcs({ ...base, summary: '予定' }), 'SUMMARY'), ['予定']);
});

test('a display alarm an hour before, or as asked, or none; cancelled entries carry no alarm', () => {
  const ics = appointmentIcs(base);
  assert.match(ics, /BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:.+\r\nTRIGGER:-PT60M\r\nEND:VALARM\r\n/);
  assert.deepEqual(field(appointmentIcs({ ...base, alarmMinutesBefore: 1440 }), 'TRIGGER'), ['-PT1440M']);
  assert.equal(appointmentIcs({ ...base, alarmMinutesBefore: null }).includes('VALARM'), false);
  const cancelled = appointmentIcs({ ...base, status: 'cancelled', sequence: 2 });
  assert.deepEqual([field(cancelled, 'STATUS'), field(cancelled, 'SEQUENCE')], [['CANCELLED'], ['2']]);
  assert.equal(cancelled.includes('VALARM'), false);
});

test('long lines are folded at 75 octets without splitting a character, and escaping survives', () => {
  const ics = appointmentIcs(base);
  const enc = new TextEncoder();
  for (const line of ics.split('\r\n')) assert.ok(enc.encode(line).length <= 75, line);
  // The location really was long enough to need folding, and unfolds to the escaped original.
  assert.ok(ics.includes('\r\n '));
  assert.deepEqual(field(ics, 'LOCATION'), [escapeIcsText(base.location)]);
  assert.deepEqual(field(ics, 'DESCRIPTION')[0], ['変更・キャンセルは前日18時までマイページから。\\nそれ以降はお電話で 03-0000-0000'][0]);
  assert.ok(!new TextDecoder('utf-8', { fatal: true }).decode(enc.encode(ics)).includes('\uFFFD'));
});

test('folding and escaping rules', () => {
  assert.equal(escapeIcsText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
  const ascii = 'X'.repeat(160);
  const folded = foldIcsLine(ascii).split('\r\n');
  // 75 + (1 + 74) + (1 + 11)
  assert.deepEqual(folded.map((l) => l.length), [75, 75, 12]);
  assert.ok(folded.slice(1).every((l) => l.startsWith(' ')));
  // 3-octet characters: 25 fit on the first line (75 octets), 24 on each continuation (1 + 72).
  const kana = foldIcsLine('あ'.repeat(60)).split('\r\n');
  assert.deepEqual(kana.map((l) => l.replace(/^ /, '').length), [25, 24, 11]);
  // A 4-octet character (emoji) is never split.
  const emoji = foldIcsLine('S:' + '😀'.repeat(40)).split('\r\n');
  assert.ok(emoji.every((l) => new TextEncoder().encode(l).length <= 75));
  assert.equal(emoji.map((l, i) => (i ? l.slice(1) : l)).join(''), 'S:' + '😀'.repeat(40));
});
