/** A unit of a resource already taken in the span a booking needs, and by which appointment. */
export interface TakenUnit {
  readonly unitNo: number;
  readonly appointmentId: string;
}

/**
 * The unit of a resource a new booking takes: the lowest unit number (0 … capacity − 1) that no
 * other appointment holds in the booking's span, or `null` when every unit is taken. A change of
 * an appointment passes its own id as `excludeAppointmentId`, so it may keep the unit it has. The
 * database's constraint on (resource, unit, span) is the last word; this picks the candidate.
 *
 * @example
 * allocateUnit({ capacity: 2, taken: [{ unitNo: 0, appointmentId: 'a' }] });                               // 1
 * allocateUnit({ capacity: 1, taken: [{ unitNo: 0, appointmentId: 'a' }] });                               // null
 * allocateUnit({ capacity: 1, taken: [{ unitNo: 0, appointmentId: 'a' }], excludeAppointmentId: 'a' });    // 0
 */
export function allocateUnit(o: { readonly capacity: number; readonly taken: ReadonlyArray<TakenUnit>; readonly excludeAppointmentId?: string }): number | null {
  const used = new Set(o.taken.filter((u) => u.appointmentId !== o.excludeAppointmentId).map((u) => u.unitNo));
  let n = 0;
  while (n < o.capacity && used.has(n)) n++;
  return n < o.capacity ? n : null;
}

/**
 * The span a booking's resource units occupy: the appointment itself widened by the service's
 * buffers before and after (cleaning a chair, preparing the TMS coil), in epoch milliseconds.
 *
 * @example
 * occupiedSpan({ startMs: 3_600_000, endMs: 7_200_000 }, { bufferBeforeMinutes: 10, bufferAfterMinutes: 15 });
 * // { fromMs: 3_000_000, toMs: 8_100_000 }
 */
export function occupiedSpan(
  slot: { readonly startMs: number; readonly endMs: number },
  service: { readonly bufferBeforeMinutes?: number; readonly bufferAfterMinutes?: number },
): { readonly fromMs: number; readonly toMs: number } {
  return { fromMs: slot.startMs - (service.bufferBeforeMinutes ?? 0) * 60_000, toMs: slot.endMs + (service.bufferAfterMinutes ?? 0) * 60_000 };
}
