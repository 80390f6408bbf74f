import { checkApplication, checkApplicationStep, looksAutomated, type Application, type ApplicationInput, type ApplicationStatus } from '@mimamori/core/publicsite/check-application';
import { DomainError, hasPermission } from '@mimamori/core';
import { applicationOfAppointment, countApplications, getAppointment, getApplication, insertApplication, listApplications, listClinics, newId, publishedRecruitmentPage, updateApplicationStatus, type ApplicationRow } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import type { PatientMessageOutcome } from '../line/enqueue-patient-message.ts';
import { writeTx } from '../write-tx.ts';
import { queueCallbackMessage } from './application-callback.ts';

const FORM_OWNER = 'recruitment-form';

/** A sealed "form served at" instant for the time-to-submit check (the sender cannot forge it). */
export function applicationFormToken(ctx: RequestContext): string {
  return ctx.db.secrets.seal(`served:${ctx.clock().getTime()}`, FORM_OWNER);
}

function startedAt(ctx: RequestContext, token: string): number | null {
  try {
    // The box passes text it did not seal through unchanged: only a sealed value carries the prefix.
    if (token.startsWith('served:')) return null;
    const m = /^served:(\d{1,16})$/.exec(ctx.db.secrets.open(token, FORM_OWNER));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Stores an application sent from a published recruitment page, audited (`recruitment.apply`,
 * no personal data in the detail). An automated sender (honeypot filled, sent too fast or too
 * late, a forged start) gets the same answer and nothing is stored; the refusal is audited.
 * Throws `validation` with every issue of the form, `not_found` when the page is not published.
 */
export async function applyToRecruitment(
  ctx: RequestContext,
  input: { readonly programId: string; readonly form: ApplicationInput; readonly honeypot: string; readonly token: string },
): Promise<{ readonly stored: boolean }> {
  const clinics = await listClinics(ctx.db.db);
  let found: { clinicId: string; version: number } | undefined;
  for (const c of clinics) {
    const page = await publishedRecruitmentPage(ctx.db.db, c.id, input.programId);
    if (page) {
      found = { clinicId: c.id, version: page.version };
      break;
    }
  }
  if (!found) throw new DomainError('not_found', { key: 'recruitment.not_found' });
  if (looksAutomated({ honeypot: input.honeypot, startedAt: startedAt(ctx, input.token), now: ctx.clock().getTime() })) {
    await auditAlone(ctx, { clinicId: found.clinicId, action: 'recruitment.apply', resource: 'recruitment_application', outcome: 'denied', detail: `program=${input.programId} automated` });
    return { stored: false };
  }
  const application = checkApplication(input.form);
  const id = newId();
  const clinicId = found.clinicId;
  const pageVersion = found.version;
  await writeTx(ctx, async (tx) => {
    await insertApplication(tx, { id, clinicId, programId: input.programId, pageVersion, data: application, now: ctx.clock().toISOString() });
    await audit(ctx, tx, { clinicId, action: 'recruitment.apply', resource: 'recruitment_application', resourceId: id, detail: `program=${input.programId} page=${pageVersion}` });
  });
  return { stored: true };
}

export interface QueueItem {
  readonly id: string;
  readonly programId: string;
  readonly status: ApplicationStatus;
  readonly createdAt: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string | null;
  readonly age: number;
  readonly callTimes: string | null;
  readonly guardian: { readonly name: string; readonly phone: string } | null;
  /** Only for roles that read clinical answers (doctors, nurses); null for the others. */
  readonly complaint: string | null;
  /** The screening visit booked for it (a first visit), once staff have named it. */
  readonly appointment: { readonly id: string; readonly patientId: string; readonly serviceId: string; readonly start: string; readonly status: string } | null;
}

async function queueItem(ctx: RequestContext, r: ApplicationRow, clinical: boolean): Promise<QueueItem> {
  const a = requireStaff(ctx);
  const d = r.data as Application;
  const appt = r.appointmentId ? await getAppointment(ctx.db.db, a.clinicId, r.appointmentId) : undefined;
  return {
    id: r.id, programId: r.programId, status: r.status as ApplicationStatus, createdAt: r.createdAt, name: d.name, phone: d.phone, email: d.email, age: d.age,
    callTimes: d.callTimes, guardian: d.guardian, complaint: clinical ? d.complaint : null,
    appointment: appt ? { id: appt.id, patientId: appt.patient_id, serviceId: appt.service_id, start: appt.start_at, status: appt.status } : null,
  };
}

/**
 * One application of the queue (to register the applicant as a patient without retyping the
 * contact), as the queue shows it to the role. The read is audited; `not_found` otherwise.
 */
export async function getQueueApplication(ctx: RequestContext, input: { readonly id: string }): Promise<{ readonly application: QueueItem }> {
  const a = requireStaff(ctx);
  const row = await getApplication(ctx.db.db, a.clinicId, input.id);
  if (!row) throw new DomainError('not_found', { key: 'application.not_found' });
  const clinical = hasPermission(a.role, 'intake:read');
  const application = await queueItem(ctx, row, clinical);
  await auditAlone(ctx, { action: 'recruitment.application_read', resource: 'recruitment_application', resourceId: row.id, detail: `complaint=${clinical ? 'shown' : 'hidden'}` });
  return { application };
}

/**
 * The screening queue: open applications oldest first (or all), and the counts per program and
 * status that feed the program's flow (applied → contacted → screening booked). The read is audited.
 */
export async function listApplicationQueue(ctx: RequestContext, input: { readonly all: boolean }): Promise<{ readonly items: ReadonlyArray<QueueItem>; readonly counts: ReadonlyArray<{ programId: string; status: string; n: number }> }> {
  const a = requireStaff(ctx);
  const rows = await listApplications(ctx.db.db, { clinicId: a.clinicId, ...(input.all ? {} : { statuses: ['new', 'contacted'] }) });
  const clinical = hasPermission(a.role, 'intake:read');
  const items = await Promise.all(rows.map((r) => queueItem(ctx, r, clinical)));
  await auditAlone(ctx, { action: 'recruitment.queue_read', resource: 'recruitment_application', detail: `count=${items.length} complaint=${clinical ? 'shown' : 'hidden'}` });
  return { items, counts: await countApplications(ctx.db.db, a.clinicId) };
}

/**
 * One step of the queue (called back, screening visit booked, declined), audited. The call-back
 * step (`contacted`, with the time of a scheduled call or none for a call made) also tells the
 * applicant, in the same transaction (`queueCallbackMessage`). "Booked" may name the appointment: it
 * must be this clinic's and not cancelled, and its patient becomes the application's.
 */
export async function moveApplication(
  ctx: RequestContext,
  input: { readonly id: string; readonly to: ApplicationStatus; readonly appointmentId?: string | null; readonly callbackAt?: string | null },
): Promise<{ readonly status: ApplicationStatus; readonly message?: PatientMessageOutcome }> {
  const a = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const app = await getApplication(tx, a.clinicId, input.id);
    if (!app) throw new DomainError('not_found', { key: 'application.not_found' });
    const from = app.status as ApplicationStatus;
    checkApplicationStep(from, input.to);
    let patientId: string | undefined;
    if (input.appointmentId) {
      const appt = input.to === 'screening_booked' ? await getAppointment(tx, a.clinicId, input.appointmentId) : undefined;
      if (!appt || appt.status === 'cancelled' || appt.status === 'late_cancel') {
        throw new DomainError('validation', { key: 'application.appointment_invalid', issues: [{ path: 'appointmentId', key: 'application.appointment_invalid' }] });
      }
      patientId = appt.patient_id;
    }
    const ok = await updateApplicationStatus(tx, {
      clinicId: a.clinicId, id: input.id, from, status: input.to, now: ctx.clock().toISOString(), by: a.staffId,
      ...(input.appointmentId !== undefined ? { appointmentId: input.appointmentId } : {}),
      ...(patientId ? { patientId } : {}),
    });
    if (!ok) throw new DomainError('conflict', { key: 'application.changed_meanwhile' });
    const message = input.to === 'contacted'
      ? await queueCallbackMessage(ctx, tx, { application: { id: app.id, clinicId: a.clinicId, patientId: app.patientId, email: (app.data as Application).email }, callbackAt: input.callbackAt ?? null })
      : undefined;
    await audit(ctx, tx, {
      action: `recruitment.${input.to}`, resource: 'recruitment_application', resourceId: input.id,
      detail: `from=${from}${input.appointmentId ? ` appointment=${input.appointmentId}` : ''}${message ? ` message=${message}` : ''}`,
    });
    return { status: input.to, ...(message ? { message } : {}) };
  });
}

/**
 * The application a screening visit was booked for (its id, program, step and when it came; no
 * contact details, which stay in the queue), or null. The read is audited when there is one.
 */
export async function applicationForAppointment(ctx: RequestContext, input: { readonly appointmentId: string }): Promise<{ readonly application: { readonly id: string; readonly programId: string; readonly status: ApplicationStatus; readonly createdAt: string } | null }> {
  const a = requireStaff(ctx);
  const row = await applicationOfAppointment(ctx.db.db, a.clinicId, input.appointmentId);
  if (!row) return { application: null };
  await auditAlone(ctx, { action: 'recruitment.application_read', resource: 'recruitment_application', resourceId: row.id, detail: `appointment=${input.appointmentId}` });
  return { application: { id: row.id, programId: row.programId, status: row.status as ApplicationStatus, createdAt: row.createdAt } };
}
