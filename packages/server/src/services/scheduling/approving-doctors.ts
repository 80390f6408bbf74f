import { listStaff } from '@mimamori/storage';
import type { AppDeps } from '../../context.ts';
import type { SchedulingActor } from './scheduling-context.ts';

/** A doctor who may approve a double booking, as the booking form lists them. */
export interface ApprovingDoctor {
  readonly id: string;
  readonly displayName: string;
}

/**
 * The clinic's active doctors — the only staff the booking service accepts as `doubleBook.approvedBy`
 * (it checks again on write). Names only: no login ids, roles or contact details.
 */
export async function listApprovingDoctors(deps: AppDeps, actor: SchedulingActor): Promise<{ doctors: ApprovingDoctor[] }> {
  const staff = await listStaff(deps.db.db, actor.clinicId);
  return {
    doctors: staff
      .filter((s) => s.role === 'doctor' && s.status === 'active')
      .map((s) => ({ id: s.id, displayName: s.display_name }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'ja')),
  };
}
