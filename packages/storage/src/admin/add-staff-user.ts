import { DomainError, isRole, type Role } from '@mimamori/core';
import { appendAudit } from '../repos/audit-repo.ts';
import { getClinic, insertClinic, listClinics } from '../repos/clinic-repo.ts';
import type { Db } from '../repos/db.ts';
import { endStaffSessions } from '../repos/session-repo.ts';
import { findStaffByLogin, insertStaff, updateStaff } from '../repos/staff-repo.ts';
import { checkNewPassword, hashPassword } from '../security/passwords.ts';
import { newId, newToken } from '../security/tokens.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { newTotpSecret } from '../security/totp.ts';

export interface NewStaffCredentials {
  readonly staffId: string;
  readonly clinicId: string;
  readonly loginId: string;
  readonly role: Role;
  readonly password: string;
  readonly totpSecret: string;
}

/** A random password of 16 URL-safe characters (~96 bits). */
export function randomPassword(): string {
  return newToken().slice(0, 16);
}

/**
 * Creates an active staff account with a password and an enrolled TOTP secret, for the CLI
 * (`mimamori user add`) and the demo seed. The caller shows the credentials once; only the
 * argon2id hash and the sealed TOTP secret are stored. The account joins `clinicId`, else the first
 * clinic; creates a clinic when the database has none.
 */
export async function addStaffUser(
  db: Db,
  o: { loginId: string; displayName: string; role: string; password?: string; clinicName?: string; clinicId?: string; now: Date; secrets: SecretBox; actor?: string },
): Promise<NewStaffCredentials> {
  if (!isRole(o.role)) throw new DomainError('validation', { message: `unknown role "${o.role}" (admin, doctor, nurse, reception, researcher)` });
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(o.loginId)) throw new DomainError('validation', { message: 'login id must be 3–64 letters, digits, ".", "_" or "-"' });
  const password = o.password ?? randomPassword();
  checkNewPassword(password);
  if (await findStaffByLogin(db, o.loginId)) throw new DomainError('conflict', { message: `login id "${o.loginId}" is already in use` });
  const now = o.now.toISOString();
  if (o.clinicId !== undefined && !(await getClinic(db, o.clinicId))) throw new DomainError('not_found', { message: `no clinic "${o.clinicId}" (npx mimamori clinic list)` });
  let clinicId = o.clinicId ?? (await listClinics(db))[0]?.id;
  if (!clinicId) {
    clinicId = newId();
    await insertClinic(db, { id: clinicId, name: o.clinicName ?? 'クリニック', timeZone: 'Asia/Tokyo', now });
  }
  const staffId = newId();
  const totpSecret = newTotpSecret();
  await insertStaff(db, { id: staffId, clinicId, loginId: o.loginId, displayName: o.displayName, email: null, role: o.role, status: 'active', now });
  await updateStaff(db, staffId, { password_hash: await hashPassword(password), totp_secret: o.secrets.seal(totpSecret, staffId), totp_enrolled: 1, updated_at: now });
  await appendAudit(db, { at: now, clinicId, actorId: null, actorRole: o.actor ?? 'cli', action: 'staff.create', resource: 'staff', resourceId: staffId, outcome: 'success', detail: `role=${o.role}` });
  return { staffId, clinicId, loginId: o.loginId, role: o.role, password, totpSecret };
}

/** `mimamori user reset`: a new random password and TOTP secret; ends the user's sessions. */
export async function resetStaffUser(db: Db, o: { loginId: string; now: Date; secrets: SecretBox }): Promise<NewStaffCredentials> {
  const staff = await findStaffByLogin(db, o.loginId);
  if (!staff || !isRole(staff.role)) throw new DomainError('not_found', { message: `no staff account "${o.loginId}"` });
  const password = randomPassword();
  const totpSecret = newTotpSecret();
  const now = o.now.toISOString();
  await updateStaff(db, staff.id, {
    password_hash: await hashPassword(password), totp_secret: o.secrets.seal(totpSecret, staff.id), totp_enrolled: 1, totp_last_step: null, status: 'active',
    failed_count: 0, first_failed_at: null, locked_until: null, updated_at: now,
  });
  await endStaffSessions(db, staff.id, now, 'reset');
  await appendAudit(db, { at: now, clinicId: staff.clinic_id, actorId: null, actorRole: 'cli', action: 'staff.reset', resource: 'staff', resourceId: staff.id, outcome: 'success' });
  return { staffId: staff.id, clinicId: staff.clinic_id, loginId: staff.login_id, role: staff.role, password, totpSecret };
}
