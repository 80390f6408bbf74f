import type { IssuedLineLinkCode } from './line-views.ts';
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@mimamori/core';
import { LINK_CODE_MINUTES, linkCodeFrom } from '@mimamori/core/line/index';
import { getPatient, insertLineLinkCode, newId } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { actorClinicId, type RequestContext } from '../../request-context.ts';
import { qrSvgDataUrl } from '../qr-svg-data-url.ts';
import { writeTx } from '../write-tx.ts';
import { loadLineChannel } from './line-channel-service.ts';


/** The stored form of a link code (its SHA-256), so a copy of the database cannot link anyone. */
export function linkCodeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/**
 * Issues a one-time code that binds the LINE account that sends it to this patient (to their
 * guardian's LINE when `asGuardian`). Valid 15 minutes (`LINK_CODE_MINUTES`), once; only its hash is stored.
 */
export async function issueLineLinkCode(ctx: RequestContext, input: { patientId: string; asGuardian: boolean }): Promise<IssuedLineLinkCode> {
  const clinicId = actorClinicId(ctx);
  if (ctx.actor.kind === 'patient' && ctx.actor.patientId !== input.patientId) throw new DomainError('forbidden');
  const ch = await loadLineChannel(ctx, ctx.db.db, clinicId);
  if (!ch || !ch.enabled || !ch.botBasicId) throw new DomainError('invalid_state', { key: 'line_not_ready' });
  const basicId = ch.botBasicId;
  const code = linkCodeFrom(randomBytes(8));
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000).toISOString();
  await writeTx(ctx, async (tx) => {
    const patient = await getPatient(tx, clinicId, input.patientId);
    if (!patient) throw new DomainError('not_found');
    await insertLineLinkCode(tx, {
      id: newId(), clinic_id: clinicId, patient_id: input.patientId, code_hash: linkCodeHash(code), as_guardian: input.asGuardian ? 1 : 0,
      expires_at: expiresAt, used_at: null, created_at: now.toISOString(), created_by: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
    });
    await audit(ctx, tx, { action: 'line.link_code', resource: 'line_link', patientId: input.patientId, detail: input.asGuardian ? 'guardian' : 'patient' });
  });
  const messageUrl = `https://line.me/R/oaMessage/${encodeURIComponent(basicId)}/?${encodeURIComponent(code)}`;
  return { code, expiresAt, messageUrl, addFriendUrl: `https://line.me/R/ti/p/${encodeURIComponent(basicId)}`, botBasicId: basicId, qrDataUrl: await qrSvgDataUrl(messageUrl) };
}
