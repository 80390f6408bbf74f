import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../errors/domain-error.ts';
import { seedBookingPolicy, seedClinicCalendar, seedClinicResources, seedClinicServices } from './seed-clinic.ts';
import {
  assertNoConfigIssues,
  validateBookingPolicy,
  validateClinicCalendar,
  validateResource,
  validateService,
} from './validate-scheduling-config.ts';

test('the seed clinic is valid', () => {
  assert.deepEqual(validateClinicCalendar(seedClinicCalendar), []);
  for (const s of seedClinicServices) assert.deepEqual(validateService(s), [], s.id);
  for (const r of seedClinicResources) assert.deepEqual(validateResource(r), [], r.id);
  assert.deepEqual(validateBookingPolicy(seedBookingPolicy), []);
});

test('calendar mistakes an admin can make, each with its field path', () => {
  const issues = validateClinicCalendar({
    ...seedClinicCalendar,
    zone: 'Asia/Tokio',
    weeklyHours: {
      mon: [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '15:00' },
      ],
      wed: [{ start: '18:00', end: '15:00' }],
      fri: [{ start: '9:00', end: '13:00' }],
    },
    closures: [
      { kind: 'dates', from: '2027-08-16', to: '2027-08-12', reason: '夏季休診' },
      { kind: 'annual', from: '12-29', to: '01-03', reason: '年末年始' },
      { kind: 'annual', from: '02-30', to: '03-01', reason: 'x' },
    ],
    overrides: [
      { kind: 'open', date: '2026-12-01', sessions: [] },
      { kind: 'close', date: '2026-13-01', start: '11:00', end: '10:00' },
    ],
  });
  assert.deepEqual(issues, [
    { path: 'zone', key: 'time_zone_invalid' },
    { path: 'weeklyHours.mon[1]', key: 'sessions_overlap' },
    { path: 'weeklyHours.wed[0].end', key: 'session_end_not_after_start' },
    { path: 'weeklyHours.fri[0].start', key: 'time_invalid' },
    { path: 'closures[0].to', key: 'range_end_before_start' },
    { path: 'closures[2].from', key: 'month_day_invalid' },
    { path: 'overrides[0].sessions', key: 'sessions_required' },
    { path: 'overrides[1].date', key: 'date_invalid' },
    { path: 'overrides[1].end', key: 'session_end_not_after_start' },
  ]);
});

test('service, resource and policy mistakes; the assertion carries them all', () => {
  const saishin = seedClinicServices[1];
  assert.deepEqual(validateService({ ...saishin, durationMinutes: 0, requires: [{ role: 'doctor' }, { role: 'doctor', count: 0 }] }), [
    { path: 'durationMinutes', key: 'duration_invalid' },
    { path: 'requires[1].count', key: 'count_invalid' },
    { path: 'requires[1].role', key: 'role_repeated' },
  ]);
  assert.deepEqual(validateResource({ id: 'chair-3', name: 'チェア3', roles: ['infusion_chair'], capacity: 0, absences: [{ from: '2026-12-10', to: '2026-12-01' }] }), [
    { path: 'capacity', key: 'capacity_invalid' },
    { path: 'absences[0].to', key: 'range_end_before_start' },
  ]);
  assert.deepEqual(validateBookingPolicy({ ...seedBookingPolicy, holdMinutes: 0, changeCutoff: { kind: 'day_before_at', time: '25:00' } }), [
    { path: 'holdMinutes', key: 'minutes_invalid' },
    { path: 'changeCutoff.time', key: 'time_invalid' },
  ]);
  assert.throws(
    () => assertNoConfigIssues(validateService({ ...saishin, durationMinutes: -5 })),
    (e) => isDomainError(e) && e.code === 'validation' && e.key === 'scheduling_config_invalid' && e.issues[0]?.path === 'durationMinutes',
  );
  assert.doesNotThrow(() => assertNoConfigIssues([]));
});

test('the first visit (sends the WEB問診) stays staff only, and every service needs someone or something', () => {
  const shoshin = seedClinicServices.find((s) => s.id === 'shoshin')!;
  assert.deepEqual(validateService({ ...shoshin, channel: 'patient_online' }), [{ path: 'channel', key: 'first_visit_staff_only' }]);
  assert.deepEqual(validateService({ ...shoshin, requires: [] }), [{ path: 'requires', key: 'requires_required' }]);
  const { sendsIntake: _s, ...other } = shoshin;
  assert.deepEqual(validateService({ ...other, channel: 'patient_online' }), []);
});
