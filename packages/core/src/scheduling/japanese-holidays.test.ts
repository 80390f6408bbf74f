import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDomainError } from '../errors/domain-error.ts';
import { japaneseHoliday, japaneseHolidaysBetween } from './japanese-holidays.ts';

test('the holiday data file is a plain table that runs anywhere (no require, no import)', () => {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('@holiday-jp/holiday_jp/lib/holidays.js'), 'utf8');
  assert.equal(/\brequire\s*\(|\bimport\b|\bprocess\b|\bDate\b/.test(source), false);
});

test('table range, kinds and bad input', () => {
  assert.equal(japaneseHoliday('1970-01-01')?.name, '元日');
  assert.equal(japaneseHolidaysBetween('2050-01-01', '2050-12-31').length > 0, true);
  assert.deepEqual(japaneseHolidaysBetween('2051-01-01', '2051-12-31'), []);
  assert.equal(japaneseHoliday('2026-12-02'), undefined);
  assert.deepEqual(japaneseHoliday('2026-05-06'), { date: '2026-05-06', name: 'こどもの日 振替休日', nameEn: "Children's Day (holiday in lieu)", kind: 'substitute' });
  assert.throws(() => japaneseHoliday('2026-5-6'), (e) => isDomainError(e) && e.key === 'date_invalid');
});

test('every holiday has an English name for English pages; a 振替休日 names the holiday it replaces', () => {
  const all = japaneseHolidaysBetween('2026-01-01', '2027-12-31');
  for (const h of all) assert.match(h.nameEn, /^[\x20-\x7e]+$/, `${h.date} ${h.name}: ${h.nameEn}`);
  assert.equal(japaneseHoliday('2026-11-03')?.nameEn, 'National Culture Day');
  assert.equal(japaneseHoliday('2027-03-22')?.nameEn, 'Vernal Equinox Day (holiday in lieu)');
  assert.ok(all.filter((h) => h.kind === 'substitute').every((h) => h.nameEn.endsWith('(holiday in lieu)')));
});
