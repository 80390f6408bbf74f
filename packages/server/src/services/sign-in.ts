import { DomainError } from '@mimamori/core';
import {
  burnPasswordCheck, checkTotp, claimTotpStep, endSession, endStaffSessions, findStaffByLogin, getSession, getStaff, recordStaffFailure, tokenId,
  updateStaff, verifyPassword, type StaffRow,
} from '@mimamori/storage';
import { audit, auditAlone } from '../audit/audit.ts';
import type { StaffAuth } from '../auth/staff-auth.ts';
import type { RequestContext } from '../request-context.ts';
import { startStaffSession, type StartedStaffSession } from './session-service.ts';
import { writeTx } from './write-tx.ts';

const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

/** The accepted time step, or null. A secret that does not open (moved between rows) fails like a wrong code. */
function totpStep(ctx: RequestContext, o: { readonly staff: { id: string; totp_secret: string | null }; readonly code: string; readonly now: Date }): number | null {
  try {
    return checkTotp(ctx.db.secrets.open(o.staff.totp_secret!, o.staff.id), o.code, o.now);
  } catch {
    return null;
  }
}

export interface SignInInput {
  readonly password: string;
  readonly code: string;
  /** `login` finds the account by `loginId`; `reauth` is the signed-in session's own account, whose session ends. */
  readonly purpose: 'login' | 'reauth';
  readonly loginId?: string;
  readonly session?: StaffAuth;
}

/**
 * Password + TOTP check shared by sign-in and re-authentication: failures count toward the lock
 * (5 in 15 min), replayed codes are refused, every outcome is audited. On success the old session
 * (if any) ends and a fresh one starts (new token and CSRF token); the route sets its cookie.
 */
export async function signIn(ctx: RequestContext, o: SignInInput): Promise<StartedStaffSession> {
  const staff: StaffRow | undefined = o.session ? await getStaff(ctx.db.db, o.session.staffId) : await findStaffByLogin(ctx.db.db, o.loginId ?? '');
  const endSessionId = o.session?.sessionId;
  const now = ctx.clock();
  const fail = () => new DomainError('unauthenticated', { key: o.purpose === 'login' ? 'login_failed' : 'reauth_failed' });
  const usable = staff && staff.status === 'active' && staff.password_hash && staff.totp_secret && staff.totp_enrolled === 1;
  const locked = staff?.locked_until && staff.locked_until > now.toISOString();
  if (!staff || !usable || locked) {
    await burnPasswordCheck(o.password);
    await auditAlone(ctx, {
      action: locked ? `${o.purpose}.locked` : `${o.purpose}.failure`, resource: 'session', outcome: 'failure',
      actorId: staff?.id ?? null, actorRole: staff?.role ?? null, clinicId: staff?.clinic_id ?? null,
      detail: !staff ? 'unknown_login_id' : locked ? 'locked' : 'account_not_usable',
    });
    throw fail();
  }
  const passwordOk = await verifyPassword(staff.password_hash!, o.password);
  const step = totpStep(ctx, { staff, code: o.code, now });
  const replay = step !== null && staff.totp_last_step !== null && step <= Number(staff.totp_last_step);
  if (passwordOk && step !== null && !replay) {
    const started = await writeTx(ctx, async (tx) => {
      // Only one request can move the step forward; a parallel sign-in with the same code loses here.
      if (!(await claimTotpStep(tx, staff.id, step))) return null;
      // A secret stored before sealing existed is sealed at the owner's next sign-in.
      const reseal = ctx.db.secrets.isSealed(staff.totp_secret!) ? {} : { totp_secret: ctx.db.secrets.seal(staff.totp_secret!, staff.id) };
      await updateStaff(tx, staff.id, { failed_count: 0, first_failed_at: null, locked_until: null, last_login_at: now.toISOString(), ...reseal });
      if (endSessionId) await endSession(tx, endSessionId, now.toISOString(), 'reauth');
      const a = await startStaffSession(ctx, tx, { staffId: staff.id });
      await audit(ctx, tx, { action: `${o.purpose}.success`, resource: 'session', actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id });
      return a;
    });
    if (started) return started;
  }
  await writeTx(ctx, async (tx) => {
    // Counted in the database, so that parallel wrong guesses each count toward the lock.
    const { failedCount } = await recordStaffFailure(tx, {
      id: staff.id, now: now.toISOString(), windowStart: new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString(),
      maxFailures: MAX_FAILURES, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString(),
    });
    await audit(ctx, tx, {
      action: `${o.purpose}.failure`, resource: 'session', outcome: 'failure', actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id,
      detail: !passwordOk ? 'password' : step === null ? 'totp' : 'totp_replay',
    });
    if (failedCount === MAX_FAILURES) await audit(ctx, tx, { action: 'login.lockout', resource: 'staff', resourceId: staff.id, outcome: 'denied', actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id });
  });
  throw fail();
}

/**
 * The first TOTP code after setup or an accepted invitation: the pre-authentication session (its
 * cookie's token) becomes a full staff session. A wrong or replayed code is audited and refused.
 */
export async function enrolTotp(ctx: RequestContext, o: { readonly preAuthToken: string | undefined; readonly code: string }): Promise<StartedStaffSession> {
  const db = ctx.db.db;
  const now = ctx.clock();
  const pre = o.preAuthToken ? await getSession(db, tokenId(o.preAuthToken)) : undefined;
  if (!pre || pre.kind !== 'pre' || pre.ended_at || pre.expires_at <= now.toISOString()) throw new DomainError('unauthenticated', { key: 'enrol_failed' });
  const staff = await getStaff(db, pre.staff_id);
  if (!staff?.totp_secret || staff.totp_enrolled) throw new DomainError('unauthenticated', { key: 'enrol_failed' });
  const step = totpStep(ctx, { staff, code: o.code, now });
  if (step === null) {
    await auditAlone(ctx, { action: 'totp.enrol_failed', resource: 'staff', resourceId: staff.id, actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id, outcome: 'failure' });
    throw new DomainError('validation', { key: 'enrol_failed', issues: [{ path: 'code', key: 'enrol_failed' }] });
  }
  const started = await writeTx(ctx, async (tx) => {
    // As at sign-in, the code's time step is used up by exactly one of any parallel requests.
    if (!(await claimTotpStep(tx, staff.id, step))) return null;
    await updateStaff(tx, staff.id, { totp_enrolled: 1, last_login_at: now.toISOString(), failed_count: 0, updated_at: now.toISOString() });
    await endSession(tx, pre.id, now.toISOString(), 'enrolled');
    const a = await startStaffSession(ctx, tx, { staffId: staff.id });
    await audit(ctx, tx, { action: 'totp.enrolled', resource: 'staff', resourceId: staff.id, actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id });
    await audit(ctx, tx, { action: 'login.success', resource: 'session', actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id });
    return a;
  });
  if (!started) {
    await auditAlone(ctx, { action: 'totp.enrol_failed', resource: 'staff', resourceId: staff.id, actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id, outcome: 'failure', detail: 'totp_replay' });
    throw new DomainError('unauthenticated', { key: 'enrol_failed' });
  }
  return started;
}

/** Sign-out ends every session of this staff member, on every device (audited). */
export async function signOut(ctx: RequestContext, o: { readonly session: StaffAuth }): Promise<void> {
  const now = ctx.clock().toISOString();
  await writeTx(ctx, async (tx) => {
    await endStaffSessions(tx, o.session.staffId, now, 'logout');
    await audit(ctx, tx, { action: 'logout', resource: 'session' });
  });
}
