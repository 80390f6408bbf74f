import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseChannels, classifyLineFailure, findLinkCode, lineAutoReply, lineBackoffMs, lineNoticeText, LINK_CODE_MAX_FAILURES, linkCodeAttemptAllowed, linkCodeFrom, undeliverableShown } from './index.ts';

test('chooseChannels: LINE only while linked and on; mail when LINE cannot carry it or the patient wants both', () => {
  const base = { linkActive: true, channelEnabled: true, hasEmail: true } as const;
  assert.deepEqual(chooseChannels({ ...base, preference: 'line' }), { mail: false, line: true });
  assert.deepEqual(chooseChannels({ ...base, preference: 'both' }), { mail: true, line: true });
  assert.deepEqual(chooseChannels({ ...base, preference: 'mail' }), { mail: true, line: false });
  assert.deepEqual(chooseChannels({ ...base, preference: 'line', linkActive: false }), { mail: true, line: false }, 'unfollowed → mail');
  assert.deepEqual(chooseChannels({ ...base, preference: 'line', channelEnabled: false }), { mail: true, line: false });
  assert.deepEqual(chooseChannels({ ...base, preference: null }), { mail: true, line: false });
  assert.deepEqual(chooseChannels({ ...base, preference: 'line', linkActive: false, hasEmail: false }), { mail: false, line: false });
  assert.deepEqual(chooseChannels({ ...base, preference: 'mail', hasEmail: false }), { mail: false, line: true }, 'mail chosen but no address: LINE is the one way');
});

test('classifyLineFailure: 5xx and no answer retry, 409 is sent, 429 rate vs quota, other 4xx permanent', () => {
  assert.equal(classifyLineFailure({ status: null }), 'retry');
  assert.equal(classifyLineFailure({ status: 500 }), 'retry');
  assert.equal(classifyLineFailure({ status: 409 }), 'already_sent');
  assert.equal(classifyLineFailure({ status: 429, message: 'The API rate limit has been exceeded. Try again later.' }), 'rate_limited');
  assert.equal(classifyLineFailure({ status: 429, message: 'You have reached your monthly limit.' }), 'quota');
  assert.equal(classifyLineFailure({ status: 400, message: 'The request body has 1 error(s)' }), 'permanent');
  assert.equal(classifyLineFailure({ status: 401 }), 'permanent');
});

test('lineBackoffMs grows and honours Retry-After', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 9].map((attempts) => lineBackoffMs({ attempts })), [30_000, 120_000, 600_000, 1_800_000, 7_200_000, 7_200_000]);
  assert.equal(lineBackoffMs({ attempts: 1, retryAfterSeconds: 600 }), 600_000);
  assert.equal(lineBackoffMs({ attempts: 3, retryAfterSeconds: 1 }), 600_000);
});

test('link codes: made from random bytes, found however the patient types them', () => {
  const code = linkCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]));
  assert.equal(code, 'MM-0123-4567');
  assert.equal(findLinkCode('MM-0123-4567'), code);
  assert.equal(findLinkCode('ｍｍ－０１２３－４５６７ です'), code);
  assert.equal(findLinkCode('コード mm01234567'), code);
  assert.equal(findLinkCode('mm-o123-4567'), code, 'O read as 0');
  assert.equal(findLinkCode('こんにちは'), null);
  assert.equal(findLinkCode('090-1234-5678'), null, 'a phone number is not a code');
  assert.throws(() => linkCodeFrom(new Uint8Array(4)));
});

test('lineNoticeText is discreet: clinic, lead, time and link only', () => {
  const t = lineNoticeText({ kind: 'questionnaire_invite', clinicName: '見守りクリニック', url: 'https://x.test/p/l/abc', until: '12月9日' });
  assert.match(t, /見守りクリニック/);
  assert.match(t, /https:\/\/x\.test\/p\/l\/abc/);
  assert.doesNotMatch(t, /PHQ|GAD|うつ|不安|診断/);
});

test('lineAutoReply says the account is not watched and gives the clinic phone and crisis lines', () => {
  const r = lineAutoReply({ clinicName: 'A', clinicPhone: '03-1111-2222', crisis: [{ name: 'いのちの電話', phone: '0570-783-556' }, { name: 'web only', phone: null }] });
  assert.match(r, /確認していません/);
  assert.match(r, /03-1111-2222/);
  assert.match(r, /いのちの電話 0570-783-556/);
  assert.doesNotMatch(r, /web only/);
});

test('linkCodeAttemptAllowed: five wrong codes within the hour lock a LINE user out; the lock lifts as they age', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  const at = (min: number) => new Date(now - min * 60_000).toISOString();
  assert.equal(LINK_CODE_MAX_FAILURES, 5);
  assert.equal(linkCodeAttemptAllowed({ failures: [], now }), true);
  assert.equal(linkCodeAttemptAllowed({ failures: [at(1), at(2), at(3), at(4)], now }), true);
  assert.equal(linkCodeAttemptAllowed({ failures: [at(1), at(2), at(3), at(4), at(59)], now }), false);
  assert.equal(linkCodeAttemptAllowed({ failures: [at(1), at(2), at(3), at(4), at(60)], now }), true, 'an hour-old failure no longer counts');
});

test('undeliverableShown: links and call-backs the patient must act on, not booking messages', () => {
  assert.deepEqual(['intake_link', 'questionnaire_invite', 'questionnaire_reminder', 'questionnaire_resend', 'recruitment_callback'].map(undeliverableShown), [true, true, true, true, true]);
  assert.deepEqual(['appointment_confirmation', 'appointment_reminder', 'test'].map(undeliverableShown), [false, false, false]);
});
