/**
 * Why a booking cannot be made, as DomainErrors with precise keys the server turns into a message
 * that says what to do (pick another time, phone the clinic …).
 */
import { DomainError, type ErrorCode, type ErrorParams } from '../errors/domain-error.ts';
import type { BookingChannel, Service } from './service.ts';

/** Message keys of rejected bookings. */
export type BookingRejectionKey =
  | 'booking.in_past'
  | 'booking.national_holiday'
  | 'booking.clinic_closure'
  | 'booking.closed_day'
  | 'booking.outside_hours'
  | 'booking.exceeds_session'
  | 'booking.too_short_notice'
  | 'booking.beyond_horizon'
  | 'booking.resource_unavailable'
  | 'booking.over_capacity'
  | 'booking.staff_only'
  | 'booking.not_eligible'
  | 'booking.service_inactive';

const CODES: Readonly<Record<BookingRejectionKey, ErrorCode>> = {
  'booking.in_past': 'slot_unavailable',
  'booking.national_holiday': 'slot_unavailable',
  'booking.clinic_closure': 'slot_unavailable',
  'booking.closed_day': 'slot_unavailable',
  'booking.outside_hours': 'slot_unavailable',
  'booking.exceeds_session': 'slot_unavailable',
  'booking.too_short_notice': 'slot_unavailable',
  'booking.beyond_horizon': 'slot_unavailable',
  'booking.resource_unavailable': 'slot_unavailable',
  'booking.over_capacity': 'slot_unavailable',
  'booking.staff_only': 'forbidden',
  'booking.not_eligible': 'forbidden',
  'booking.service_inactive': 'invalid_state',
};

/**
 * The DomainError for a rejection key (code `slot_unavailable`, `forbidden` or `invalid_state`).
 *
 * @example
 * bookingRejection('booking.national_holiday', { holidayName: '文化の日' }).code; // 'slot_unavailable'
 */
export function bookingRejection(key: BookingRejectionKey, params: ErrorParams = {}): DomainError {
  // Only a full time is a race the client may present as "just taken"; a holiday or closed day is not.
  return new DomainError(CODES[key], { key, params, ...(key === 'booking.over_capacity' ? { extra: { taken: true } } : {}) });
}

/**
 * The params naming a resource kind: `role` as configured and `roleKey`, the catalogue's word for
 * it (`role.doctor` → 医師 / doctor). A clinic's own role without a word shows as it was entered.
 *
 * @example
 * roleParams('doctor'); // { role: 'doctor', roleKey: 'role.doctor' }
 */
export function roleParams(role: string): ErrorParams {
  return role === '' ? { role: '', roleKey: 'role.any' } : { role, roleKey: `role.${role}` };
}

/**
 * Whether this channel may book this service for a patient with these tags; the error if not.
 *
 * @example
 * serviceBookingError(shoshin, 'patient', [])?.key; // 'booking.staff_only'
 */
export function serviceBookingError(service: Service, channel: BookingChannel, patientTags: ReadonlyArray<string> = []): DomainError | undefined {
  if (service.active === false) return bookingRejection('booking.service_inactive', { serviceId: service.id });
  if (channel === 'patient' && service.channel !== 'patient_online') return bookingRejection('booking.staff_only', { serviceId: service.id });
  if (service.eligibilityTag !== undefined && !patientTags.includes(service.eligibilityTag)) {
    return bookingRejection('booking.not_eligible', { serviceId: service.id, tag: service.eligibilityTag });
  }
  return undefined;
}
