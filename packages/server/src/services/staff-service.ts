import { DomainError, type Role } from '@mimamori/core';
import {
  appendExportSignature, endStaffSessions, findStaffByLogin, getClinicStaff, insertCredentialLink, insertStaff, listStaff, updateStaff, voidStaffLinks,
  type Db, type StaffRow,
} from '@mimamori/storage';
import { csvDocument, csvLine } from '@mimamori/reports';
import { audit } from '../audit/audit.ts';
import { newId, newToken, tokenId } from '@mimamori/storage';
import type { AppDeps } from '../context.ts';
import { requireStaff, type RequestContext } from '../request-context.ts';
import { writeTx } from './write-tx.ts';

const LINK_HOURS = 24;

export function staffView(s: StaffRow) {
  const status = s.status === 'disabled' ? 'disabled' : s.totp_enrolled === 1 && s.password_hash ? 'active' : 'invited';
  return {
    id: s.id, loginId: s.login_id, displayName: s.display_name, role: s.role, email: s.email, status,
    totpEnrolled: s.totp_enrolled === 1, lastLoginAt: s.last_login_at, createdAt: s.created_at,
  };
}

/** A one-time link (invitation or reset) valid for 24 h; only its hash is stored. */
export async function issueCredentialLink(deps: AppDeps, db: Db, o: { purpose: 'invite' | 'reset' | 'setup'; clinicId: string | null; staffId: string | null; createdBy: string | null }) {
  const token = newToken();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + LINK_HOURS * 3600_000).toISOString();
  await insertCredentialLink(db, { id: tokenId(token), purpose: o.purpose, clinic_id: o.clinicId, staff_id: o.staffId, created_by: o.createdBy, created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
  const path = o.purpose === 'setup' ? 'setup' : 'invite';
  return { url: `${deps.config.publicUrl}/${path}?token=${token}`, token, expiresAt };
}

export async function inviteStaff(ctx: RequestContext, input: { loginId: string; displayName: string; role: Role; email?: string | null }) {
  const a = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    if (await findStaffByLogin(tx, input.loginId)) throw new DomainError('conflict', { key: 'login_id_taken', issues: [{ path: 'loginId', key: 'login_id_taken' }] });
    const id = newId();
    const now = ctx.clock().toISOString();
    await insertStaff(tx, { id, clinicId: a.clinicId, loginId: input.loginId, displayName: input.displayName, email: input.email ?? null, role: input.role, status: 'active', now });
    const link = await issueCredentialLink(ctx, tx, { purpose: 'invite', clinicId: a.clinicId, staffId: id, createdBy: a.staffId });
    await audit(ctx, tx, { action: 'staff.invite', resource: 'staff', resourceId: id, detail: `role=${input.role}` });
    const row = (await getClinicStaff(tx, a.clinicId, id))!;
    return { staff: staffView(row), link: { url: link.url, expiresAt: link.expiresAt } };
  });
}

async function loadTarget(tx: Db, o: { readonly clinicId: string; readonly id: string }): Promise<StaffRow> {
  const s = await getClinicStaff(tx, o.clinicId, o.id);
  if (!s) throw new DomainError('not_found');
  return s;
}

export async function setStaffDisabled(ctx: RequestContext, id: string, disabled: boolean) {
  const a = requireStaff(ctx);
  if (disabled && id === a.staffId) throw new DomainError('invalid_state', { key: 'cannot_disable_self' });
  return writeTx(ctx, async (tx) => {
    await loadTarget(tx, { clinicId: a.clinicId, id });
    const now = ctx.clock().toISOString();
    await updateStaff(tx, id, { status: disabled ? 'disabled' : 'active', updated_at: now, failed_count: 0, locked_until: null });
    if (disabled) {
      // Disabling ends every session and voids any open invitation or reset link at once.
      await endStaffSessions(tx, id, now, 'disabled');
      await voidStaffLinks(tx, id, now);
    }
    await audit(ctx, tx, { action: disabled ? 'staff.disable' : 'staff.enable', resource: 'staff', resourceId: id });
    return { staff: staffView((await getClinicStaff(tx, a.clinicId, id))!) };
  });
}

/** Clears password and TOTP, ends sessions, and issues a one-time link to set both again. */
export async function resetStaff(ctx: RequestContext, id: string) {
  const a = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const target = await loadTarget(tx, { clinicId: a.clinicId, id });
    if (target.status === 'disabled') throw new DomainError('invalid_state');
    const now = ctx.clock().toISOString();
    await updateStaff(tx, id, { password_hash: null, totp_secret: null, totp_enrolled: 0, totp_last_step: null, failed_count: 0, locked_until: null, updated_at: now });
    await endStaffSessions(tx, id, now, 'reset');
    await voidStaffLinks(tx, id, now);
    const link = await issueCredentialLink(ctx, tx, { purpose: 'reset', clinicId: a.clinicId, staffId: id, createdBy: a.staffId });
    await audit(ctx, tx, { action: 'staff.reset', resource: 'staff', resourceId: id });
    return { link: { url: link.url, expiresAt: link.expiresAt } };
  });
}

export async function editStaff(ctx: RequestContext, id: string, patch: { displayName?: string; role?: Role; email?: string | null }) {
  const a = requireStaff(ctx);
  if (patch.role !== undefined && id === a.staffId) throw new DomainError('forbidden', { key: 'cannot_change_own_role' });
  return writeTx(ctx, async (tx) => {
    const target = await loadTarget(tx, { clinicId: a.clinicId, id });
    const now = ctx.clock().toISOString();
    await updateStaff(tx, id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      updated_at: now,
    });
    if (patch.role !== undefined && patch.role !== target.role) {
      // A role change takes effect now: the person signs in again under the new role.
      await endStaffSessions(tx, id, now, 'role_changed');
      await audit(ctx, tx, { action: 'staff.role_change', resource: 'staff', resourceId: id, detail: `${target.role}->${patch.role}` });
    } else {
      await audit(ctx, tx, { action: 'staff.update', resource: 'staff', resourceId: id });
    }
    return { staff: staffView((await getClinicStaff(tx, a.clinicId, id))!) };
  });
}

export async function staffList(ctx: RequestContext) {
  const rows = await listStaff(ctx.db.db, requireStaff(ctx).clinicId);
  return { items: rows.map(staffView) };
}

/**
 * The account review (security checklist B6): every account with its role, state, MFA, last
 * sign-in, days since, and break-glass uses in the last 31 days, as a signed CSV for the monthly
 * 棚卸し. Accounts unused for 90 days are disabled by `disable-idle-staff.ts`.
 */
export async function staffReviewCsv(ctx: RequestContext): Promise<string> {
  const a = requireStaff(ctx);
  const now = ctx.clock();
  const since = new Date(now.getTime() - 31 * 86_400_000).toISOString();
  const rows = await listStaff(ctx.db.db, a.clinicId);
  const uses = await ctx.db.db
    .selectFrom('break_glass_grants')
    .select(['staff_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('clinic_id', '=', a.clinicId)
    .where('started_at', '>=', since)
    .groupBy('staff_id')
    .execute();
  const usesBy = new Map(uses.map((u) => [u.staff_id, Number(u.n)]));
  const lines = [
    csvLine(['login_id', 'display_name', 'role', 'status', 'mfa_enrolled', 'last_login_at', 'days_since_last_login', 'created_at', 'break_glass_uses_31_days']),
    ...rows.map((s) => {
      const v = staffView(s);
      const days = s.last_login_at ? Math.floor((now.getTime() - Date.parse(s.last_login_at)) / 86_400_000) : null;
      return csvLine([v.loginId, v.displayName, v.role, v.status, v.totpEnrolled ? 'yes' : 'no', v.lastLoginAt, days === null ? null : String(days), v.createdAt, String(usesBy.get(s.id) ?? 0)]);
    }),
    csvLine([`# account review of ${now.toISOString()}; accounts unused for 90 days are disabled automatically`]),
  ];
  await writeTx(ctx, (tx) => audit(ctx, tx, { action: 'staff.review_export', resource: 'staff', detail: `rows=${rows.length}` }));
  return appendExportSignature(ctx.db.secrets.key, csvDocument(lines));
}
