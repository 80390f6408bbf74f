import { DomainError } from '@mimamori/core';
import { reconsentDue, type ConsentRecord, type EnrolmentStatus, type ReconsentItem } from '@mimamori/core/programs/index';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import {
  getPatient, insertReconsentOverride, listConsents, listEnrolments, listReconsentOverrides, newId,
  type Db, type ProgramEnrolmentRow, type ProgramReconsentOverrideRow,
} from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { clinicZone, loadEnrolment, loadProgram, nowIso, writeTx } from './program-context.ts';

/** Statuses in which re-consent is followed (the participant is in the program and may still be dosed or assessed). */
const FOLLOWED: ReadonlyArray<EnrolmentStatus> = ['enrolled', 'active', 'dosing_stopped'];

export type ReconsentView = {
  readonly items: ReadonlyArray<ReconsentItem & { readonly overridden: boolean }>;
  /** A due item not covered by an override: doses are refused. */
  readonly blocked: boolean;
  readonly overrides: ReadonlyArray<{ readonly id: string; readonly items: ReadonlyArray<string>; readonly reason: string; readonly by: string; readonly at: string }>;
};

/** Where one enrolment's re-consent stands on the clinic's today (no audit: callers audit their read). */
export async function reconsentOf(db: Db, o: { readonly clinicId: string; readonly row: ProgramEnrolmentRow; readonly zone: string; readonly today: string; readonly overrides?: ReadonlyArray<ProgramReconsentOverrideRow> }): Promise<ReconsentView> {
  if (!FOLLOWED.includes(o.row.status as EnrolmentStatus)) return { items: [], blocked: false, overrides: [] };
  const patient = await getPatient(db, o.clinicId, o.row.patient_id);
  const latest = await loadProgram(db, o.clinicId, o.row.program_id);
  const consents = (await listConsents(db, o.clinicId, o.row.id)).map((c) => JSON.parse(c.record_json) as ConsentRecord);
  const overrides = o.overrides ?? (await listReconsentOverrides(db, { clinicId: o.clinicId, enrolmentIds: [o.row.id] }));
  const covered = new Set(overrides.flatMap((x) => JSON.parse(x.items) as string[]));
  const items = patient?.birth_date
    ? reconsentDue({ birthDate: patient.birth_date, consents, currentDocuments: latest.consentDocuments, today: o.today, zone: o.zone }).map((i) => ({ ...i, overridden: covered.has(i.key) }))
    : [];
  return {
    items,
    blocked: items.some((i) => i.blocking && !i.overridden),
    overrides: overrides.map((x) => ({ id: x.id, items: JSON.parse(x.items) as string[], reason: x.reason, by: x.by_staff, at: x.at })),
  };
}

/**
 * Refuses a dose (409 `programs.reconsent_required`, naming what is due) while a re-consent is due
 * and no doctor has overridden it. Called in the dose's transaction.
 */
export async function assertReconsentDone(db: Db, o: { readonly clinicId: string; readonly row: ProgramEnrolmentRow; readonly zone: string; readonly today: string }): Promise<void> {
  const r = await reconsentOf(db, o);
  if (!r.blocked) return;
  const due = r.items.filter((i) => i.blocking && !i.overridden);
  throw new DomainError('invalid_state', {
    key: 'programs.reconsent_required',
    params: { dueDate: due[0]!.dueDate },
    issues: due.map((i) => ({ path: 'reconsent', key: `programs.reconsent_${i.reason}`, params: { dueDate: i.dueDate, document: i.document ? `${i.document.id}@${i.document.version}` : '' } })),
  });
}

/**
 * A doctor lets a participant be dosed although re-consent is due, with a reason (audited). It
 * covers the items due now; a later item (the next birthday, another new version) blocks again.
 */
export async function overrideReconsent(ctx: RequestContext, o: { readonly enrolmentId: string; readonly reason: string }) {
  const actor = requireStaff(ctx);
  const reason = o.reason.trim();
  if (reason.length < 4) throw new DomainError('validation', { key: 'programs.reconsent_override_reason', issues: [{ path: 'reason', key: 'programs.reconsent_override_reason' }] });
  return writeTx(ctx, async (tx) => {
    const { row } = await loadEnrolment(tx, actor.clinicId, o.enrolmentId);
    const zone = await clinicZone(tx, actor.clinicId);
    const now = nowIso(ctx);
    const today = clinicDate(now, zone);
    const before = await reconsentOf(tx, { clinicId: actor.clinicId, row, zone, today });
    const keys = before.items.filter((i) => i.blocking && !i.overridden).map((i) => i.key);
    if (keys.length === 0) throw new DomainError('invalid_state', { key: 'programs.reconsent_nothing_due' });
    await insertReconsentOverride(tx, { id: newId(), clinic_id: actor.clinicId, enrolment_id: row.id, patient_id: row.patient_id, items: JSON.stringify(keys), reason, by_staff: actor.staffId, at: now });
    await audit(ctx, tx, { action: 'program_enrolment.reconsent_override', resource: 'program_enrolment', resourceId: row.id, patientId: row.patient_id, detail: `items=${keys.join(',')}` });
    return reconsentOf(tx, { clinicId: actor.clinicId, row, zone, today });
  });
}

/** The participants whose re-consent is due or coming (the dashboard's task list; an audited read). */
export async function listReconsentTasks(ctx: RequestContext, q: { readonly programId?: string | undefined } = {}) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const zone = await clinicZone(db, actor.clinicId);
  const today = clinicDate(nowIso(ctx), zone);
  const rows = (await listEnrolments(db, { clinicId: actor.clinicId, ...(q.programId ? { programId: q.programId } : {}) })).filter((r) => FOLLOWED.includes(r.status as EnrolmentStatus));
  const overrides = await listReconsentOverrides(db, { clinicId: actor.clinicId, enrolmentIds: rows.map((r) => r.id) });
  const tasks = [];
  for (const r of rows) {
    const v = await reconsentOf(db, { clinicId: actor.clinicId, row: r, zone, today, overrides: overrides.filter((x) => x.enrolment_id === r.id) });
    for (const i of v.items) {
      if (i.overridden) continue;
      tasks.push({ enrolmentId: r.id, programId: r.program_id, patientNumber: r.patient_number, patientName: r.name_kanji, reason: i.reason, dueDate: i.dueDate, blocking: i.blocking, ...(i.document ? { document: i.document } : {}) });
    }
  }
  tasks.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  await auditAlone(ctx, { action: 'program_reconsent.tasks', resource: 'program_enrolment', detail: `results=${tasks.length}` });
  return { today, tasks };
}
