import { DomainError } from '@mimamori/core';
import { getStaffBriefs, listStaff, type Db } from '@mimamori/storage';
import { requireStaff, type RequestContext } from '../../request-context.ts';

/** A doctor who may approve a double booking, as the booking form lists them. */
export interface ApprovingDoctor {
  readonly id: string;
  readonly displayName: string;
}

/**
 * The clinic's active doctors — the only staff the booking service accepts as `doubleBook.approvedBy`
 * (it checks again on write, {@link assertApprovingDoctor}). Names only: no login ids, roles or contact details.
 */
export async function listApprovingDoctors(ctx: RequestContext): Promise<{ doctors: ApprovingDoctor[] }> {
  const staff = await listStaff(ctx.db.db, requireStaff(ctx).clinicId);
  return {
    doctors: staff
      .filter((s) => s.role === 'doctor' && s.status === 'active')
      .map((s) => ({ id: s.id, displayName: s.display_name }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'ja')),
  };
}

/** The approver named for a double booking must be an active doctor of the clinic (`booking.override_doctor`). */
export async function assertApprovingDoctor(db: Db, o: { readonly clinicId: string; readonly staffId: string }): Promise<void> {
  const [s] = await getStaffBriefs(db, o.clinicId, [o.staffId]);
  if (!s || s.role !== 'doctor' || s.status !== 'active') {
    throw new DomainError('validation', { key: 'booking.override_doctor', issues: [{ path: 'doubleBook.approvedBy', key: 'booking.override_doctor' }] });
  }
}
