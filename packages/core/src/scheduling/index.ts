// Public surface of scheduling: the clinic calendar, services, availability, the write-time
// booking check, change/cancel cutoffs, recurring series and calendar files.
export * from './appointment-ics.ts';
export * from './allocate-unit.ts';
export * from './appointments-closed-by.ts';
export type { AvailableSlot } from './available-slot.ts';
export * from './booking-policy.ts';
export * from './booking-rejection.ts';
export * from './booking.ts';
export * from './check-booking.ts';
export * from './check-online-change.ts';
export * from './compact-availability.ts';
export * from './clinic-calendar.ts';
export * from './find-available-slots.ts';
export * from './interval-set.ts';
export * from './japanese-holidays.ts';
export * from './propose-series.ts';
export * from './resource.ts';
export * from './seed-clinic.ts';
export * from './service.ts';
export type { SlotAssignment } from './slot-engine.ts';
export * from './validate-scheduling-config.ts';
export { SCHEDULING_MESSAGES } from './messages.ts';
export * from './fresh-clinic.ts';
export * from './check-clinic-facts.ts';
export * from './setup-checklist.ts';
