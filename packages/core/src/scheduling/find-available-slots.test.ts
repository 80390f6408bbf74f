import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../errors/domain-error.ts';
import { findAvailableSlots, type FindAvailableSlotsOptions } from './find-available-slots.ts';
import type { Resource } from './resource.ts';
import { calendar, policy, resources, service, services, tokyo } from './test-fixtures.ts';

const base = {
  calendar,
  resources,
  services,
  policy,
  bookings: [],
  channel: 'staff',
  now: '2026-11-30T08:00:00+09:00',
} as const;

const run = (o: Partial<FindAvailableSlotsOptions> & Pick<FindAvailableSlotsOptions, 'service' | 'from' | 'to'>) =>
  findAvailableSlots({ ...base, ...o });
const times = (o: Parameters<typeof run>[0]) => run(o).slots.map((s) => `${s.date} ${s.startTime}`);

test('再診 on an ordinary Wednesday: every 15 minutes through both sessions, in Tokyo time', () => {
  const r = run({ service: service('saishin'), channel: 'patient', from: '2026-12-02', to: '2026-12-02' });
  assert.equal(r.slots.length, 16 + 12);
  assert.equal(r.slots[0].start, '2026-12-02T09:00:00+09:00');
  assert.equal(r.slots[0].end, '2026-12-02T09:15:00+09:00');
  assert.equal(r.slots[0].startMs, Date.parse('2026-12-02T00:00:00Z'));
  assert.deepEqual(r.slots[0].assignments, [{ role: 'doctor', resourceId: 'dr-mori' }]);
  assert.equal(r.slots[15].startTime, '12:45');
  assert.equal(r.slots[16].startTime, '15:00');
  assert.equal(r.slots.at(-1)?.startTime, '17:45');
  assert.equal(r.slots.at(-1)?.endTime, '18:00');
});

test('a week: Tuesday and Sunday closed, Saturday until 14:00, holiday reported', () => {
  const r = run({ service: service('shoshin'), from: '2027-01-10', to: '2027-01-16' });
  const perDay = new Map<string, number>();
  for (const s of r.slots) perDay.set(s.date, (perDay.get(s.date) ?? 0) + 1);
  // 初診 60 min: 9:00–12:00 (13 starts) + 15:00–17:00 (9 starts); Saturday 9:00–13:00 (17 starts).
  assert.deepEqual(Object.fromEntries(perDay), { '2027-01-13': 22, '2027-01-14': 22, '2027-01-15': 22, '2027-01-16': 17 });
  assert.deepEqual(r.closedDates, [
    { date: '2027-01-10', reason: 'weekly' },
    { date: '2027-01-11', reason: 'national_holiday', holidayName: '成人の日', holidayNameEn: 'Coming of Age Day' },
    { date: '2027-01-12', reason: 'weekly' },
  ]);
});

test('a service that does not fit in what is left of a session is not offered', () => {
  // Dr 森 is busy 15:00–17:30 and Dr 岡田 works mornings only: 30 minutes are left.
  const bookings = [tokyo('2026-12-02', '15:00', '17:30', ['dr-mori'])];
  assert.deepEqual(times({ service: service('shoshin'), bookings, from: '2026-12-02', to: '2026-12-02' }).filter((t) => t > '2026-12-02 13'), []);
  assert.deepEqual(
    times({ service: service('saishin'), bookings, from: '2026-12-02', to: '2026-12-02' }).filter((t) => t > '2026-12-02 13'),
    ['2026-12-02 17:30', '2026-12-02 17:45'],
  );
  // TMS (40 min) on a Saturday (9:00–14:00): the last start is 13:15; 13:30 would run to 14:10.
  const tms = run({ service: service('tms'), patientTags: ['program:tms'], from: '2026-12-05', to: '2026-12-05' });
  assert.equal(tms.slots.at(-1)?.startTime, '13:15');
  assert.deepEqual(tms.slots[0].assignments, [
    { role: 'tms_device', resourceId: 'tms-1' },
    { role: 'tms_operator', resourceId: 'ns-kato' },
  ]);
});

test('override days are offered; closed sessions are not', () => {
  const cal = {
    ...calendar,
    overrides: [
      { kind: 'open', date: '2026-12-01', sessions: [{ start: '10:00', end: '11:00' }] },
      { kind: 'close', date: '2026-12-02', start: '09:00', end: '13:00' },
    ],
  } as const;
  assert.deepEqual(times({ calendar: cal, service: service('saishin'), from: '2026-12-01', to: '2026-12-01' }), [
    '2026-12-01 10:00',
    '2026-12-01 10:15',
    '2026-12-01 10:30',
    '2026-12-01 10:45',
  ]);
  const wed = times({ calendar: cal, service: service('saishin'), from: '2026-12-02', to: '2026-12-02' });
  assert.equal(wed[0], '2026-12-02 15:00');
  assert.equal(wed.length, 12);
});

test('staff schedules and leave: no doctor, no slot', () => {
  const onLeave: ReadonlyArray<Resource> = resources.map((r) =>
    r.id === 'dr-mori' ? { ...r, absences: [{ from: '2026-12-02', reason: '学会' }] } : r,
  );
  const t = times({ service: service('saishin'), resources: onLeave, from: '2026-12-02', to: '2026-12-02' });
  // Dr 岡田 works mornings only.
  assert.equal(t.length, 16);
  assert.equal(t.at(-1), '2026-12-02 12:45');
  // Half-day leave of Dr 岡田 10:00–12:00 leaves 9:00–10:00 and 12:00–13:00.
  const halfDay = onLeave.map((r) => (r.id === 'dr-okada' ? { ...r, absences: [{ from: '2026-12-02', start: '10:00', end: '12:00' }] } : r));
  assert.equal(times({ service: service('saishin'), resources: halfDay, from: '2026-12-02', to: '2026-12-02' }).length, 8);
  // A patient asking for Dr 岡田 sees mornings only, even though Dr 森 is free.
  const mine = run({ service: service('saishin'), resourceIds: ['dr-okada'], from: '2026-12-02', to: '2026-12-02' });
  assert.equal(mine.slots.length, 16);
  assert.ok(mine.slots.every((s) => s.assignments[0].resourceId === 'dr-okada'));
});

test('existing bookings, and holds until they expire', () => {
  const svc = service('saishin');
  const only = resources.filter((r) => r.id === 'dr-mori');
  const at = (bookings: Parameters<typeof run>[0]['bookings'], now: string = base.now) =>
    times({ service: svc, resources: only, bookings, now, from: '2026-12-02', to: '2026-12-02' }).slice(0, 3);
  assert.deepEqual(at([tokyo('2026-12-02', '09:00', '09:15', ['dr-mori'])]), ['2026-12-02 09:15', '2026-12-02 09:30', '2026-12-02 09:45']);
  const hold = tokyo('2026-12-02', '09:00', '09:15', ['dr-mori'], { status: 'hold', holdExpiresAt: '2026-11-30T08:10:00+09:00' });
  assert.equal(at([hold], '2026-11-30T08:09:59+09:00')[0], '2026-12-02 09:15'); // still held
  assert.equal(at([hold], '2026-11-30T08:10:00+09:00')[0], '2026-12-02 09:00'); // lapsed
  assert.equal(at([{ ...hold, status: 'cancelled' }])[0], '2026-12-02 09:00');
  // The booking being changed does not block itself.
  const own = tokyo('2026-12-02', '09:00', '09:15', ['dr-mori']);
  assert.equal(
    run({ service: svc, resources: only, bookings: [own], excludeBookingId: own.id, from: '2026-12-02', to: '2026-12-02' }).slots[0].startTime,
    '09:00',
  );
});

test('capacity 2: a resource taking two at once is full only with two bookings', () => {
  const room: Resource = { id: 'group-room', name: '集団療法室', roles: ['group_room'], capacity: 2 };
  const svc = { ...service('counseling'), id: 'group', requires: [{ role: 'group_room' }], bufferAfterMinutes: 0, eligibilityTag: undefined } as const;
  const first = (bookings: Parameters<typeof run>[0]['bookings']) =>
    times({ service: svc, resources: [room], bookings, from: '2026-12-02', to: '2026-12-02' })[0];
  const one = tokyo('2026-12-02', '09:00', '09:50', ['group-room']);
  const two = tokyo('2026-12-02', '09:00', '09:50', ['group-room']);
  assert.equal(first([]), '2026-12-02 09:00');
  assert.equal(first([one]), '2026-12-02 09:00');
  assert.equal(first([one, two]), '2026-12-02 10:00');
  // Two infusion chairs and two nurses: two infusions at 10:00 fill 10:00 for a third.
  const infusion = service('exosome-infusion');
  const bookings = [
    tokyo('2026-12-02', '10:00', '11:00', ['ns-kato', 'chair-1'], { serviceId: infusion.id }),
    tokyo('2026-12-02', '10:00', '11:00', ['ns-ishii', 'chair-2'], { serviceId: infusion.id }),
  ];
  const t = times({ service: infusion, patientTags: ['program:exosome'], bookings, from: '2026-12-02', to: '2026-12-02' });
  // 60 min + 15 min cleaning, every 30 min: 9:00 would run into 10:00; 11:00 is still being cleaned.
  assert.deepEqual(t.slice(0, 3), ['2026-12-02 11:30', '2026-12-02 12:00', '2026-12-02 15:00']);
});

test('minimum notice and booking horizon depend on the channel', () => {
  const svc = service('saishin');
  const now = '2026-12-02T08:30:00+09:00';
  assert.equal(times({ service: svc, channel: 'patient', now, from: '2026-12-02', to: '2026-12-02' })[0], '2026-12-02 10:30');
  assert.equal(times({ service: svc, channel: 'staff', now, from: '2026-12-02', to: '2026-12-02' })[0], '2026-12-02 09:00');
  const r = run({ service: svc, channel: 'patient', now, from: '2027-01-25', to: '2027-02-10' });
  assert.equal(r.lastBookableDate, '2027-01-31');
  assert.equal(r.slots.at(-1)?.date, '2027-01-30');
  // Dates already past give nothing.
  assert.deepEqual(times({ service: svc, now, from: '2026-11-25', to: '2026-11-30' }), []);
});

test('who may book: 初診 is staff only; infusions only for program patients', () => {
  assert.throws(
    () => run({ service: service('shoshin'), channel: 'patient', from: '2026-12-02', to: '2026-12-02' }),
    (e) => isDomainError(e) && e.code === 'forbidden' && e.key === 'booking.staff_only',
  );
  assert.throws(
    () => run({ service: service('exosome-infusion'), channel: 'patient', from: '2026-12-02', to: '2026-12-02' }),
    (e) => isDomainError(e) && e.key === 'booking.not_eligible',
  );
  assert.ok(run({ service: service('exosome-infusion'), channel: 'patient', patientTags: ['program:exosome'], now: '2026-11-30T08:00:00+09:00', from: '2026-12-02', to: '2026-12-02' }).slots.length > 0);
});

test('three months of one service with bookings stays consistent with the write-time rules', () => {
  const svc = service('saishin');
  const bookings = Array.from({ length: 40 }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return tokyo(`2027-02-${day}`, '09:00', '09:15', ['dr-mori']);
  });
  const r = run({ service: svc, bookings, from: '2026-12-01', to: '2027-02-28' });
  assert.ok(r.slots.length > 1500);
  assert.ok(r.slots.every((s) => s.startMs < s.endMs && s.start.endsWith('+09:00')));
  // Wherever Dr 森 has a 9:00 booking, 9:00 goes to Dr 岡田.
  const feb1 = r.slots.find((s) => s.date === '2027-02-01' && s.startTime === '09:00');
  assert.deepEqual(feb1?.assignments, [{ role: 'doctor', resourceId: 'dr-okada' }]);
});

test('a clinic in a zone with daylight saving keeps its wall-clock hours', () => {
  const la = { ...calendar, zone: 'America/Los_Angeles', closedOnNationalHolidays: false };
  const r = run({ calendar: la, service: service('saishin'), now: '2026-03-01T00:00:00Z', from: '2026-03-06', to: '2026-03-09' });
  const first = (d: string) => r.slots.find((s) => s.date === d)?.start;
  assert.equal(first('2026-03-06'), '2026-03-06T09:00:00-08:00');
  assert.equal(first('2026-03-09'), '2026-03-09T09:00:00-07:00');
});

test('an over-long range is refused instead of walking years of calendar', () => {
  assert.throws(
    () => run({ service: service('saishin'), from: '2026-12-01', to: '2028-12-01' }),
    (e) => isDomainError(e) && e.code === 'validation' && e.key === 'range_too_long',
  );
  assert.throws(() => run({ service: service('saishin'), from: '2026-12-01', to: '2026-12-32' }), (e) => isDomainError(e) && e.key === 'date_invalid');
});
