import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { DomainError, formatPatientNumber } from '@mimamori/core';
import {
  countLoginCodeAttempt, countRecentLoginCodes, enqueueMail, findPatientByNumber, getClinic, getLoginCode, getPatient, insertLoginCode,
  insertPatientSession, listClinics, newId, newToken, tokenId,
} from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { PATIENT_ABSOLUTE_MINUTES, PATIENT_IDLE_MINUTES } from '../../auth/patient-auth.ts';
import type { AppDeps } from '../../context.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { issuePatientLink, type OpenedPatientSession } from '../patient-link-service.ts';
import { writeTx } from '../write-tx.ts';
import { APPOINTMENTS_PURPOSE } from './scheduling-context.ts';

export { APPOINTMENTS_PURPOSE } from './scheduling-context.ts';

const LINK_DAYS = 7;
const LINK_MAX_USES = 20;
const CODE_MINUTES = 10;
const CODE_MAX_TRIES = 5;
/** At most this many codes mailed to one patient in CODE_MINUTES (on top of the per-address rate limit). */
const CODES_PER_WINDOW = 3;

/**
 * A link to the patient's appointment pages (purpose `appointments`, no resource): mailed to the
 * patient when asked, and returned so staff can paste it into LINE or SMS.
 */
export async function issueAppointmentsLink(ctx: RequestContext, body: { patientId: string; sendEmail: boolean }) {
  const actor = requireStaff(ctx);
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 86_400_000).toISOString();
  return writeTx(ctx, async (tx) => {
    const patient = await getPatient(tx, actor.clinicId, body.patientId);
    if (!patient) throw new DomainError('not_found');
    const clinic = await getClinic(tx, actor.clinicId);
    const link = await issuePatientLink(ctx, tx, {
      clinicId: actor.clinicId, patientId: patient.id, purpose: APPOINTMENTS_PURPOSE, resourceId: null, expiresAt, maxUses: LINK_MAX_USES, createdBy: actor.staffId,
    });
    let emailed = false;
    if (body.sendEmail && patient.email) {
      emailed = await enqueueMail(tx, {
        id: newId(), clinicId: actor.clinicId, patientId: patient.id, kind: 'appointments_link', to: patient.email,
        subject: `ご予約の確認・変更（${clinic?.name ?? ''}）`,
        text: [`${patient.name_kanji} 様`, '', 'ご予約の確認・変更・キャンセルは、次のリンクから行えます。', link.url, '', `有効期限: ${expiresAt.slice(0, 10)}`, '', clinic?.name ?? ''].join('\n'),
        dedupeKey: `appointments-link:${tokenId(link.token)}`,
        notBefore: now.toISOString(), now: now.toISOString(),
      });
    }
    await audit(ctx, tx, { action: 'patient_link.issue', resource: APPOINTMENTS_PURPOSE, patientId: patient.id, clinicId: actor.clinicId, detail: emailed ? 'emailed' : 'copied' });
    return { url: link.url, expiresAt: link.expiresAt, emailed };
  });
}

function codeHash(challengeId: string, code: string): string {
  return createHash('sha256').update(`${challengeId}:${code}`).digest('hex');
}

function normaliseNumber(raw: string): string {
  const s = raw.normalize('NFKC').trim();
  return /^\d{1,6}$/.test(s) ? formatPatientNumber(Number(s)) : s;
}

async function resolveClinic(deps: AppDeps, clinicId: string | undefined): Promise<string | undefined> {
  if (clinicId) return (await getClinic(deps.db.db, clinicId))?.id;
  const all = await listClinics(deps.db.db);
  return all.length === 1 ? all[0]!.id : undefined;
}

/**
 * Step 1 of the code sign-in. Always answers the same way (a challenge id and its expiry), whether
 * or not the number and birth date match a patient with an email; a code is mailed only when they do.
 */
export async function requestSignInCode(ctx: RequestContext, body: { patientNumber: string; birthDate: string; clinicId?: string }) {
  const now = ctx.clock();
  const challengeId = newToken();
  const id = tokenId(challengeId);
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
  const clinicId = await resolveClinic(ctx, body.clinicId);
  const patient = clinicId ? await findPatientByNumber(ctx.db.db, clinicId, normaliseNumber(body.patientNumber)) : undefined;
  const matches = Boolean(patient && patient.birth_date === body.birthDate && patient.email);
  if (patient && clinicId && matches) {
    const since = new Date(now.getTime() - CODE_MINUTES * 60_000).toISOString();
    if ((await countRecentLoginCodes(ctx.db.db, clinicId, patient.id, since)) < CODES_PER_WINDOW) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const clinic = await getClinic(ctx.db.db, clinicId);
      await writeTx(ctx, async (tx) => {
        await insertLoginCode(tx, { id, clinic_id: clinicId, patient_id: patient.id, code_hash: codeHash(challengeId, code), created_at: now.toISOString(), expires_at: expiresAt, attempts: 0, used_at: null });
        await enqueueMail(tx, {
          id: newId(), clinicId, patientId: patient.id, kind: 'sign_in_code', to: patient.email!,
          subject: `確認コード（${clinic?.name ?? ''}）`,
          text: [`確認コード: ${code}`, '', `${CODE_MINUTES}分以内に入力してください。お心当たりのない場合は、このメールを破棄してください。`, '', clinic?.name ?? '', '', `Your code: ${code} (valid ${CODE_MINUTES} minutes)`].join('\n'),
          dedupeKey: `sign-in-code:${id}`,
          notBefore: now.toISOString(), now: now.toISOString(),
        });
        await audit(ctx, tx, { action: 'patient_code.issue', resource: APPOINTMENTS_PURPOSE, patientId: patient.id, clinicId, actorId: null, actorRole: 'patient' });
      });
      return { challengeId, expiresAt };
    }
  }
  await auditAlone(ctx, {
    action: 'patient_code.request', resource: APPOINTMENTS_PURPOSE, outcome: 'denied', clinicId: clinicId ?? null, actorId: null, actorRole: 'patient',
    detail: matches ? 'too_many_codes' : 'no_match',
  });
  return { challengeId, expiresAt };
}

function codeInvalid(): DomainError {
  return new DomainError('unauthenticated', { key: 'booking.code_invalid' });
}

/**
 * Step 2: the code opens a patient session for `appointments` (15 min idle, 2 h at most). Returns
 * the session's token for the route to set as the patient cookie, and the body it answers.
 */
export async function verifySignInCode(ctx: RequestContext, body: { challengeId: string; code: string }): Promise<OpenedPatientSession> {
  const db = ctx.db.db;
  const now = ctx.clock();
  const id = tokenId(body.challengeId);
  const row = await getLoginCode(db, id);
  if (!row || row.used_at || row.expires_at <= now.toISOString() || row.attempts >= CODE_MAX_TRIES) {
    await auditAlone(ctx, { action: 'patient_code.verify', resource: APPOINTMENTS_PURPOSE, outcome: 'denied', clinicId: row?.clinic_id ?? null, patientId: row?.patient_id ?? null, actorId: null, actorRole: 'patient' });
    throw codeInvalid();
  }
  const want = Buffer.from(row.code_hash, 'hex');
  const got = Buffer.from(codeHash(body.challengeId, body.code), 'hex');
  const right = want.length === got.length && timingSafeEqual(want, got);
  const sessionToken = newToken();
  const csrf = newToken();
  const expiresAt = new Date(now.getTime() + PATIENT_ABSOLUTE_MINUTES * 60_000).toISOString();
  const ok = await writeTx(ctx, async (tx) => {
    // Each try counts (compare-and-swap), so parallel guesses cannot exceed the limit.
    if (!(await countLoginCodeAttempt(tx, id, row.attempts, right ? now.toISOString() : null))) return false;
    if (!right) return false;
    await insertPatientSession(tx, {
      id: tokenId(sessionToken), clinic_id: row.clinic_id, patient_id: row.patient_id, purpose: APPOINTMENTS_PURPOSE, resource_id: null, link_id: null,
      csrf_token: csrf, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt, ended_at: null,
    });
    await audit(ctx, tx, { action: 'patient_code.used', resource: APPOINTMENTS_PURPOSE, patientId: row.patient_id, clinicId: row.clinic_id, actorId: null, actorRole: 'patient' });
    return true;
  });
  if (!ok) {
    await auditAlone(ctx, { action: 'patient_code.verify', resource: APPOINTMENTS_PURPOSE, outcome: 'denied', clinicId: row.clinic_id, patientId: row.patient_id, actorId: null, actorRole: 'patient' });
    throw codeInvalid();
  }
  return {
    sessionToken,
    body: {
      purpose: APPOINTMENTS_PURPOSE,
      resourceId: null,
      csrfToken: csrf,
      expiresAt,
      idleExpiresAt: new Date(Math.min(now.getTime() + PATIENT_IDLE_MINUTES * 60_000, Date.parse(expiresAt))).toISOString(),
    },
  };
}
