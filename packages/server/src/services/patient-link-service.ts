import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, hasPermission, type Permission } from '@mimamori/core';
import {
  getClinic, getPatient, getPatientLink, insertPatientLink, insertPatientSession, newId, newToken, revokePatientLinks, tokenId, usePatientLink,
  type Db, type PatientLinkRow,
} from '@mimamori/storage';
import { auditRequest, auditAloneRequest } from '../audit/audit.ts';
import { PATIENT_ABSOLUTE_MINUTES, PATIENT_COOKIE, PATIENT_IDLE_MINUTES } from '../auth/patient-auth.ts';
import { cookieOptions } from '../auth/session-cookie.ts';
import type { AppDeps } from '../context.ts';

export interface IssuedPatientLink {
  readonly token: string;
  readonly url: string;
  readonly expiresAt: string;
}

/**
 * Issues a link that opens exactly one thing for one patient (a questionnaire, the intake, their
 * appointments). Only the token's hash is stored. A new link for the same purpose and resource
 * revokes the older ones. Opening the link (GET) does not use it: only the "continue" POST does, so
 * mail scanners that prefetch links cannot spend it.
 *
 * Questionnaire and intake links live until their completion window closes and may be reopened
 * (to resume on another device) up to `maxUses` times; sign-in links live 10 minutes, once.
 */
export async function issuePatientLink(
  deps: AppDeps,
  db: Db,
  o: { clinicId: string; patientId: string; purpose: string; resourceId: string | null; expiresAt: string; maxUses: number; createdBy: string | null },
): Promise<IssuedPatientLink> {
  const token = newToken();
  const now = deps.clock().toISOString();
  await revokePatientLinks(db, { clinicId: o.clinicId, patientId: o.patientId, purpose: o.purpose, resourceId: o.resourceId, now });
  await insertPatientLink(db, {
    id: tokenId(token), clinic_id: o.clinicId, patient_id: o.patientId, purpose: o.purpose, resource_id: o.resourceId, created_by: o.createdBy,
    created_at: now, expires_at: o.expiresAt, max_uses: o.maxUses, uses: 0, revoked_at: null,
  });
  return { token, url: `${deps.config.publicUrl}/p/l/${token}`, expiresAt: o.expiresAt };
}

/**
 * Whether a staff member may be shown a patient link (its URL or QR code) they issue: only when
 * their role may read what the link opens. Whoever holds a link can open the patient's answers
 * typed so far, so for the others (reception, administrators) the link goes to the patient by
 * mail instead — a link must never be a way round the permission matrix. Break-glass does not
 * count: it opens reads, and issuing a link is a write.
 */
export function staffMaySeeLink(req: FastifyRequest, readPermission: Permission): boolean {
  return hasPermission(req.staff!.role, readPermission);
}

function usable(link: PatientLinkRow | undefined, now: string): boolean {
  return Boolean(link && !link.revoked_at && link.expires_at > now && link.uses < link.max_uses);
}

/** What the "continue" page shows before the link is used. */
export async function describePatientLink(deps: AppDeps, req: FastifyRequest, token: string) {
  const link = await getPatientLink(deps.db.db, tokenId(token));
  if (!link || !usable(link, deps.clock().toISOString())) {
    await auditAloneRequest(deps, req, { action: 'patient_link.invalid', resource: 'patient_link', outcome: 'denied', clinicId: link?.clinic_id ?? null, actorId: null, actorRole: 'patient' });
    throw new DomainError('gone', { key: 'patient_link_invalid' });
  }
  const clinic = await getClinic(deps.db.db, link.clinic_id);
  return { purpose: link.purpose, clinicName: clinic?.name ?? '', expiresAt: link.expires_at };
}

/** Uses the link and opens a patient session (cookie) scoped to its patient, purpose and resource. */
export async function exchangePatientLink(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, token: string) {
  const db = deps.db.db;
  const id = tokenId(token);
  const now = deps.clock();
  const link = await getPatientLink(db, id);
  if (!link || !usable(link, now.toISOString())) {
    await auditAloneRequest(deps, req, { action: 'patient_link.invalid', resource: 'patient_link', outcome: 'denied', clinicId: link?.clinic_id ?? null, actorId: null, actorRole: 'patient' });
    throw new DomainError('gone', { key: 'patient_link_invalid' });
  }
  const sessionToken = newToken();
  const csrf = newToken();
  const expiresAt = new Date(Math.min(now.getTime() + PATIENT_ABSOLUTE_MINUTES * 60_000, Date.parse(link.expires_at))).toISOString();
  await db.transaction().execute(async (tx) => {
    if (!(await usePatientLink(tx, id))) throw new DomainError('gone', { key: 'patient_link_invalid' });
    await insertPatientSession(tx, {
      id: tokenId(sessionToken), clinic_id: link.clinic_id, patient_id: link.patient_id, purpose: link.purpose, resource_id: link.resource_id, link_id: id,
      csrf_token: csrf, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt, ended_at: null,
    });
    await auditRequest(deps, tx, req, {
      action: 'patient_link.used', resource: link.purpose, resourceId: link.resource_id, patientId: link.patient_id, clinicId: link.clinic_id, actorId: null, actorRole: 'patient',
    });
  });
  reply.setCookie(PATIENT_COOKIE, sessionToken, { ...cookieOptions, maxAge: PATIENT_ABSOLUTE_MINUTES * 60 });
  return {
    purpose: link.purpose,
    resourceId: link.resource_id,
    csrfToken: csrf,
    expiresAt,
    idleExpiresAt: new Date(Math.min(now.getTime() + PATIENT_IDLE_MINUTES * 60_000, Date.parse(expiresAt))).toISOString(),
  };
}

/** The patient session's own view: what it may open, and the clinic's name. */
export async function patientSessionView(deps: AppDeps, req: FastifyRequest) {
  const p = req.patient!;
  const [clinic, patient] = await Promise.all([getClinic(deps.db.db, p.clinicId), getPatient(deps.db.db, p.clinicId, p.patientId)]);
  return {
    purpose: p.purpose, resourceId: p.resourceId, csrfToken: p.csrfToken, expiresAt: p.expiresAt, idleExpiresAt: p.idleExpiresAt,
    clinicName: clinic?.name ?? '', patientName: patient?.name_kanji ?? '',
  };
}

/** For patient routes: the session must be for this purpose (and this resource, when given). */
export function requirePatientScope(req: FastifyRequest, purpose: string | ReadonlyArray<string>, resourceId?: string): NonNullable<FastifyRequest['patient']> {
  const p = req.patient;
  const purposes = typeof purpose === 'string' ? [purpose] : purpose;
  if (!p || !purposes.includes(p.purpose) || (resourceId !== undefined && p.resourceId !== resourceId)) throw new DomainError('forbidden');
  return p;
}

export { newId };
