import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../errors/domain-error.ts';
import { checkApplication, looksAutomated, type ApplicationInput } from './check-application.ts';

const adult: ApplicationInput = { name: '見本 一郎', phone: '０９０－１１１１－０００１', email: '', age: '３４', complaint: '気分の落ち込みが続いています', callTimes: '平日の午後', guardianName: '', guardianPhone: '', consent: true };

const pathsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return e.issues.map((i) => `${i.path}:${i.key}`);
  }
  return [];
};

test('an adult’s application is normalised; no diagnosis is asked', () => {
  assert.deepEqual(checkApplication(adult), { name: '見本 一郎', phone: '090-1111-0001', email: null, age: 34, complaint: '気分の落ち込みが続いています', callTimes: '平日の午後', guardian: null });
});

test('every problem is named at once', () => {
  assert.deepEqual(pathsOf(() => checkApplication({ ...adult, name: ' ', phone: '12', email: 'x@', age: '200', complaint: '', consent: false })), [
    'name:application.required', 'phone:application.phone_invalid', 'email:application.email_invalid', 'age:application.age_invalid', 'complaint:application.required', 'consent:application.consent_required',
  ]);
});

test('a minor needs a guardian’s name and phone', () => {
  assert.deepEqual(pathsOf(() => checkApplication({ ...adult, age: '15' })), ['guardianName:application.required', 'guardianPhone:application.required']);
  const ok = checkApplication({ ...adult, age: '15', guardianName: '見本 真理', guardianPhone: '090-2222-0009' });
  assert.deepEqual(ok.guardian, { name: '見本 真理', phone: '090-2222-0009' });
});

test('spam: a filled honeypot, a form sent within 3 seconds or after 2 hours, or no start time', () => {
  assert.equal(looksAutomated({ honeypot: '', startedAt: 0, now: 20_000 }), false);
  assert.equal(looksAutomated({ honeypot: 'x', startedAt: 0, now: 20_000 }), true);
  assert.equal(looksAutomated({ honeypot: '', startedAt: 0, now: 1_000 }), true);
  assert.equal(looksAutomated({ honeypot: '', startedAt: 0, now: 3 * 3600_000 }), true);
  assert.equal(looksAutomated({ honeypot: '', startedAt: null, now: 20_000 }), true);
});
