/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_PATIENT, changedFields, toPatientInput, valuesFromApplication } from './patient-form-values.ts';

test('the request leaves out empty optional fields and trims names', () => {
  const input = toPatientInput({
    ...EMPTY_PATIENT,
    nameKanji: ' 山田 花子 ',
    nameKana: 'ヤマダ ハナコ',
    birthDate: '2012-05-05',
    sex: 'female',
    phone: ' ',
    guardians: [
      { name: '山田 太郎', nameKana: '', relation: '父', phone: '090-1111-2222', email: '' },
      { name: '', nameKana: '', relation: '', phone: '', email: '' },
    ],
  });
  assert.deepEqual(input, {
    nameKanji: '山田 花子',
    nameKana: 'ヤマダ ハナコ',
    birthDate: '2012-05-05',
    sex: 'female',
    guardians: [{ name: '山田 太郎', relation: '父', phone: '090-1111-2222' }],
  });
});

test('an edit sends only what changed, and a cleared field as null', () => {
  const before = {
    ...EMPTY_PATIENT,
    nameKanji: '佐藤 一郎',
    nameKana: 'サトウ イチロウ',
    birthDate: '1980-01-01',
    sex: 'male' as const,
    phone: '03-1234-5678',
    notes: 'メモ',
  };
  const after = { ...before, phone: '', nameKana: 'サトウ イチロー' };
  assert.deepEqual(changedFields(before, after), { nameKana: 'サトウ イチロー', phone: null });
  assert.deepEqual(changedFields(before, before), {});
});

test('an application fills the new patient form: name (as kana too when written in kana), phone, email, guardian; no birth date', () => {
  assert.deepEqual(valuesFromApplication({ name: ' 見本 蓮 ', phone: '090-3333-0001', email: null, guardian: { name: '見本 真理', phone: '090-2222-0009' } }), {
    ...EMPTY_PATIENT,
    nameKanji: '見本 蓮',
    phone: '090-3333-0001',
    guardians: [{ name: '見本 真理', nameKana: '', relation: '', phone: '090-2222-0009', email: '' }],
  });
  const kana = valuesFromApplication({ name: 'みほん　れん', phone: '090-1', email: 'ren@example.jp', guardian: null });
  assert.deepEqual([kana.nameKanji, kana.nameKana, kana.email, kana.birthDate, kana.guardians], ['みほん　れん', 'ミホン レン', 'ren@example.jp', '', []]);
});
