import { BREAK_GLASS_HOURS, breakGlassAdds, DomainError } from '@mimamori/core';
import {
  activeBreakGlassGrant, endBreakGlassGrants, enqueueMail, getClinic, insertBreakGlassGrant, listBreakGlassGrants, listStaff, markBreakGlassReviewed, newId,
} from '@mimamori/storage';
import { audit } from '../audit/audit.ts';
import type { StaffAuth } from '../auth/staff-auth.ts';
import { requireStaff, type RequestContext } from '../request-context.ts';
import { clinicDate } from '../core-imports.ts';
import { sessionBody } from './session-service.ts';
import { writeTx } from './write-tx.ts';

const ROLE_JA: Record<string, string> = { admin: '管理者', doctor: '医師', nurse: '看護師', reception: '受付', researcher: '研究担当' };

function clinicTime(iso: string, zone: string): string {
  const d = new Date(iso);
  const hm = new Intl.DateTimeFormat('ja-JP', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${clinicDate(d.getTime(), zone)} ${hm}`;
}

/** The caller's own session: the one the context's staff member signed in with. */
function ownSession(ctx: RequestContext, session: StaffAuth): StaffAuth {
  if (requireStaff(ctx).staffId !== session.staffId) throw new DomainError('forbidden');
  return session;
}

/**
 * Starts emergency read access for the caller's session: at most `BREAK_GLASS_HOURS` (never past
 * the session's own end), with the reason stored, a `breakglass.start` audit row, and a mail to
 * every active administrator of the clinic who has an address, all in one transaction. The route
 * requires a fresh re-authentication. `session` is the caller's own session (the route's
 * `staffSessionOf`). Returns the session as the staff app sees it.
 */
export async function startBreakGlass(ctx: RequestContext, input: { readonly reason: string; readonly session: StaffAuth }) {
  const a = ownSession(ctx, input.session);
  const adds = breakGlassAdds(a.role);
  if (adds.length === 0) throw new DomainError('invalid_state', { key: 'break_glass_not_needed' });
  const now = ctx.clock();
  const nowIso = now.toISOString();
  if (!(await activeBreakGlassGrant(ctx.db.db, a.sessionId, nowIso))) {
    const limit = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000).toISOString();
    const expiresAt = limit < a.expiresAt ? limit : a.expiresAt;
    const clinic = await getClinic(ctx.db.db, a.clinicId);
    const zone = clinic?.timeZone ?? 'Asia/Tokyo';
    await writeTx(ctx, async (tx) => {
      const id = newId();
      await insertBreakGlassGrant(tx, { id, clinic_id: a.clinicId, staff_id: a.staffId, session_id: a.sessionId, reason: input.reason, started_at: nowIso, expires_at: expiresAt, ended_at: null });
      await audit(ctx, tx, { action: 'breakglass.start', resource: 'break_glass', resourceId: id, detail: `adds=${adds.join(' ')}; until=${expiresAt}` });
      const admins = (await listStaff(tx, a.clinicId)).filter((s) => s.role === 'admin' && s.status === 'active' && s.email);
      for (const admin of admins) {
        await enqueueMail(tx, {
          id: newId(),
          clinicId: a.clinicId,
          patientId: null,
          kind: 'break_glass',
          to: admin.email!,
          subject: `緊急アクセス（ブレークグラス）が使われました（${clinic?.name ?? ''}）`,
          text: [
            `${a.displayName}（${ROLE_JA[a.role] ?? a.role}、${a.loginId}）が緊急アクセスを開始しました。`,
            `開始: ${clinicTime(nowIso, zone)}　終了予定: ${clinicTime(expiresAt, zone)}`,
            `理由: ${input.reason}`,
            '',
            'この間の閲覧はすべて監査ログ（breakglass.access）に記録されます。スタッフ管理の「緊急アクセスの記録」で確認してください。',
            '',
            `${a.displayName} (${a.role}, ${a.loginId}) started emergency (break-glass) access until ${expiresAt}. Every read is in the audit log (breakglass.access); review it under Staff → Emergency access.`,
          ].join('\n'),
          dedupeKey: `break-glass:${id}:${admin.id}`,
          notBefore: nowIso,
          now: nowIso,
        });
      }
    });
  }
  return sessionBody(ctx, a);
}

/** Ends the session's emergency access now. */
export async function endBreakGlass(ctx: RequestContext, input: { readonly session: StaffAuth }) {
  const a = ownSession(ctx, input.session);
  const now = ctx.clock().toISOString();
  await writeTx(ctx, async (tx) => {
    const n = await endBreakGlassGrants(tx, a.sessionId, now);
    if (n > 0) await audit(ctx, tx, { action: 'breakglass.end', resource: 'break_glass' });
  });
  return sessionBody(ctx, a);
}

/**
 * The review report: every use, who, why, how long, how many reads, and whether an administrator
 * has reviewed it. Listing it is not a review (no audit row): {@link reviewBreakGlass} is.
 */
export async function breakGlassReport(ctx: RequestContext) {
  const a = requireStaff(ctx);
  const rows = await listBreakGlassGrants(ctx.db.db, a.clinicId);
  return {
    items: rows.map((r) => ({
      id: r.id, staffId: r.staff_id, displayName: r.display_name, loginId: r.login_id, role: r.role, reason: r.reason,
      startedAt: r.started_at, expiresAt: r.expires_at, endedAt: r.ended_at, reads: r.reads, reviewedAt: r.reviewed_at, reviewedBy: r.reviewer_name ?? null,
    })),
  };
}

/**
 * An administrator reviewed one emergency use (its reason and the reads it covered in the audit
 * log): marked once, with a `breakglass.review` audit row naming it. Another clinic's use is
 * `not_found`; reviewing it again changes nothing and writes no row.
 */
export async function reviewBreakGlass(ctx: RequestContext, id: string) {
  const a = requireStaff(ctx);
  await writeTx(ctx, async (tx) => {
    const marked = await markBreakGlassReviewed(tx, { clinicId: a.clinicId, id, by: a.staffId, now: ctx.clock().toISOString() });
    if (marked === undefined) throw new DomainError('not_found');
    if (marked) await audit(ctx, tx, { action: 'breakglass.review', resource: 'break_glass', resourceId: id });
  });
  return breakGlassReport(ctx);
}
