import { DomainError } from '@mimamori/core';
import { getStaffBriefs, listStaff, type Db } from '@mimamori/storage';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { loadClinicSchedulingForRead } from './scheduling-context.ts';

/** A doctor who may approve a double booking, as the booking form lists them. */
export interface ApprovingDoctor {
  readonly id: string;
  readonly displayName: string;
  /** The bookable resource this doctor is (linked on 担当者・部屋・機器), so both lists name one person. */
  readonly resourceName: string | null;
}

/**
 * The clinic's active doctors — the only staff the booking service accepts as `doubleBook.approvedBy`
 * (it checks again on write, {@link assertApprovingDoctor}). Names only: no login ids, roles or contact details.
 */
export async function listApprovingDoctors(ctx: RequestContext): Promise<{ doctors: ApprovingDoctor[] }> {
  const clinicId = requireStaff(ctx).clinicId;
  const [staff, cfg] = await Promise.all([listStaff(ctx.db.db, clinicId), loadClinicSchedulingForRead(ctx, clinicId)]);
  const resourceOf = (id: string): string | null => cfg.resources.find((r) => r.staffId === id && r.active !== false)?.name ?? null;
  return {
    doctors: staff
      .filter((s) => s.role === 'doctor' && s.status === 'active')
      .map((s) => ({ id: s.id, displayName: s.display_name, resourceName: resourceOf(s.id) }))
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
