// Shared builders for the scheduling tests (not exported from the package).
import type { ExistingBooking } from './booking.ts';
import { seedBookingPolicy, seedClinicCalendar, seedClinicResources, seedClinicServices } from './seed-clinic.ts';
import type { Service } from './service.ts';

export const calendar = seedClinicCalendar;
export const resources = seedClinicResources;
export const services = seedClinicServices;
export const policy = seedBookingPolicy;

export function service(id: string): Service {
  const s = services.find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}

let n = 0;
/** A confirmed booking in Tokyo time: `tokyo('2026-12-02', '10:00', '10:15', ['dr-mori'])`. */
export function tokyo(
  date: string,
  start: string,
  end: string,
  resourceIds: ReadonlyArray<string>,
  extra: Partial<ExistingBooking> = {},
): ExistingBooking {
  n += 1;
  return {
    id: `b${n}`,
    start: `${date}T${start}:00+09:00`,
    end: `${date}T${end}:00+09:00`,
    resourceIds,
    status: 'confirmed',
    ...extra,
  };
}
