import { DomainError } from '@mimamori/core';
import type { Resource } from '@mimamori/core/scheduling/index';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { getStaffBriefs, upcomingAppointmentsOfResource, type Db } from '@mimamori/storage';
import type { RequestContext } from '../../request-context.ts';
import type { ClinicScheduling } from './scheduling-context.ts';

/**
 * The checks of a resource change that need the data, inside the write's transaction:
 * - deactivating a resource that has appointments to come is refused (409
 *   `scheduling.resource_has_bookings`, with the appointments in `extra.upcoming`), so no booking is
 *   silently left without its doctor, room or device;
 * - the staff account it is linked to must be an account of the clinic (invited or active), linked to no other
 *   resource.
 */
export async function checkResourceChange(ctx: RequestContext, tx: Db, o: { readonly cfg: ClinicScheduling; readonly resource: Resource }): Promise<void> {
  const { cfg, resource } = o;
  const before = cfg.resources.find((r) => r.id === resource.id);
  if (resource.active === false && before !== undefined && before.active !== false) {
    const upcoming = await upcomingAppointmentsOfResource(tx, { clinicId: cfg.clinicId, resourceId: resource.id, nowMs: ctx.clock().getTime() });
    if (upcoming.length > 0) {
      const params = { name: before.name, count: upcoming.length, firstDate: clinicDate(upcoming[0]!.startMs, cfg.zone) };
      throw new DomainError('invalid_state', {
        key: 'scheduling.resource_has_bookings',
        params,
        issues: [{ path: 'resource.active', key: 'scheduling.resource_has_bookings', params }],
        extra: { upcoming: upcoming.slice(0, 50).map((a) => ({ id: a.id, start: new Date(a.startMs).toISOString() })) },
      });
    }
  }
  if (resource.staffId !== undefined) {
    const [s] = await getStaffBriefs(tx, cfg.clinicId, [resource.staffId]);
    if (!s || s.status === 'disabled') {
      throw new DomainError('validation', { key: 'scheduling.resource_invalid', issues: [{ path: 'resource.staffId', key: 'scheduling.resource_staff_unknown' }] });
    }
    const other = cfg.resources.find((r) => r.id !== resource.id && r.staffId === resource.staffId);
    if (other) {
      throw new DomainError('validation', { key: 'scheduling.resource_invalid', issues: [{ path: 'resource.staffId', key: 'scheduling.resource_staff_taken', params: { name: other.name } }] });
    }
  }
}
