/**
 * Existing bookings as the scheduling functions see them: when, which resources, and whether they
 * still block (a hold blocks only until it expires).
 */

/** Status of a booking as far as availability is concerned. */
export type BookingStatus = 'confirmed' | 'hold' | 'cancelled';

/** A booking that occupies resources. Loaded by storage. */
export interface ExistingBooking {
  readonly id: string;
  readonly serviceId?: string;
  /** ISO 8601 instant with offset, or epoch milliseconds (cheaper for long lists). */
  readonly start: string | number;
  /** ISO 8601 instant with offset, or epoch milliseconds. */
  readonly end: string | number;
  readonly resourceIds: ReadonlyArray<string>;
  readonly status: BookingStatus;
  /** For holds: the instant they lapse. A hold without it blocks like a confirmed booking. */
  readonly holdExpiresAt?: string | number;
  /** Buffers of this booking; when absent, those of its service. */
  readonly bufferBeforeMinutes?: number;
  readonly bufferAfterMinutes?: number;
}
