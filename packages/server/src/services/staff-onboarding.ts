import { DomainError } from '@mimamori/core';
import {
  checkNewPassword, countClinicStaff, countStaff, createClinic, getClinic, getCredentialLink, getStaff, hashPassword, insertStaff, listClinics, newId, newTotpSecret, tokenId,
  totpEnrolment, updateStaff, useCredentialLink,
} from '@mimamori/storage';
import { audit } from '../audit/audit.ts';
import type { RequestContext } from '../request-context.ts';
import { startPreAuthSession } from './session-service.ts';
import { writeTx } from './write-tx.ts';

/** A new password is set: the TOTP enrolment to show, and the pre-authentication session's token (the route sets its cookie). */
export interface Onboarded {
  readonly enrolment: Awaited<ReturnType<typeof totpEnrolment>>;
  readonly preAuthToken: string;
}

/**
 * First-run setup with the one-time setup link: the clinic (unless one exists) and its first
 * administrator, with password and a TOTP secret to enrol. Refused once any staff account exists.
 */
export async function completeSetup(
  ctx: RequestContext,
  body: { readonly token: string; readonly loginId: string; readonly displayName: string; readonly password: string; readonly clinicName?: string },
): Promise<Onboarded> {
  const { loginId, displayName, password, clinicName } = body;
  checkNewPassword(password);
  const now = ctx.clock();
  const link = await getCredentialLink(ctx.db.db, tokenId(body.token));
  if (!link || link.purpose !== 'setup' || link.used_at || link.expires_at <= now.toISOString()) throw new DomainError('gone');
  const hash = await hashPassword(password);
  const secret = newTotpSecret();
  const preAuthToken = await writeTx(ctx, async (tx) => {
    // A clinic's own link (`mimamori clinic add`) sets up that clinic while it has no staff; the
    // first-run link (no clinic) only while the whole database has none.
    if ((link.clinic_id ? await countClinicStaff(tx, link.clinic_id) : await countStaff(tx)) > 0) throw new DomainError('gone', { key: 'setup_done' });
    if (!(await useCredentialLink(tx, link.id, now.toISOString()))) throw new DomainError('gone');
    const clinicId = link.clinic_id ?? (await listClinics(tx))[0]?.id ?? (await createClinic(tx, { name: clinicName ?? 'クリニック', now, actorRole: 'setup' })).id;
    const staffId = newId();
    await insertStaff(tx, { id: staffId, clinicId, loginId, displayName, email: null, role: 'admin', status: 'active', now: now.toISOString() });
    await updateStaff(tx, staffId, { password_hash: hash, totp_secret: ctx.db.secrets.seal(secret, staffId), updated_at: now.toISOString() });
    await audit(ctx, tx, { action: 'setup.admin_created', resource: 'staff', resourceId: staffId, actorId: staffId, actorRole: 'admin', clinicId });
    return startPreAuthSession(ctx, tx, { staffId, clinicId });
  });
  return { enrolment: await totpEnrolment(secret, loginId), preAuthToken };
}

/**
 * Whether the setup page should show its form. With a clinic's own setup link (`mimamori clinic
 * add`): while that link is valid and the clinic has no staff, with the clinic's name (already
 * chosen, so the form does not ask for it). Otherwise: while the database has no staff at all.
 */
export async function setupStatus(ctx: RequestContext, token: string | undefined): Promise<{ needsSetup: boolean; clinicName?: string }> {
  const db = ctx.db.db;
  if (token) {
    const link = await getCredentialLink(db, tokenId(token));
    if (link?.purpose === 'setup' && link.clinic_id && !link.used_at && link.expires_at > ctx.clock().toISOString()) {
      const clinic = await getClinic(db, link.clinic_id);
      if (clinic) return (await countClinicStaff(db, clinic.id)) === 0 ? { needsSetup: true, clinicName: clinic.name } : { needsSetup: false };
    }
  }
  return { needsSetup: (await countStaff(db)) === 0 };
}

/** What an invitation or reset link is for (before the password is chosen); `gone` when used, expired or disabled. */
export async function describeInvitation(ctx: RequestContext, token: string) {
  const db = ctx.db.db;
  const link = await getCredentialLink(db, tokenId(token));
  const now = ctx.clock().toISOString();
  if (!link || link.used_at || link.expires_at <= now || !link.staff_id || (link.purpose !== 'invite' && link.purpose !== 'reset')) throw new DomainError('gone');
  const staff = await getStaff(db, link.staff_id);
  if (!staff || staff.status === 'disabled') throw new DomainError('gone');
  return { loginId: staff.login_id, displayName: staff.display_name, purpose: link.purpose };
}

/** An invitation or reset link is used: a new password and a new TOTP secret to enrol (the old ones stop working). */
export async function acceptInvitation(ctx: RequestContext, body: { readonly token: string; readonly password: string }): Promise<Onboarded> {
  const db = ctx.db.db;
  checkNewPassword(body.password);
  const now = ctx.clock();
  const link = await getCredentialLink(db, tokenId(body.token));
  if (!link || link.used_at || link.expires_at <= now.toISOString() || !link.staff_id) throw new DomainError('gone');
  const staff = await getStaff(db, link.staff_id);
  if (!staff || staff.status === 'disabled') throw new DomainError('gone');
  const hash = await hashPassword(body.password);
  const secret = newTotpSecret();
  const preAuthToken = await writeTx(ctx, async (tx) => {
    if (!(await useCredentialLink(tx, link.id, now.toISOString()))) throw new DomainError('gone');
    await updateStaff(tx, staff.id, {
      password_hash: hash, totp_secret: ctx.db.secrets.seal(secret, staff.id), totp_enrolled: 0, totp_last_step: null, status: 'active',
      failed_count: 0, first_failed_at: null, locked_until: null, updated_at: now.toISOString(),
    });
    await audit(ctx, tx, { action: `${link.purpose}.accepted`, resource: 'staff', resourceId: staff.id, actorId: staff.id, actorRole: staff.role, clinicId: staff.clinic_id });
    return startPreAuthSession(ctx, tx, { staffId: staff.id, clinicId: staff.clinic_id });
  });
  return { enrolment: await totpEnrolment(secret, staff.login_id), preAuthToken };
}
