import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildStatement } from '@mimamori/core/billing/index';
import { statementHtml, yen } from './statement-html.ts';

const model = buildStatement({
  kind: 'receipt', number: '2026-000007', issueDate: '2026-12-07', recipientName: '見本 <花子>', patientNumber: '000123', rounding: 'floor', replaces: null,
  issuer: { name: 'みまもりクリニック', address: '東京都千代田区1-1', phone: '03-0000-0000', registrationNumber: 'T7000012050002' },
  lines: [
    { date: '2026-12-07', code: 'EXO-INF', name: { ja: 'エクソソーム点滴', en: 'Exosome infusion' }, quantity: 1, unitPriceYen: 330_000, amountYen: 330_000, taxCategory: 'taxable_10' },
    { date: '2026-12-07', code: 'DOC', name: { ja: '診断書', en: 'Medical certificate' }, quantity: 1, unitPriceYen: 5_500, amountYen: 5_500, taxCategory: 'taxable_10' },
  ],
  payment: { method: 'card', amountYen: 335_500, at: '2026-12-07T02:00:00.000Z' },
});

test('the statement shows the invoice fields, the tax per rate and escapes what it prints', () => {
  const h = statementHtml(model, { lang: 'ja', state: { reissuedOn: null, voided: null } });
  for (const s of ['領収書 兼 明細書', '2026-000007', '登録番号: T7000012050002', '見本 &#60;花子&#62; 様', '10%対象 ¥335,500（内消費税 ¥30,500）', 'クレジットカード', '¥5,500']) assert.ok(h.includes(s), s);
  assert.ok(!h.includes('再発行'));
  const again = statementHtml(model, { lang: 'en', state: { reissuedOn: '2026-12-20', voided: null } });
  assert.ok(again.includes('REISSUED') && again.includes('10% taxable ¥335,500 (consumption tax ¥30,500)'));
  assert.ok(statementHtml(model, { lang: 'ja', state: { reissuedOn: '2026-12-20', voided: null } }).includes('再発行（再発行日 2026-12-20）'));
  assert.ok(statementHtml(model, { lang: 'ja', state: { reissuedOn: null, voided: { reason: '宛名の誤り' } } }).includes('無効（訂正済み）'));
});

test('yen groups thousands and keeps a refund’s sign', () => {
  assert.equal(yen(1_234_567), '1,234,567');
  assert.equal(yen(-187_000), '-187,000');
  assert.equal(yen(0), '0');
});
