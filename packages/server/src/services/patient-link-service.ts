import { DomainError, hasPermission, type Permission } from '@mimamori/core';
import {
  getClinic, getPatient, getPatientLink, insertPatientLink, insertPatientSession, newId, newToken, revokePatientLinks, tokenId, usePatientLink,
  type Db, type PatientLinkRow,
} from '@mimamori/storage';
import { audit, auditAlone } from '../audit/audit.ts';
import { PATIENT_ABSOLUTE_MINUTES, PATIENT_IDLE_MINUTES, type PatientAuth } from '../auth/patient-auth.ts';
import type { AppDeps } from '../context.ts';
import { requirePatient, requireStaff, type PatientActor, type RequestContext } from '../request-context.ts';
import { writeTx } from './write-tx.ts';

/** A patient session just opened: the token the route sets as the patient cookie, and the body it answers. */
export interface OpenedPatientSession {
  readonly sessionToken: string;
  readonly body: {
    readonly purpose: string;
    readonly resourceId: string | null;
    readonly csrfToken: string;
    readonly expiresAt: string;
    readonly idleExpiresAt: string;
  };
}

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
export function staffMaySeeLink(ctx: RequestContext, readPermission: Permission): boolean {
  return hasPermission(requireStaff(ctx).role, readPermission);
}

function usable(link: PatientLinkRow | undefined, now: string): boolean {
  return Boolean(link && !link.revoked_at && link.expires_at > now && link.uses < link.max_uses);
}

/** What the "continue" page shows before the link is used. */
export async function describePatientLink(ctx: RequestContext, token: string) {
  const link = await getPatientLink(ctx.db.db, tokenId(token));
  if (!link || !usable(link, ctx.clock().toISOString())) {
    await auditAlone(ctx, { action: 'patient_link.invalid', resource: 'patient_link', outcome: 'denied', clinicId: link?.clinic_id ?? null, actorId: null, actorRole: 'patient' });
    throw new DomainError('gone', { key: 'patient_link_invalid' });
  }
  const clinic = await getClinic(ctx.db.db, link.clinic_id);
  return { purpose: link.purpose, clinicName: clinic?.name ?? '', expiresAt: link.expires_at };
}

/**
 * Uses the link and opens a patient session scoped to its patient, purpose and resource; the route
 * sets the returned token as the patient cookie.
 */
export async function exchangePatientLink(ctx: RequestContext, token: string): Promise<OpenedPatientSession> {
  const db = ctx.db.db;
  const id = tokenId(token);
  const now = ctx.clock();
  const link = await getPatientLink(db, id);
  if (!link || !usable(link, now.toISOString())) {
    await auditAlone(ctx, { action: 'patient_link.invalid', resource: 'patient_link', outcome: 'denied', clinicId: link?.clinic_id ?? null, actorId: null, actorRole: 'patient' });
    throw new DomainError('gone', { key: 'patient_link_invalid' });
  }
  const sessionToken = newToken();
  const csrf = newToken();
  const expiresAt = new Date(Math.min(now.getTime() + PATIENT_ABSOLUTE_MINUTES * 60_000, Date.parse(link.expires_at))).toISOString();
  await writeTx(ctx, async (tx) => {
    if (!(await usePatientLink(tx, id))) throw new DomainError('gone', { key: 'patient_link_invalid' });
    await insertPatientSession(tx, {
      id: tokenId(sessionToken), clinic_id: link.clinic_id, patient_id: link.patient_id, purpose: link.purpose, resource_id: link.resource_id, link_id: id,
      csrf_token: csrf, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt, ended_at: null,
    });
    await audit(ctx, tx, {
      action: 'patient_link.used', resource: link.purpose, resourceId: link.resource_id, patientId: link.patient_id, clinicId: link.clinic_id, actorId: null, actorRole: 'patient',
    });
  });
  return {
    sessionToken,
    body: {
      purpose: link.purpose,
      resourceId: link.resource_id,
      csrfToken: csrf,
      expiresAt,
      idleExpiresAt: new Date(Math.min(now.getTime() + PATIENT_IDLE_MINUTES * 60_000, Date.parse(expiresAt))).toISOString(),
    },
  };
}

/** The patient session's own view: what it may open, and the clinic's name. */
export async function patientSessionView(ctx: RequestContext, session: PatientAuth) {
  const p = session;
  const [clinic, patient] = await Promise.all([getClinic(ctx.db.db, p.clinicId), getPatient(ctx.db.db, p.clinicId, p.patientId)]);
  return {
    purpose: p.purpose, resourceId: p.resourceId, csrfToken: p.csrfToken, expiresAt: p.expiresAt, idleExpiresAt: p.idleExpiresAt,
    clinicName: clinic?.name ?? '', patientName: patient?.name_kanji ?? '',
  };
}

/** For patient routes: the session must be for this purpose (and this resource, when given), else `forbidden`. */
export function requirePatientScope(ctx: RequestContext, purpose: string | ReadonlyArray<string>, resourceId?: string): PatientActor {
  const p = requirePatient(ctx);
  const purposes = typeof purpose === 'string' ? [purpose] : purpose;
  if (!purposes.includes(p.purpose) || (resourceId !== undefined && p.resourceId !== resourceId)) throw new DomainError('forbidden');
  return p;
}

export { newId };
