import type { FastifyRequest } from 'fastify';
import { BREAK_GLASS_HOURS, breakGlassAdds, DomainError } from '@mimamori/core';
import {
  activeBreakGlassGrant, endBreakGlassGrants, enqueueMail, getClinic, insertBreakGlassGrant, listBreakGlassGrants, listStaff, newId,
} from '@mimamori/storage';
import { auditRequest } from '../audit/audit.ts';
import type { AppDeps } from '../context.ts';
import { clinicDate } from '../core-imports.ts';
import { sessionBody } from './session-service.ts';
import { writeTx } from './write-tx.ts';

const ROLE_JA: Record<string, string> = { admin: '管理者', doctor: '医師', nurse: '看護師', reception: '受付', researcher: '研究担当' };

function clinicTime(iso: string, zone: string): string {
  const d = new Date(iso);
  const hm = new Intl.DateTimeFormat('ja-JP', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${clinicDate(d.getTime(), zone)} ${hm}`;
}

/**
 * Starts emergency read access for the caller's session: at most `BREAK_GLASS_HOURS` (never past
 * the session's own end), with the reason stored, a `breakglass.start` audit row, and a mail to
 * every active administrator of the clinic who has an address, all in one transaction. The route
 * requires a fresh re-authentication. Returns the session as the staff app sees it.
 */
export async function startBreakGlass(deps: AppDeps, req: FastifyRequest, input: { readonly reason: string }) {
  const a = req.staff!;
  const adds = breakGlassAdds(a.role);
  if (adds.length === 0) throw new DomainError('invalid_state', { key: 'break_glass_not_needed' });
  const now = deps.clock();
  const nowIso = now.toISOString();
  if (!(await activeBreakGlassGrant(deps.db.db, a.sessionId, nowIso))) {
    const limit = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000).toISOString();
    const expiresAt = limit < a.expiresAt ? limit : a.expiresAt;
    const clinic = await getClinic(deps.db.db, a.clinicId);
    const zone = clinic?.timeZone ?? 'Asia/Tokyo';
    await writeTx(deps, async (tx) => {
      const id = newId();
      await insertBreakGlassGrant(tx, { id, clinic_id: a.clinicId, staff_id: a.staffId, session_id: a.sessionId, reason: input.reason, started_at: nowIso, expires_at: expiresAt, ended_at: null });
      await auditRequest(deps, tx, req, { action: 'breakglass.start', resource: 'break_glass', resourceId: id, detail: `adds=${adds.join(' ')}; until=${expiresAt}` });
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
  return sessionBody(deps, a);
}

/** Ends the session's emergency access now. */
export async function endBreakGlass(deps: AppDeps, req: FastifyRequest) {
  const a = req.staff!;
  const now = deps.clock().toISOString();
  await writeTx(deps, async (tx) => {
    const n = await endBreakGlassGrants(tx, a.sessionId, now);
    if (n > 0) await auditRequest(deps, tx, req, { action: 'breakglass.end', resource: 'break_glass' });
  });
  return sessionBody(deps, a);
}

/** The review report: every use, who, why, how long and how many reads. */
export async function breakGlassReport(deps: AppDeps, req: FastifyRequest) {
  const a = req.staff!;
  const rows = await listBreakGlassGrants(deps.db.db, a.clinicId);
  await writeTx(deps, (tx) => auditRequest(deps, tx, req, { action: 'breakglass.review', resource: 'break_glass', detail: `rows=${rows.length}` }));
  return {
    items: rows.map((r) => ({
      id: r.id, staffId: r.staff_id, displayName: r.display_name, loginId: r.login_id, role: r.role, reason: r.reason,
      startedAt: r.started_at, expiresAt: r.expires_at, endedAt: r.ended_at, reads: r.reads,
    })),
  };
}
