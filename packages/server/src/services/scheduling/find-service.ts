import { DomainError } from '@mimamori/core';
import type { ExistingBooking, Service, SlotAssignment } from '@mimamori/core/scheduling/index';
import type { BlockingAppointment } from '@mimamori/storage';
import type { ClinicScheduling } from './scheduling-state.ts';

/** The clinic's service with this id, or `not_found` (`booking.service_unknown`). */
export function findService(cfg: ClinicScheduling, serviceId: string): Service {
  const s = cfg.services.find((x) => x.id === serviceId);
  if (!s) throw new DomainError('not_found', { key: 'booking.service_unknown', params: { serviceId } });
  return s;
}

/** A stored appointment as core's slot engine sees it: its resources, buffers, and a hold's expiry. */
export function toExisting(r: BlockingAppointment): ExistingBooking {
  return {
    id: r.id,
    serviceId: r.service_id,
    start: r.start_ms,
    end: r.end_ms,
    resourceIds: (JSON.parse(r.assignments_json) as SlotAssignment[]).map((a) => a.resourceId),
    status: r.status === 'held' ? 'hold' : 'confirmed',
    ...(r.status === 'held' && r.hold_expires_at ? { holdExpiresAt: r.hold_expires_at } : {}),
    bufferBeforeMinutes: r.buffer_before_minutes,
    bufferAfterMinutes: r.buffer_after_minutes,
  };
}
