/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, fieldErrors, fieldKey, toApiError } from './api-error.ts';

test('issue paths from the server become one key form', () => {
  assert.equal(fieldKey('nameKana'), 'nameKana');
  assert.equal(fieldKey('/guardians/0/name'), 'guardians.0.name');
  assert.equal(fieldKey('body.guardians[1].phone'), 'guardians.1.phone');
});

test('field errors are keyed for the form, first message wins', () => {
  const e = toApiError(
    400,
    {
      error: {
        code: 'validation',
        message: '入力を確認してください',
        details: [
          { path: 'birthDate', message: '日付が正しくありません' },
          { path: 'birthDate', message: 'second' },
          { path: 'guardians.0.relation', message: '続柄を入力してください' },
        ],
      },
    },
    null,
    'x',
  );
  assert.ok(e instanceof ApiError);
  assert.equal(e.message, '入力を確認してください');
  assert.deepEqual(fieldErrors(e), { birthDate: '日付が正しくありません', 'guardians.0.relation': '続柄を入力してください' });
});

test('a conflict carries the duplicates and a 429 its wait', () => {
  const dup = {
    id: 'p1',
    patientNumber: '1001',
    nameKanji: '山田 花子',
    nameKana: 'ヤマダ ハナコ',
    birthDate: '1990-01-01',
    sex: 'female',
    phone: null,
    isDemo: true,
  };
  const e = toApiError(409, { error: { code: 'conflict', message: '重複の可能性', duplicates: [dup] } }, null, 'x');
  assert.equal(e.duplicates.length, 1);
  assert.equal(toApiError(429, null, '30', 'Too Many Requests').retryAfterSeconds, 30);
  assert.equal(toApiError(502, '<html>', null, '502 Bad Gateway').message, '502 Bad Gateway');
});

test('only a time someone took is "taken"; the error body’s data stays readable', () => {
  const taken = toApiError(409, { error: { code: 'slot_unavailable', message: 'この時間は医師の空きがありません。', taken: true } }, null, 'x');
  assert.equal(taken.taken, true);
  const holiday = toApiError(409, { error: { code: 'slot_unavailable', message: '1月11日（月）は祝日（成人の日）のため休診です。' } }, null, 'x');
  assert.equal(holiday.taken, false, 'a holiday is not a race');
  const listed = toApiError(412, { error: { code: 'precondition_failed', message: 'm', closedAppointments: [{ id: 'a' }] } }, null, 'x');
  assert.deepEqual(listed.extra.closedAppointments, [{ id: 'a' }]);
  assert.equal(toApiError(0, null, null, 'offline').taken, false);
});
