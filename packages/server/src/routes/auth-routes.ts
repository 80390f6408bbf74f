import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@mimamori/core';
import {
  claimTotpStep, countStaff, endSession, endStaffSessions, findStaffByLogin, getCredentialLink, getSession, getStaff, insertClinic,
  insertStaff, listClinics, recordStaffFailure, updateStaff, useCredentialLink,
} from '@mimamori/storage';
import { audit, auditAlone } from '../audit/audit.ts';
import { burnPasswordCheck, checkNewPassword, hashPassword, verifyPassword } from '@mimamori/storage';
import { PRE_AUTH_COOKIE, SESSION_COOKIE, cookieOptions } from '../auth/session-cookie.ts';
import { setPreAuthCookie, setStaffSessionCookie, staffSessionOf } from '../auth/session-of.ts';
import { checkTotp, newTotpSecret, totpEnrolment } from '@mimamori/storage';
import { newId, tokenId } from '@mimamori/storage';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { PRE_AUTH_MINUTES, sessionBody, startPreAuthSession, startStaffSession } from '../services/session-service.ts';
import { writeTx } from '../services/write-tx.ts';
import { enrolmentResponse, loginIdSchema, passwordSchema, sessionResponse, text, tokenSchema, totpCodeSchema } from './schemas.ts';

const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
/** Per-IP limit on the credential endpoints (login, setup, enrolment, invitations). */
export const authRateLimit = { max: 20, timeWindow: 60_000 };

type StaffRow = NonNullable<Awaited<ReturnType<typeof getStaff>>>;

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.db.db;
  /** The accepted time step, or null. A secret that does not open (moved between rows) fails like a wrong code. */
  const totpStep = (staff: { id: string; totp_secret: string | null }, code: string, now: Date): number | null => {
    try {
      return checkTotp(deps.db.secrets.open(staff.totp_secret!, staff.id), code, now);
    } catch {
      return null;
    }
  };

  r.get('/api/setup/status', {
    config: { access: 'public' },
    schema: { tags: ['auth'], response: { 200: z.object({ needsSetup: z.boolean() }) } },
  }, async () => ({ needsSetup: (await countStaff(db)) === 0 }));

  r.post('/api/setup', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      body: z.strictObject({ token: tokenSchema, loginId: loginIdSchema, displayName: text(100, { min: 1 }), password: passwordSchema, clinicName: text(100, { min: 1 }).optional() }),
      response: { 200: enrolmentResponse },
    },
  }, async (req, reply) => {
    const { token, loginId, displayName, password, clinicName } = req.body;
    checkNewPassword(password);
    const now = deps.clock();
    const link = await getCredentialLink(db, tokenId(token));
    if (!link || link.purpose !== 'setup' || link.used_at || link.expires_at <= now.toISOString()) throw new DomainError('gone');
    const hash = await hashPassword(password);
    const secret = newTotpSecret();
    const ctx = contextOf(deps, req);
    const preAuth = await writeTx(ctx, async (tx) => {
      if ((await countStaff(tx)) > 0) throw new DomainError('gone', { key: 'setup_done' });
      if (!(await useCredentialLink(tx, link.id, now.toISOString()))) throw new DomainError('gone');
      let clinicId = (await listClinics(tx))[0]?.id;
      if (!clinicId) {
        clinicId = newId();
        await insertClinic(tx, { id: clinicId, name: clinicName ?? 'クリニック', timeZone: 'Asia/Tokyo', now: now.toISOString() });
      }
      const staffId = newId();
      await insertStaff(tx, { id: staffId, clinicId, loginId, displayName, email: null, role: 'admin', status: 'active', now: now.toISOString() });
      await updateStaff(tx, staffId, { password_hash: hash, totp_secret: deps.db.secrets.seal(secret, staffId), updated_at: now.toISOString() });
      await audit(ctx, tx, { action: 'setup.admin_created', resource: 'staff', resourceId: staffId, actorId: staffId, actorRole: 'admin', clinicId });
      return startPreAuthSession(ctx, tx, { staffId, clinicId });
    });
    setPreAuthCookie(reply, { token: preAuth, maxAgeMinutes: PRE_AUTH_MINUTES });
    return { enrolment: await totpEnrolment(secret, loginId) };
  });

  r.post('/api/auth/totp/enrol', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: { tags: ['auth'], body: z.strictObject({ code: totpCodeSchema }), response: { 200: sessionResponse } },
  }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const token = req.cookies[PRE_AUTH_COOKIE];
    const now = deps.clock();
    const pre = token ? await getSession(db, tokenId(token)) : undefined;
    if (!pre || pre.kind !== 'pre' || pre.ended_at || pre.expires_at <= now.toISOString()) throw new DomainError('unauthenticated', { key: 'enrol_failed' });
    const staff = await getStaff(db, pre.staff_id);
    if (!staff?.totp_secret || staff.totp_enrolled) throw new DomainError('unauthenticated', { key: 'enrol_failed' });
    const step = totpStep(staff, req.body.code, now);
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
    setStaffSessionCookie(reply, { token: started.token, maxAgeMinutes: deps.config.absoluteMinutes });
    return sessionBody(deps, started.auth);
  });

  /**
   * Password + TOTP check shared by sign-in and re-authentication: failures count toward the lock
   * (5 in 15 min), replayed codes are refused, every outcome is audited. On success the old session
   * (if any) ends and a fresh one starts, with a new cookie and CSRF token.
   */
  async function authenticate(
    req: FastifyRequest, reply: FastifyReply, staff: StaffRow | undefined,
    o: { password: string; code: string; purpose: 'login' | 'reauth'; endSessionId?: string },
  ) {
    const ctx = contextOf(deps, req);
    const now = deps.clock();
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
    const step = totpStep(staff, o.code, now);
    const replay = step !== null && staff.totp_last_step !== null && step <= Number(staff.totp_last_step);
    if (passwordOk && step !== null && !replay) {
      const started = await writeTx(ctx, async (tx) => {
        // Only one request can move the step forward; a parallel sign-in with the same code loses here.
        if (!(await claimTotpStep(tx, staff.id, step))) return null;
        // A secret stored before sealing existed is sealed at the owner's next sign-in.
        const reseal = deps.db.secrets.isSealed(staff.totp_secret!) ? {} : { totp_secret: deps.db.secrets.seal(staff.totp_secret!, staff.id) };
        await updateStaff(tx, staff.id, { failed_count: 0, first_failed_at: null, locked_until: null, last_login_at: now.toISOString(), ...reseal });
        if (o.endSessionId) await endSession(tx, o.endSessionId, now.toISOString(), 'reauth');
        const a = await startStaffSession(ctx, tx, { staffId: staff.id });
        await audit(ctx, tx, { action: `${o.purpose}.success`, resource: 'session', actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id });
        return a;
      });
      if (started) {
        setStaffSessionCookie(reply, { token: started.token, maxAgeMinutes: deps.config.absoluteMinutes });
        return sessionBody(deps, started.auth);
      }
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

  r.post('/api/auth/login', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      body: z.strictObject({ loginId: z.string().max(100), password: passwordSchema, code: z.string().max(10) }),
      response: { 200: sessionResponse },
    },
  }, async (req, reply) => {
    const { loginId, password, code } = req.body;
    return authenticate(req, reply, await findStaffByLogin(db, loginId), { password, code, purpose: 'login' });
  });

  r.post('/api/auth/reauth', {
    config: { access: 'authenticated', rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      description: `Re-authentication with password and TOTP before a sensitive action (granting roles, resetting credentials, bulk exports), required when the session's last authentication is older than 5 minutes (REAUTH_SECONDS may shorten this). Starts a fresh session: new cookie and CSRF token.`,
      body: z.strictObject({ password: passwordSchema, code: z.string().max(10) }),
      response: { 200: sessionResponse },
    },
  }, async (req, reply) => {
    const a = staffSessionOf(req);
    return authenticate(req, reply, await getStaff(db, a.staffId), { password: req.body.password, code: req.body.code, purpose: 'reauth', endSessionId: a.sessionId });
  });

  r.get('/api/auth/session', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], response: { 200: sessionResponse } },
  }, async (req) => sessionBody(deps, staffSessionOf(req)));

  r.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'] },
  }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const a = staffSessionOf(req);
    const now = deps.clock().toISOString();
    await writeTx(ctx, async (tx) => {
      // Logout ends every session of this user, on every device.
      await endStaffSessions(tx, a.staffId, now, 'logout');
      await audit(ctx, tx, { action: 'logout', resource: 'session' });
    });
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    reply.header('clear-site-data', '"cache", "storage"');
    return reply.code(204).send();
  });

  r.get('/api/invitations/:token', {
    config: { access: 'public', rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      params: z.strictObject({ token: tokenSchema }),
      response: { 200: z.object({ loginId: z.string(), displayName: z.string(), purpose: z.string() }) },
    },
  }, async (req) => {
    const link = await getCredentialLink(db, tokenId(req.params.token));
    const now = deps.clock().toISOString();
    if (!link || link.used_at || link.expires_at <= now || !link.staff_id || (link.purpose !== 'invite' && link.purpose !== 'reset')) throw new DomainError('gone');
    const staff = await getStaff(db, link.staff_id);
    if (!staff || staff.status === 'disabled') throw new DomainError('gone');
    return { loginId: staff.login_id, displayName: staff.display_name, purpose: link.purpose };
  });

  r.post('/api/invitations/accept', {
    config: { access: 'public', csrfExempt: true, rateLimit: authRateLimit },
    schema: { tags: ['auth'], body: z.strictObject({ token: tokenSchema, password: passwordSchema }), response: { 200: enrolmentResponse } },
  }, async (req, reply) => {
    checkNewPassword(req.body.password);
    const now = deps.clock();
    const link = await getCredentialLink(db, tokenId(req.body.token));
    if (!link || link.used_at || link.expires_at <= now.toISOString() || !link.staff_id) throw new DomainError('gone');
    const staff = await getStaff(db, link.staff_id);
    if (!staff || staff.status === 'disabled') throw new DomainError('gone');
    const hash = await hashPassword(req.body.password);
    const secret = newTotpSecret();
    const ctx = contextOf(deps, req);
    const preAuth = await writeTx(ctx, async (tx) => {
      if (!(await useCredentialLink(tx, link.id, now.toISOString()))) throw new DomainError('gone');
      await updateStaff(tx, staff.id, {
        password_hash: hash, totp_secret: deps.db.secrets.seal(secret, staff.id), totp_enrolled: 0, totp_last_step: null, status: 'active',
        failed_count: 0, first_failed_at: null, locked_until: null, updated_at: now.toISOString(),
      });
      await audit(ctx, tx, { action: `${link.purpose}.accepted`, resource: 'staff', resourceId: staff.id, actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id });
      return startPreAuthSession(ctx, tx, { staffId: staff.id, clinicId: staff.clinic_id });
    });
    setPreAuthCookie(reply, { token: preAuth, maxAgeMinutes: PRE_AUTH_MINUTES });
    return { enrolment: await totpEnrolment(secret, staff.login_id) };
  });
}
