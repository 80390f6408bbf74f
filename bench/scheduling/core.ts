// Core availability timing: `node --import tsx bench/scheduling/core.ts`. Run by hand, never by npm test.
//
// Three months of 再診 for the demo clinic, with a third of Dr 森's slots booked (as the HTTP bench
// seeds), computed in-process by `findAvailableSlots` — no server, no database.
import { findAvailableSlots, seedBookingPolicy, seedClinicCalendar, seedClinicResources, seedClinicServices, type ExistingBooking } from '@mimamori/core/scheduling/index';

const now = '2026-12-01T10:00:00+09:00';
const saishin = seedClinicServices.find((s) => s.id === 'saishin')!;
const base = { calendar: seedClinicCalendar, service: saishin, resources: seedClinicResources, services: seedClinicServices, policy: seedBookingPolicy, channel: 'staff' as const, now };
const mori = findAvailableSlots({ ...base, bookings: [], from: '2026-12-02', to: '2027-02-28', resourceIds: ['dr-mori'] }).slots;
const bookings: ExistingBooking[] = mori.filter((_, i) => i % 3 === 0).slice(0, 450).map((s, i) => ({ id: `b${i}`, serviceId: 'saishin', start: s.startMs, end: s.endMs, resourceIds: ['dr-mori'], status: 'confirmed' }));
const run = () => findAvailableSlots({ ...base, bookings, from: '2026-12-01', to: '2027-02-28' });
for (let i = 0; i < 20; i++) run();
const n = Number(process.argv[2] ?? 200);
const t0 = performance.now();
let slots = 0;
for (let i = 0; i < n; i++) slots = run().slots.length;
const per = (performance.now() - t0) / n;
process.stdout.write(`${slots} slots, ${bookings.length} bookings: ${per.toFixed(2)} ms per call (${n} calls)\n`);
