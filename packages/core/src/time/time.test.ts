import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../errors/domain-error.ts';
import {
  addDays,
  datesBetween,
  daysBetween,
  formatInstant,
  instantToZoned,
  isLocalDate,
  isLocalTime,
  isTimeZone,
  minutesToTime,
  parseInstant,
  startOfWeek,
  timeToMinutes,
  weekdayOf,
  zoneOffsetMinutes,
  zonedToInstant,
} from './index.ts';

test('local dates: validity, arithmetic across month, year and leap day', () => {
  assert.ok(isLocalDate('2028-02-29'));
  assert.ok(!isLocalDate('2026-02-29'));
  assert.ok(!isLocalDate('2026-2-01'));
  assert.ok(!isLocalDate('2026-12-01T00:00'));
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  assert.equal(daysBetween('2026-12-29', '2027-01-03'), 5);
  assert.deepEqual(datesBetween('2026-12-30', '2027-01-01'), ['2026-12-30', '2026-12-31', '2027-01-01']);
  assert.deepEqual(datesBetween('2027-01-02', '2027-01-01'), []);
  assert.throws(() => addDays('2026-13-01', 1), (e) => isDomainError(e) && e.key === 'date_invalid');
});

test('weekdays do not depend on the machine zone', () => {
  assert.equal(weekdayOf('2026-11-30'), 'mon');
  assert.equal(weekdayOf('2026-12-01'), 'tue');
  assert.equal(weekdayOf('2026-12-06'), 'sun');
  assert.equal(weekdayOf('2027-01-01'), 'fri');
  assert.equal(startOfWeek('2026-12-06'), '2026-11-30');
  assert.equal(startOfWeek('2026-11-30'), '2026-11-30');
});

test('times HH:MM', () => {
  assert.equal(timeToMinutes('15:00'), 900);
  assert.equal(timeToMinutes('24:00'), 1440);
  assert.equal(minutesToTime(570), '09:30');
  assert.ok(!isLocalTime('24:30'));
  assert.ok(!isLocalTime('9:00'));
  assert.throws(() => timeToMinutes('25:00'), (e) => isDomainError(e) && e.key === 'time_invalid');
});

test('Tokyo wall clock to UTC and back, whatever TZ the process runs in', () => {
  const ms = zonedToInstant({ date: '2026-12-01', time: '09:00', zone: 'Asia/Tokyo' });
  assert.equal(new Date(ms).toISOString(), '2026-12-01T00:00:00.000Z');
  assert.equal(formatInstant(ms, 'Asia/Tokyo'), '2026-12-01T09:00:00+09:00');
  // 00:30 in Tokyo is the previous day in UTC.
  const late = zonedToInstant({ date: '2026-12-02', time: '00:30', zone: 'Asia/Tokyo' });
  assert.equal(new Date(late).toISOString(), '2026-12-01T15:30:00.000Z');
  assert.deepEqual(instantToZoned(late, 'Asia/Tokyo'), { date: '2026-12-02', time: '00:30', minuteOfDay: 30, offsetMinutes: 540 });
  assert.deepEqual(instantToZoned(Date.UTC(1969, 11, 31, 20, 0), 'Asia/Tokyo'), { date: '1970-01-01', time: '05:00', minuteOfDay: 300, offsetMinutes: 540 });
  assert.equal(instantToZoned(Date.parse('2026-12-31T23:59:30Z'), 'UTC').time, '23:59');
  assert.equal(zonedToInstant({ date: '2026-12-01', time: '24:00', zone: 'Asia/Tokyo' }), zonedToInstant({ date: '2026-12-02', time: '00:00', zone: 'Asia/Tokyo' }));
});

test('daylight saving in a clinic zone that has it (spring forward, fall back)', () => {
  const zone = 'America/Los_Angeles';
  assert.equal(zoneOffsetMinutes(Date.UTC(2026, 0, 15), zone), -480);
  assert.equal(zoneOffsetMinutes(Date.UTC(2026, 6, 15), zone), -420);
  // 2026-03-08 02:30 does not exist: it moves forward to 03:30 PDT.
  assert.equal(formatInstant(zonedToInstant({ date: '2026-03-08', time: '02:30', zone }), zone), '2026-03-08T03:30:00-07:00');
  // 2026-11-01 01:30 happens twice: the earlier (PDT) one is taken.
  assert.equal(formatInstant(zonedToInstant({ date: '2026-11-01', time: '01:30', zone }), zone), '2026-11-01T01:30:00-07:00');
  assert.equal(formatInstant(zonedToInstant({ date: '2026-11-01', time: '03:00', zone }), zone), '2026-11-01T03:00:00-08:00');
  // The hour after the transition, read back minute by minute.
  const t0 = Date.parse('2026-03-08T09:55:00Z'); // 01:55 PST
  assert.equal(instantToZoned(t0, zone).time, '01:55');
  assert.equal(instantToZoned(t0 + 5 * 60_000, zone).time, '03:00');
});

test('instants must carry an offset', () => {
  assert.equal(parseInstant('2026-12-01T09:00:00+09:00'), Date.parse('2026-12-01T00:00:00Z'));
  assert.equal(parseInstant('2026-12-01T00:00Z'), Date.parse('2026-12-01T00:00:00Z'));
  assert.equal(parseInstant('2026-12-01T00:00:00.250-08:00'), Date.parse('2026-12-01T08:00:00.250Z'));
  for (const bad of ['2026-12-01T09:00', '2026-12-01', '2026-02-30T09:00Z', '2026-12-01T25:00Z', 'yesterday', 42]) {
    assert.throws(() => parseInstant(bad), (e) => isDomainError(e) && e.key === 'instant_invalid', String(bad));
  }
});

test('unknown zones are rejected', () => {
  assert.ok(isTimeZone('Asia/Tokyo'));
  assert.ok(!isTimeZone('Asia/Tokio'));
  assert.ok(!isTimeZone(''));
  assert.throws(() => zonedToInstant({ date: '2026-12-01', time: '09:00', zone: 'Asia/Tokio' }), (e) => isDomainError(e) && e.key === 'time_zone_invalid');
});
