import { endStaffSessions, listClinics, listStaff, updateStaff, voidStaffLinks } from '@mimamori/storage';
import { audit } from '../audit/audit.ts';
import type { AppDeps } from '../context.ts';
import { systemContext } from '../request-context.ts';
import { createPeriodicJob, type PeriodicJob } from './periodic-job.ts';
import { writeTx } from './write-tx.ts';

/** Accounts unused this long are disabled (MHLW 6.0 account 棚卸し; security checklist B6). */
export const IDLE_ACCOUNT_DAYS = 90;
/** The job's name in the audit trail (request id `job:disable-idle-staff`). */
const IDLE_STAFF_JOB = 'disable-idle-staff';

export interface IdleDisableResult {
  readonly disabled: ReadonlyArray<{ readonly clinicId: string; readonly staffId: string; readonly loginId: string }>;
  /** Idle, but the clinic's last active administrator: kept so the clinic is not locked out. */
  readonly keptLastAdmin: ReadonlyArray<{ readonly clinicId: string; readonly staffId: string; readonly loginId: string }>;
}

/**
 * Disables every active account whose last sign-in (or, never signed in, whose creation) is more
 * than `IDLE_ACCOUNT_DAYS` days ago: its sessions end, open invitation or reset links are voided,
 * and a `staff.disable_idle` audit row (role `system`) is written, in one transaction per account. An administrator
 * re-enables the account from the staff page if it is still needed. The clinic's last active
 * administrator is never disabled this way (it is reported instead).
 */
export async function disableIdleStaff(deps: AppDeps, o: { readonly idleDays?: number } = {}): Promise<IdleDisableResult> {
  const now = deps.clock();
  const cutoff = new Date(now.getTime() - (o.idleDays ?? IDLE_ACCOUNT_DAYS) * 86_400_000).toISOString();
  const disabled: Array<IdleDisableResult['disabled'][number]> = [];
  const keptLastAdmin: Array<IdleDisableResult['keptLastAdmin'][number]> = [];
  for (const clinic of await listClinics(deps.db.db)) {
    const ctx = systemContext(deps, { job: IDLE_STAFF_JOB, clinicId: clinic.id });
    const staff = (await listStaff(deps.db.db, clinic.id)).filter((s) => s.status === 'active');
    let activeAdmins = staff.filter((s) => s.role === 'admin').length;
    const idle = staff.filter((s) => (s.last_login_at ?? s.created_at) < cutoff);
    // Administrators last, so a clinic keeps its most recently active one.
    idle.sort((a, b) => Number(a.role === 'admin') - Number(b.role === 'admin'));
    for (const s of idle) {
      const who = { clinicId: clinic.id, staffId: s.id, loginId: s.login_id };
      if (s.role === 'admin' && activeAdmins <= 1) {
        keptLastAdmin.push(who);
        continue;
      }
      await writeTx(ctx, async (tx) => {
        const at = now.toISOString();
        await updateStaff(tx, s.id, { status: 'disabled', updated_at: at });
        await endStaffSessions(tx, s.id, at, 'idle_account');
        await voidStaffLinks(tx, s.id, at);
        await audit(ctx, tx, { action: 'staff.disable_idle', resource: 'staff', resourceId: s.id, detail: `last_activity=${s.last_login_at ?? `created ${s.created_at}`}` });
      });
      if (s.role === 'admin') activeAdmins--;
      disabled.push(who);
    }
  }
  return { disabled, keptLastAdmin };
}

/** Runs at start and then every 6 hours. */
export function createIdleStaffJob(deps: AppDeps, o: { readonly intervalMs?: number; readonly onError?: (err: unknown) => void } = {}): PeriodicJob {
  return createPeriodicJob(() => disableIdleStaff(deps), { intervalMs: o.intervalMs ?? 6 * 3_600_000, onError: o.onError });
}
