import { breakGlassAdds, permissionsOf, isRole, DomainError, type Permission, type Role } from '@mimamori/core';
import { activeBreakGlassGrant, getClinic, getStaff, insertSession, type Db } from '@mimamori/storage';
import type { AppDeps } from '../context.ts';
import type { RequestContext } from '../request-context.ts';
import type { StaffAuth } from '../auth/staff-auth.ts';
import { newToken, tokenId } from '@mimamori/storage';

/** `GET /api/auth/session` and the answer to a sign-in: who is signed in, what they may do, when the session ends. */
export interface SessionBody {
  readonly user: { readonly id: string; readonly loginId: string; readonly displayName: string; readonly role: Role; readonly clinicId: string; readonly clinicName: string };
  readonly permissions: Permission[];
  readonly csrfToken: string;
  readonly idleExpiresAt: string;
  readonly absoluteExpiresAt: string;
  /** An emergency (break-glass) grant in force for this session, with the permissions it adds. */
  readonly breakGlass: { readonly id: string; readonly reason: string; readonly startedAt: string; readonly expiresAt: string } | null;
}

/** How long the pre-authentication session (TOTP enrolment only) lasts. */
export const PRE_AUTH_MINUTES = 10;

/** A staff session just started: its token (the route sets the cookie) and the session as requests see it. */
export interface StartedStaffSession {
  readonly token: string;
  readonly auth: StaffAuth;
}

/**
 * Creates a fresh staff session (new token at every login) in `db`, with the request's address and
 * browser. The route sets the returned token as the session cookie once the transaction commits.
 */
export async function startStaffSession(ctx: RequestContext, db: Db, o: { readonly staffId: string }): Promise<StartedStaffSession> {
  const { staffId } = o;
  const meta = ctx.meta;
  const staff = await getStaff(db, staffId);
  if (!staff || !isRole(staff.role)) throw new DomainError('unauthenticated');
  const token = newToken();
  const now = ctx.clock();
  const row = {
    id: tokenId(token),
    kind: 'staff',
    staff_id: staff.id,
    clinic_id: staff.clinic_id,
    csrf_token: newToken(),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ctx.config.absoluteMinutes * 60_000).toISOString(),
    ended_at: null,
    end_reason: null,
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  };
  await insertSession(db, row);
  return {
    token,
    auth: {
      sessionId: row.id, staffId: staff.id, clinicId: staff.clinic_id, role: staff.role, loginId: staff.login_id,
      displayName: staff.display_name, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at,
    },
  };
}

/**
 * A short session that only allows TOTP enrolment (after setup or accepting an invitation). Returns
 * its token; the route sets the pre-authentication cookie.
 */
export async function startPreAuthSession(ctx: RequestContext, db: Db, o: { readonly staffId: string; readonly clinicId: string }): Promise<string> {
  const { staffId, clinicId } = o;
  const token = newToken();
  const now = ctx.clock();
  await insertSession(db, {
    id: tokenId(token), kind: 'pre', staff_id: staffId, clinic_id: clinicId, csrf_token: newToken(),
    created_at: now.toISOString(), last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + PRE_AUTH_MINUTES * 60_000).toISOString(),
    ended_at: null, end_reason: null, ip: ctx.meta.ip, user_agent: null,
  });
  return token;
}

export async function sessionBody(deps: AppDeps, auth: StaffAuth): Promise<SessionBody> {
  const clinic = await getClinic(deps.db.db, auth.clinicId);
  const grant = await activeBreakGlassGrant(deps.db.db, auth.sessionId, deps.clock().toISOString());
  const idle = new Date(new Date(auth.lastSeenAt).getTime() + deps.config.idleMinutes * 60_000);
  const abs = new Date(auth.expiresAt);
  return {
    user: { id: auth.staffId, loginId: auth.loginId, displayName: auth.displayName, role: auth.role, clinicId: auth.clinicId, clinicName: clinic?.name ?? '' },
    permissions: [...permissionsOf(auth.role), ...(grant ? breakGlassAdds(auth.role) : [])],
    csrfToken: auth.csrfToken,
    idleExpiresAt: (idle < abs ? idle : abs).toISOString(),
    absoluteExpiresAt: abs.toISOString(),
    breakGlass: grant ? { id: grant.id, reason: grant.reason, startedAt: grant.started_at, expiresAt: grant.expires_at } : null,
  };
}
