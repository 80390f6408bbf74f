import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission, isEmergencyRead, isRole } from '@mimamori/core';
import { activeBreakGlassGrant, endPatientSession, endSession, getPatientSession, getStaffSession, touchPatientSession, touchSession } from '@mimamori/storage';
import { auditAlone } from '../audit/audit.ts';
import type { AppDeps } from '../context.ts';
import { contextOf } from '../request-context.ts';
import { sendError } from '../http/error-handler.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
import type { StaffAuth } from './staff-auth.ts';
import { PATIENT_ABSOLUTE_MINUTES, PATIENT_COOKIE, PATIENT_IDLE_MINUTES, type PatientAuth } from './patient-auth.ts';
import { safeEqual, tokenId } from '@mimamori/storage';
import './route-access.ts';
import { authenticatedRecently } from './require-recent-auth.ts';
import { sameOrigin } from './same-origin.ts';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffAuth | null;
    patient: PatientAuth | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_EVERY_MS = 15_000;

/** Loads the staff session (idle and absolute limits), enforces route access and CSRF. */
export function installAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('staff', null);
  app.decorateRequest('patient', null);

  // Patient-link sessions: 15 min idle, 2 h in all, one patient and one purpose.
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[PATIENT_COOKIE];
    if (!token || !req.url.startsWith('/api/p/')) return;
    const id = tokenId(token);
    const s = await getPatientSession(deps.db.db, id);
    if (!s || s.ended_at) return;
    const now = deps.clock();
    const idleLimit = new Date(s.last_seen_at).getTime() + PATIENT_IDLE_MINUTES * 60_000;
    const absLimit = Math.min(new Date(s.expires_at).getTime(), new Date(s.created_at).getTime() + PATIENT_ABSOLUTE_MINUTES * 60_000);
    if (now.getTime() >= idleLimit || now.getTime() >= absLimit) {
      await endPatientSession(deps.db.db, id, now.toISOString());
      return;
    }
    let lastSeen = s.last_seen_at;
    if (now.getTime() - new Date(s.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      lastSeen = now.toISOString();
      await touchPatientSession(deps.db.db, id, lastSeen);
    }
    req.patient = {
      sessionId: id, clinicId: s.clinic_id, patientId: s.patient_id, purpose: s.purpose, resourceId: s.resource_id, csrfToken: s.csrf_token,
      expiresAt: new Date(absLimit).toISOString(),
      idleExpiresAt: new Date(Math.min(new Date(lastSeen).getTime() + PATIENT_IDLE_MINUTES * 60_000, absLimit)).toISOString(),
    };
  });

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = tokenId(token);
    const s = await getStaffSession(deps.db.db, id);
    if (!s || s.kind !== 'staff' || s.ended_at) return;
    const now = deps.clock();
    const idleLimit = new Date(s.last_seen_at).getTime() + deps.config.idleMinutes * 60_000;
    const absLimit = new Date(s.expires_at).getTime();
    if (now.getTime() >= idleLimit || now.getTime() >= absLimit) {
      const reason = now.getTime() >= absLimit ? 'absolute_timeout' : 'idle_timeout';
      await endSession(deps.db.db, id, now.toISOString(), reason);
      await auditAlone(contextOf(deps, req), { action: `session.${reason}`, resource: 'session', actorId: s.staff_id, clinicId: s.clinic_id, actorRole: null });
      return;
    }
    const role = s.staff_role;
    if (s.staff_status !== 'active' || !isRole(role)) return;
    // The session-status endpoint must not count as activity, or the idle warning would never expire.
    const passive = req.url.startsWith('/api/auth/session') && req.headers['x-passive'] === '1';
    let lastSeen = s.last_seen_at;
    if (!passive && now.getTime() - new Date(s.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      lastSeen = now.toISOString();
      await touchSession(deps.db.db, id, lastSeen);
    }
    req.staff = {
      sessionId: id,
      staffId: s.staff_id,
      clinicId: s.staff_clinic_id,
      role,
      loginId: s.staff_login_id,
      displayName: s.staff_display_name,
      csrfToken: s.csrf_token,
      createdAt: s.created_at,
      lastSeenAt: lastSeen,
      expiresAt: s.expires_at,
    };
  });

  // Access is checked before the body is parsed or validated: no session → 401, whatever was sent.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const access = req.routeOptions.config.access;
    const url = req.routeOptions.url;
    // The browsable API docs describe the open-source API only; they hold no data.
    if (!url?.startsWith('/api/') || url.startsWith('/api/docs')) return;
    if (access === undefined) return sendError(reply, req, 'forbidden');
    // Cross-site requests are refused outright: a browser always sends Origin on state-changing fetches.
    if (STATE_CHANGING.has(req.method)) {
      const origin = req.headers.origin;
      if (origin && !sameOrigin(origin, req, deps.config.publicUrl)) {
        await auditAlone(contextOf(deps, req), { action: 'csrf.rejected', resource: 'request', outcome: 'denied', detail: 'origin' });
        return sendError(reply, req, 'csrf');
      }
    }
    // Staff who can issue a patient link must never act as the patient: a browser holding a staff
    // session can neither open a patient session nor use one (it would show the patient's answers).
    if (req.staff && ((access === 'patient' && req.patient) || req.routeOptions.config.opensPatientSession)) {
      await auditAlone(contextOf(deps, req), { action: 'patient_link.staff_refused', resource: 'patient_link', outcome: 'denied', detail: `${req.method} ${url}` });
      return sendError(reply, req, 'forbidden', { key: 'staff_cannot_act_as_patient' });
    }
    if (access === 'public') return;
    if (access === 'patient') {
      if (!req.patient) return sendError(reply, req, 'unauthenticated', { key: 'patient_link_needed' });
      if (STATE_CHANGING.has(req.method) && !req.routeOptions.config.csrfExempt) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, req.patient.csrfToken)) return sendError(reply, req, 'csrf');
      }
      return;
    }
    if (!req.staff) return sendError(reply, req, 'unauthenticated');
    if (STATE_CHANGING.has(req.method) && !req.routeOptions.config.csrfExempt) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.staff.csrfToken)) {
        await auditAlone(contextOf(deps, req), { action: 'csrf.rejected', resource: 'request', outcome: 'denied', detail: 'token' });
        return sendError(reply, req, 'csrf');
      }
    }
    if (access !== 'authenticated' && !hasPermission(req.staff.role, access)) {
      // Break-glass: an emergency grant of this session opens clinical reads (never writes), each one audited.
      const grant = req.method === 'GET' && isEmergencyRead(access) ? await activeBreakGlassGrant(deps.db.db, req.staff.sessionId, deps.clock().toISOString()) : undefined;
      if (!grant) {
        await auditAlone(contextOf(deps, req), { action: 'access.denied', resource: 'route', resourceId: `${req.method} ${req.routeOptions.url}`, outcome: 'denied' });
        return sendError(reply, req, 'forbidden');
      }
      const patientId = req.routeOptions.url?.startsWith('/api/patients/:id') ? ((req.params as { id?: string }).id ?? null) : null;
      await auditAlone(contextOf(deps, req), { action: 'breakglass.access', resource: 'break_glass', resourceId: grant.id, patientId, detail: `${req.method} ${req.routeOptions.url}` });
    }
    if (req.routeOptions.config.recentAuth && !authenticatedRecently(req.staff.createdAt, deps.clock(), deps.config.reauthSeconds)) {
      return sendError(reply, req, 'reauth_required', { extra: { reauthSeconds: deps.config.reauthSeconds } });
    }
  });
}
