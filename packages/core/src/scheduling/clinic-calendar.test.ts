import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { addDays, datesBetween, weekdayOf } from '../time/local-date.ts';
import { clinicDay, clinicDays, nextOpenDay, type ClinicCalendar } from './clinic-calendar.ts';
import { japaneseHoliday, japaneseHolidaysBetween } from './japanese-holidays.ts';
import { seedClinicCalendar } from './seed-clinic.ts';

const FULL = [
  { start: '09:00', end: '13:00' },
  { start: '15:00', end: '18:00' },
];

test('every weekday of the seed clinic (week of 2026-11-30, no holiday)', () => {
  const expected = {
    '2026-11-30': FULL, // Mon
    '2026-12-01': [], // Tue
    '2026-12-02': FULL, // Wed
    '2026-12-03': FULL, // Thu
    '2026-12-04': FULL, // Fri
    '2026-12-05': [{ start: '09:00', end: '14:00' }], // Sat
    '2026-12-06': [], // Sun
  } as const;
  for (const [date, sessions] of Object.entries(expected)) {
    const day = clinicDay(seedClinicCalendar, date);
    assert.deepEqual(day.sessions, sessions, date);
    assert.equal(day.open, sessions.length > 0, date);
    if (!day.open) assert.equal(day.closedReason, 'weekly', date);
  }
});

// 内閣府「国民の祝日について」 (https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html), 2026 and 2027.
const HOLIDAYS_2026_2027: ReadonlyArray<readonly [string, string]> = [
  ['2026-01-01', '元日'],
  ['2026-01-12', '成人の日'],
  ['2026-02-11', '建国記念の日'],
  ['2026-02-23', '天皇誕生日'],
  ['2026-03-20', '春分の日'],
  ['2026-04-29', '昭和の日'],
  ['2026-05-03', '憲法記念日'],
  ['2026-05-04', 'みどりの日'],
  ['2026-05-05', 'こどもの日'],
  ['2026-05-06', '振替休日'],
  ['2026-07-20', '海の日'],
  ['2026-08-11', '山の日'],
  ['2026-09-21', '敬老の日'],
  ['2026-09-22', '国民の休日'],
  ['2026-09-23', '秋分の日'],
  ['2026-10-12', 'スポーツの日'],
  ['2026-11-03', '文化の日'],
  ['2026-11-23', '勤労感謝の日'],
  ['2027-01-01', '元日'],
  ['2027-01-11', '成人の日'],
  ['2027-02-11', '建国記念の日'],
  ['2027-02-23', '天皇誕生日'],
  ['2027-03-21', '春分の日'],
  ['2027-03-22', '振替休日'],
  ['2027-04-29', '昭和の日'],
  ['2027-05-03', '憲法記念日'],
  ['2027-05-04', 'みどりの日'],
  ['2027-05-05', 'こどもの日'],
  ['2027-07-19', '海の日'],
  ['2027-08-11', '山の日'],
  ['2027-09-20', '敬老の日'],
  ['2027-09-23', '秋分の日'],
  ['2027-10-11', 'スポーツの日'],
  ['2027-11-03', '文化の日'],
  ['2027-11-23', '勤労感謝の日'],
];

test('each 2026–2027 national holiday, including 振替休日 and 国民の休日, closes the seed clinic', () => {
  assert.deepEqual(
    japaneseHolidaysBetween('2026-01-01', '2027-12-31').map((h) => h.date),
    HOLIDAYS_2026_2027.map(([d]) => d),
  );
  for (const [date, name] of HOLIDAYS_2026_2027) {
    const h = japaneseHoliday(date);
    assert.ok(h, date);
    if (name === '振替休日') assert.equal(h.kind, 'substitute', date);
    else if (name === '国民の休日') assert.deepEqual([h.kind, h.name], ['citizens', '国民の休日'], date);
    else assert.deepEqual([h.kind, h.name], ['holiday', name], date);
    const day = clinicDay(seedClinicCalendar, date);
    assert.equal(day.open, false, date);
    // Holidays that fall on Tue/Sun are closed anyway; the reason is still the holiday.
    assert.equal(day.closedReason, date.endsWith('01-01') ? 'closure' : 'national_holiday', date);
  }
  // The days around 振替休日 and 国民の休日 are ordinary.
  assert.equal(clinicDay(seedClinicCalendar, '2026-05-07').open, true);
  assert.equal(clinicDay(seedClinicCalendar, '2026-09-24').open, true);
  assert.equal(clinicDay(seedClinicCalendar, '2027-03-24').open, true);
});

test('the bundled holiday table agrees with the rule-based japanese-holidays for 2020–2035', () => {
  const require = createRequire(import.meta.url);
  const ruleBased = require('japanese-holidays') as {
    getHolidaysOf(year: number, furikae?: boolean): ReadonlyArray<{ month: number; date: number; name: string }>;
  };
  for (let year = 2020; year <= 2035; year++) {
    const expected = ruleBased
      .getHolidaysOf(year, true)
      .map((h) => `${year}-${String(h.month).padStart(2, '0')}-${String(h.date).padStart(2, '0')}`);
    const actual = japaneseHolidaysBetween(`${year}-01-01`, `${year}-12-31`).map((h) => h.date);
    assert.deepEqual(actual, expected, String(year));
  }
});

test('the year-end closure (年末年始) runs 12/29–1/3 every year', () => {
  const days = clinicDays(seedClinicCalendar, '2026-12-26', '2027-01-05');
  const open = days.filter((d) => d.open).map((d) => d.date);
  // 12/26 Sat, 12/28 Mon open; 12/29–1/3 closed; 1/4 Mon open; 1/5 Tue closed weekly.
  assert.deepEqual(open, ['2026-12-26', '2026-12-28', '2027-01-04']);
  for (const d of days.filter((x) => x.date >= '2026-12-29' && x.date <= '2027-01-03')) {
    assert.equal(d.closedReason, 'closure', d.date);
    assert.equal(d.closure?.reason, '年末年始');
  }
  assert.equal(nextOpenDay(seedClinicCalendar, '2027-12-29'), '2028-01-05'); // 2028-01-04 is a Tuesday
  assert.equal(clinicDay(seedClinicCalendar, '2027-12-27').open, true); // Monday before the closure
});

const withChanges = (patch: Partial<ClinicCalendar>): ClinicCalendar => ({ ...seedClinicCalendar, ...patch });

test('override days: open a closed Tuesday, open a holiday, close one session, close part of one', () => {
  const cal = withChanges({
    overrides: [
      { kind: 'open', date: '2026-12-01', sessions: [{ start: '10:00', end: '12:00' }], reason: '臨時診療' },
      { kind: 'open', date: '2026-11-03', sessions: [{ start: '09:00', end: '13:00' }] },
      { kind: 'close', date: '2026-12-02', start: '15:00', end: '18:00', reason: '院内研修' },
      { kind: 'close', date: '2026-12-03', start: '10:00', end: '11:00' },
      { kind: 'close', date: '2026-12-04' },
    ],
  });
  const tue = clinicDay(cal, '2026-12-01');
  assert.deepEqual([tue.open, tue.sessions, tue.notes], [true, [{ start: '10:00', end: '12:00' }], ['臨時診療']]);
  const culture = clinicDay(cal, '2026-11-03');
  assert.equal(culture.open, true);
  assert.equal(culture.holiday?.name, '文化の日');
  assert.deepEqual(clinicDay(cal, '2026-12-02').sessions, [{ start: '09:00', end: '13:00' }]);
  assert.deepEqual(clinicDay(cal, '2026-12-03').sessions, [
    { start: '09:00', end: '10:00' },
    { start: '11:00', end: '13:00' },
    { start: '15:00', end: '18:00' },
  ]);
  const fri = clinicDay(cal, '2026-12-04');
  assert.deepEqual([fri.open, fri.closedReason], [false, 'override']);
});

test('one-off and summer closures; an override opens a day inside a closure', () => {
  const cal = withChanges({
    closures: [
      ...seedClinicCalendar.closures,
      { kind: 'dates', from: '2027-08-12', to: '2027-08-16', reason: '夏季休診' },
      { kind: 'dates', from: '2027-06-10', to: '2027-06-10', reason: '院長学会出張' },
    ],
    overrides: [{ kind: 'open', date: '2027-08-14', sessions: [{ start: '09:00', end: '12:00' }] }],
  });
  assert.deepEqual(
    clinicDays(cal, '2027-08-09', '2027-08-18').filter((d) => d.open).map((d) => d.date),
    ['2027-08-09', '2027-08-14', '2027-08-18'], // 8/10 Tue, 8/11 山の日, 8/17 Tue
  );
  assert.equal(clinicDay(cal, '2027-06-10').closure?.reason, '院長学会出張');
});

test('a clinic that stays open on holidays', () => {
  const cal = withChanges({ closedOnNationalHolidays: false });
  assert.equal(clinicDay(cal, '2026-11-23').open, true); // 勤労感謝の日, a Monday
});

test('clinic days do not depend on the process time zone (a full year)', () => {
  // Recomputed weekday by weekday: open exactly on Mon/Wed/Thu/Fri/Sat that are not holidays or 年末年始.
  for (const date of datesBetween('2026-01-01', '2026-12-31')) {
    const wd = weekdayOf(date);
    const md = date.slice(5);
    const expected = wd !== 'tue' && wd !== 'sun' && !japaneseHoliday(date) && !(md >= '12-29' || md <= '01-03');
    assert.equal(clinicDay(seedClinicCalendar, date).open, expected, date);
  }
  assert.equal(addDays('2026-03-31', 1), '2026-04-01');
});
