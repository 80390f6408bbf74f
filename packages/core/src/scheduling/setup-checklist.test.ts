import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClinicFacts } from './check-clinic-facts.ts';
import { freshClinicCalendar } from './fresh-clinic.ts';
import { seedClinicCalendar, seedClinicResources, seedClinicServices } from './seed-clinic.ts';
import { bookableServices, bookingReady, setupChecklist } from './setup-checklist.ts';
import { isDomainError } from '../errors/domain-error.ts';

const none = { facts: { name: 'さくら心療内科', phone: '', address: null }, calendar: freshClinicCalendar('Asia/Tokyo'), services: seedClinicServices, resources: [], clinicalStaff: 0, appointments: 0 };
const done = (steps: ReturnType<typeof setupChecklist>) => steps.filter((s) => s.done).map((s) => s.id);

test('a fresh clinic has done no step and cannot be booked', () => {
  assert.deepEqual(done(setupChecklist(none)), []);
  assert.equal(bookingReady(none), false);
  assert.deepEqual(freshClinicCalendar('Asia/Tokyo').weeklyHours, {});
});

test('each step is done from the data, in order facts → hours → services → staff → resources → booking', () => {
  const doctor = { id: 'dr-1', name: '医師 1', roles: ['doctor'] };
  const steps = setupChecklist({
    ...none,
    facts: { name: 'さくら心療内科', phone: '03-1234-5678', address: '東京都港区' },
    calendar: { weeklyHours: { mon: [{ start: '09:00', end: '12:00' }] } },
    resources: [doctor],
    clinicalStaff: 1,
  });
  assert.deepEqual(steps.map((s) => s.id), ['facts', 'hours', 'services', 'staff', 'resources', 'booking']);
  assert.deepEqual(done(steps), ['facts', 'hours', 'services', 'staff', 'resources']);
  assert.deepEqual(bookableServices(seedClinicServices, [doctor]).map((s) => s.id), ['shoshin', 'saishin']);
  // A deactivated resource counts for nothing.
  assert.equal(bookingReady({ calendar: seedClinicCalendar, resources: [{ ...doctor, active: false }] }), false);
  assert.equal(bookingReady({ calendar: seedClinicCalendar, resources: seedClinicResources }), true);
});

test('clinic facts: the phone in any usual spelling is stored in its national form; every problem at once', () => {
  assert.deepEqual(checkClinicFacts({ name: ' さくら ', address: ' ', phone: '+81 3 1234 5678' }), { name: 'さくら', address: null, phone: '03-1234-5678' });
  assert.deepEqual(checkClinicFacts({ name: 'さくら', address: '東京都', phone: '' }), { name: 'さくら', address: '東京都', phone: '' });
  try {
    checkClinicFacts({ name: '', address: 'x'.repeat(201), phone: '03-0000-0000' });
    assert.fail('refused');
  } catch (err) {
    assert.ok(isDomainError(err));
    assert.equal(err.code, 'validation');
    assert.deepEqual(err.issues.map((i) => `${i.path}:${i.key}`), ['name:clinic.name_required', 'address:clinic.too_long', 'phone:clinic.phone_invalid']);
  }
});
