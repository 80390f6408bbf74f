import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appointmentsClosedBy } from './appointments-closed-by.ts';
import type { ClinicCalendar } from './clinic-calendar.ts';
import { seedClinicCalendar } from './seed-clinic.ts';

const before: ClinicCalendar = { ...seedClinicCalendar, zone: 'Asia/Tokyo' };
const at = (date: string, time: string, minutes: number, id: string) => {
  const startMs = Date.parse(`${date}T${time}:00+09:00`);
  return { id, startMs, endMs: startMs + minutes * 60_000 };
};
// Wednesday 9 December 2026: open 09:00–13:00 and 15:00–18:00 in the seed calendar.
const morning = at('2026-12-09', '10:00', 60, 'morning');
const afternoon = at('2026-12-09', '15:00', 15, 'afternoon');
const nextDay = at('2026-12-10', '09:00', 15, 'next-day');
const outsideAlready = at('2026-12-09', '13:30', 15, 'outside');
const all = [morning, afternoon, nextDay, outsideAlready];

test('a whole-day 臨時休診 lists that day’s appointments only', () => {
  const after = { ...before, overrides: [...before.overrides, { kind: 'close' as const, date: '2026-12-09', reason: '院内研修' }] };
  assert.deepEqual(appointmentsClosedBy({ before, after, appointments: all }).map((a) => a.id), ['morning', 'afternoon']);
});

test('closing part of a day lists the appointments that overlap it', () => {
  const after = { ...before, overrides: [{ kind: 'close' as const, date: '2026-12-09', start: '10:30', end: '13:00' }] };
  assert.deepEqual(appointmentsClosedBy({ before, after, appointments: all }).map((a) => a.id), ['morning']);
});

test('a closure period and shorter weekly hours count; an unchanged calendar lists nothing', () => {
  const period = { ...before, closures: [...before.closures, { kind: 'dates' as const, from: '2026-12-10', to: '2026-12-11', reason: '学会' }] };
  assert.deepEqual(appointmentsClosedBy({ before, after: period, appointments: all }).map((a) => a.id), ['next-day']);
  const shorter = { ...before, weeklyHours: { ...before.weeklyHours, wed: [{ start: '09:00', end: '13:00' }] } };
  assert.deepEqual(appointmentsClosedBy({ before, after: shorter, appointments: all }).map((a) => a.id), ['afternoon']);
  assert.deepEqual(appointmentsClosedBy({ before, after: before, appointments: all }), []);
});
