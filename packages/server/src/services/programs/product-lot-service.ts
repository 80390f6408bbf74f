import { createHash } from 'node:crypto';
import { DomainError } from '@mimamori/core';
import { certificateMediaType, lotReleaseProblems, validateProductLot, type ProductLot } from '@mimamori/core/treatment/index';
import type { EnrolmentSchedule } from '@mimamori/core/programs/index';
import {
  getAppointment,
  getProductLot,
  getProductLotCertificate,
  insertProductLot,
  isUniqueViolation,
  listEnrolments,
  listProductLots,
  newId,
  setProductLotCertificate,
  type Db,
  type ProductLotSummaryRow,
} from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { loadProgram, nowIso, writeTx } from './program-context.ts';

/** A certificate file as the form sends it: its name and its bytes in base64. */
export type CertificateUpload = { readonly fileName?: unknown; readonly base64?: unknown };

/** What staff see of a lot: the record, whether its file is on record, and why it may not be given. */
export function lotView(row: ProductLotSummaryRow) {
  const lot = JSON.parse(row.record_json) as ProductLot;
  const certificate = row.certificate_sha256
    ? { fileName: row.certificate_file_name, mediaType: row.certificate_media_type, size: row.certificate_size, sha256: row.certificate_sha256 }
    : null;
  return { lot, certificate, releaseProblems: lotReleaseProblems(lot, { certificateAttached: certificate !== null }), createdAt: row.created_at, updatedAt: row.updated_at };
}

function decodeCertificate(upload: CertificateUpload) {
  const bad = (key: string): never => {
    throw new DomainError('validation', { key, issues: [{ path: 'certificate', key }] });
  };
  if (typeof upload.base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(upload.base64)) return bad('treatment.certificate_type');
  const bytes = Buffer.from(upload.base64, 'base64');
  const mediaType = certificateMediaType(bytes);
  const name = typeof upload.fileName === 'string' ? upload.fileName.normalize('NFKC').replace(/[\\/\u0000-\u001f"]/g, '_').trim().slice(0, 120) : '';
  const ext = mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg';
  return {
    base64: bytes.toString('base64'), mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
    fileName: name || `certificate.${ext}`,
  };
}

/**
 * Registers a product lot of a program with its certificate of analysis (results, and optionally the
 * file in the same request). A lot number is kept once per program, however it is typed.
 */
export async function createProductLot(ctx: RequestContext, o: { readonly programId: string; readonly input: Record<string, unknown> }) {
  const actor = requireStaff(ctx);
  const { certificate, ...fields } = o.input as Record<string, unknown> & { certificate?: CertificateUpload };
  const id = newId();
  const lot = validateProductLot({ ...fields, id, programId: o.programId });
  const file = certificate ? decodeCertificate(certificate) : null;
  try {
    return await writeTx(ctx, async (tx) => {
      await loadProgram(tx, actor.clinicId, o.programId);
      const now = nowIso(ctx);
      const row = {
        id, clinic_id: actor.clinicId, program_id: o.programId, lot_key: lot.lotKey, record_json: JSON.stringify(lot),
        certificate_base64: file?.base64 ?? null, certificate_media_type: file?.mediaType ?? null, certificate_size: file?.size ?? null,
        certificate_sha256: file?.sha256 ?? null, certificate_file_name: file?.fileName ?? null, created_by: actor.staffId, created_at: now, updated_at: now,
      };
      await insertProductLot(tx, row);
      await audit(ctx, tx, { action: 'program_lot.create', resource: 'program_product_lot', resourceId: id, detail: `program=${o.programId};lot=${lot.lotKey};certificate=${file ? file.sha256.slice(0, 12) : 'none'}` });
      const { certificate_base64: _b, ...summary } = row;
      void _b;
      return lotView(summary);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('conflict', { key: 'treatment.lot_duplicate', issues: [{ path: 'lot', key: 'treatment.lot_duplicate' }] });
    throw err;
  }
}

/** Attaches or replaces a lot's certificate file (type judged from its content, at most 5 MB). */
export async function attachLotCertificate(ctx: RequestContext, o: { readonly lotId: string; readonly upload: CertificateUpload }) {
  const actor = requireStaff(ctx);
  const file = decodeCertificate(o.upload);
  return writeTx(ctx, async (tx) => {
    const before = await getProductLot(tx, actor.clinicId, o.lotId);
    if (!before) throw new DomainError('not_found', { key: 'treatment.lot_not_found' });
    const now = nowIso(ctx);
    await setProductLotCertificate(tx, { clinicId: actor.clinicId, id: o.lotId, ...file, now });
    await audit(ctx, tx, {
      action: before.certificate_sha256 ? 'program_lot.certificate_replace' : 'program_lot.certificate_attach', resource: 'program_product_lot', resourceId: o.lotId,
      detail: `sha256=${file.sha256.slice(0, 12)};type=${file.mediaType};size=${file.size}${before.certificate_sha256 ? `;was=${before.certificate_sha256.slice(0, 12)}` : ''}`,
    });
    return lotView((await getProductLot(tx, actor.clinicId, o.lotId))!);
  });
}

/** The lots of a program, newest first. */
export async function listLots(ctx: RequestContext, programId: string) {
  const actor = requireStaff(ctx);
  await loadProgram(ctx.db.db, actor.clinicId, programId);
  return (await listProductLots(ctx.db.db, { clinicId: actor.clinicId, programId })).map(lotView);
}

/** The certificate file of a lot; every download is audited. */
export async function downloadLotCertificate(ctx: RequestContext, lotId: string) {
  const actor = requireStaff(ctx);
  const row = await getProductLotCertificate(ctx.db.db, actor.clinicId, lotId);
  if (!row) throw new DomainError('not_found', { key: 'treatment.lot_not_found' });
  if (!row.certificate_base64) throw new DomainError('not_found', { key: 'treatment.certificate_not_found' });
  await auditAlone(ctx, { action: 'program_lot.certificate_download', resource: 'program_product_lot', resourceId: lotId, detail: `sha256=${row.certificate_sha256?.slice(0, 12)}` });
  return { bytes: Buffer.from(row.certificate_base64, 'base64'), mediaType: row.certificate_media_type ?? 'application/octet-stream', fileName: row.certificate_file_name ?? 'certificate' };
}

/**
 * The lot an infusion names by id, checked for release (certificate on file, every test passed): its
 * product facts fill the infusion record, so the nurse does not type them again.
 */
export async function releasedLot(db: Db, o: { readonly clinicId: string; readonly programId: string; readonly lotId: string }): Promise<ProductLot> {
  const row = await getProductLot(db, o.clinicId, o.lotId);
  if (!row || row.program_id !== o.programId) {
    throw new DomainError('validation', { key: 'treatment.lot_not_found', issues: [{ path: 'lotId', key: 'treatment.lot_not_found' }] });
  }
  const v = lotView(row);
  if (v.releaseProblems.length) {
    throw new DomainError('invalid_state', { key: 'treatment.lot_not_released', issues: v.releaseProblems.map((key) => ({ path: 'lotId', key })) });
  }
  return v.lot;
}

/**
 * The enrolment and session number a booked appointment stands for, so the nurse goes from the
 * appointment to the infusion (or TMS) form. `not_found` when the appointment is no program session.
 */
export async function appointmentProgramSession(ctx: RequestContext, appointmentId: string) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const a = await getAppointment(db, actor.clinicId, appointmentId);
  if (!a || !a.series_id || !a.patient_id) throw new DomainError('not_found');
  for (const row of await listEnrolments(db, { clinicId: actor.clinicId, patientId: a.patient_id })) {
    const schedule = row.schedule_json ? (JSON.parse(row.schedule_json) as EnrolmentSchedule) : null;
    if (schedule?.booking?.seriesId !== a.series_id) continue;
    const link = schedule.booking.appointments.find((x) => x.appointmentId === appointmentId);
    if (!link) continue;
    const program = await loadProgram(db, actor.clinicId, row.program_id, row.program_version);
    await auditAlone(ctx, { action: 'program_session.appointment_lookup', resource: 'appointment', resourceId: appointmentId, patientId: a.patient_id, detail: `enrolment=${row.id};n=${link.sessionNumber}` });
    return { enrolmentId: row.id, sessionNumber: link.sessionNumber, treatment: program.treatment, enrolmentStatus: row.status };
  }
  throw new DomainError('not_found');
}
