import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSlot } from './available-slot.ts';
import type { ExistingBooking } from './booking.ts';
import type { ClinicCalendar } from './clinic-calendar.ts';
import { compactAvailability, expandAvailability } from './compact-availability.ts';
import { findAvailableSlots, type FindAvailableSlotsOptions } from './find-available-slots.ts';
import { calendar, policy, resources, service, services } from './test-fixtures.ts';

// A small seeded generator, so a failure can be reproduced.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DAY = 86_400_000;

function randomBookings(seed: number, fromMs: number, days: number): ExistingBooking[] {
  const r = rng(seed);
  const ids = resources.map((x) => x.id);
  return Array.from({ length: 300 }, (_, i) => {
    const start = fromMs + Math.floor(r() * days * 96) * 15 * 60_000;
    const picked = ids.filter(() => r() < 0.3);
    return {
      id: `r${i}`,
      serviceId: services[Math.floor(r() * services.length)].id,
      start,
      end: start + (1 + Math.floor(r() * 6)) * 10 * 60_000,
      resourceIds: picked.length > 0 ? picked : [ids[0]],
      status: r() < 0.1 ? 'cancelled' : 'confirmed',
    } satisfies ExistingBooking;
  });
}

const zones: ReadonlyArray<[string, ClinicCalendar, string, string]> = [
  ['Asia/Tokyo', calendar, '2026-12-01', '2027-02-28'],
  // A clinic in Los Angeles across the spring-forward and fall-back weekends, with one night session.
  [
    'America/Los_Angeles',
    {
      ...calendar,
      zone: 'America/Los_Angeles',
      closedOnNationalHolidays: false,
      weeklyHours: { ...calendar.weeklyHours, sun: [{ start: '00:30', end: '04:00' }] },
    },
    '2027-03-06',
    '2027-03-16',
  ],
  [
    'America/Los_Angeles (fall)',
    { ...calendar, zone: 'America/Los_Angeles', closedOnNationalHolidays: false, weeklyHours: { ...calendar.weeklyHours, sun: [{ start: '00:30', end: '04:00' }] } },
    '2026-10-30',
    '2026-11-03',
  ],
];

for (const [name, cal, from, to] of zones) {
  for (const [serviceId, seed] of [['saishin', 1], ['exosome-infusion', 2], ['tms', 3], ['blood-draw', 4]] as const) {
    test(`${name}, ${serviceId}: every slot reads the same wall clock as a per-slot zone lookup, and the compact form expands to the same slots`, () => {
      const options: FindAvailableSlotsOptions = {
        calendar: cal,
        service: service(serviceId),
        resources,
        services,
        policy,
        channel: 'staff',
        now: Date.parse(`${from}T00:00:00Z`) - DAY,
        from,
        to,
        patientTags: ['program:exosome', 'program:tms'],
        bookings: randomBookings(seed, Date.parse(`${from}T00:00:00Z`), 90),
      };
      const result = findAvailableSlots(options);
      assert.ok(result.slots.length > 20, 'the scenario offers slots');
      for (const s of result.slots) assert.deepEqual(s, toSlot(s.startMs, s.endMs, cal.zone, s.assignments));

      const compact = compactAvailability(result, { durationMinutes: service(serviceId).durationMinutes, withResources: true });
      const expanded = expandAvailability(JSON.parse(JSON.stringify(compact)));
      assert.deepEqual(
        expanded.map((s) => [s.date, s.start, s.startMs, s.endMs, s.startTime, s.resourceIds]),
        result.slots.map((s) => [s.date, s.start, s.startMs, s.endMs, s.startTime, s.assignments.map((a) => a.resourceId)]),
      );
      // Wall-clock ends agree except for a slot that itself spans a daylight-saving change.
      for (const [k, s] of result.slots.entries()) {
        if (s.start.slice(19) === s.end.slice(19)) assert.deepEqual([expanded[k].end, expanded[k].endTime], [s.end, s.endTime]);
      }
    });
  }
}

test('the patients’ compact answer names no resources; the staff answer names each set once', () => {
  const options: FindAvailableSlotsOptions = {
    calendar, service: service('saishin'), resources, services, policy, bookings: [], channel: 'patient', now: '2026-11-30T08:00:00+09:00', from: '2026-12-02', to: '2026-12-03',
  };
  const forPatient = compactAvailability(findAvailableSlots(options), { durationMinutes: 15, withResources: false });
  assert.deepEqual(forPatient.resourceSets, []);
  assert.equal(forPatient.days.length, 2);
  assert.deepEqual(forPatient.days[0], {
    date: '2026-12-02',
    offset: '+09:00',
    times: ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '11:45', '12:00', '12:15', '12:30', '12:45',
      '15:00', '15:15', '15:30', '15:45', '16:00', '16:15', '16:30', '16:45', '17:00', '17:15', '17:30', '17:45'],
  });
  assert.ok(expandAvailability(forPatient).every((s) => s.resourceIds.length === 0));

  // Dr 森 booked at 10:00: that time goes to Dr 岡田, so the day lists one set per time.
  const bookings: ExistingBooking[] = [{ id: 'b1', start: '2026-12-02T10:00:00+09:00', end: '2026-12-02T10:15:00+09:00', resourceIds: ['dr-mori'], status: 'confirmed' }];
  const staff = compactAvailability(findAvailableSlots({ ...options, bookings, channel: 'staff' }), { durationMinutes: 15, withResources: true });
  assert.deepEqual(staff.resourceSets, [['dr-mori'], ['dr-okada']]);
  const wed = staff.days[0].resources;
  assert.ok(Array.isArray(wed));
  assert.equal(wed[staff.days[0].times.indexOf('10:00')], 1);
  assert.equal(wed.filter((x) => x === 1).length, 1);
  assert.equal(staff.days[1].resources, 0);
  const size = JSON.stringify(staff).length;
  assert.ok(size < 2000, `two days in ${size} characters`);
});
