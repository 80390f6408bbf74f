import { DomainError, isDomainError } from '@mimamori/core';
import { assessmentAssignmentPlan, assessmentRelinkPlan, type AssessmentLink, type EnrolmentSchedule, type ProgramDefinition } from '@mimamori/core/programs/index';
import { cancelScaleAssignment, updateEnrolmentIfVersion, type Db, type ProgramEnrolmentRow } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext, type StaffActor } from '../../request-context.ts';
import { assignScale } from '../scales/assign-scale.ts';
import { anchoredSchedule } from './program-anchor.ts';
import { clinicZone, loadEnrolment, loadProgram, nowIso, writeTx } from './program-context.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';

/** Statuses in which questionnaires are still sent for the program. */
const ASSESSING = ['enrolled', 'active', 'dosing_stopped', 'completed', 'lost_to_follow_up'];

/** Assignment ids (of those given) that have an answer. */
async function answeredAssignments(tx: Db, clinicId: string, ids: ReadonlyArray<string>): Promise<ReadonlyArray<string>> {
  if (ids.length === 0) return [];
  const rows = await tx.selectFrom('scale_instances').select('assignment_id').where('clinic_id', '=', clinicId)
    .where('assignment_id', 'in', [...ids]).where('status', '=', 'submitted').execute();
  return rows.flatMap((r) => (r.assignment_id === null ? [] : [r.assignment_id]));
}

/**
 * In the caller's transaction: places the schedule from the course as it stands (`courseAnchor`)
 * and cancels the questionnaire assignments whose window moved, that were not answered and whose
 * window has not opened (no link went out). Answered visits and opened windows keep their window.
 * Returns the new schedule (links of cancelled assignments removed; `assignProgramAssessments`
 * makes their replacements) and how many were cancelled.
 */
export async function reanchorAssessmentsInTx(ctx: RequestContext, tx: Db, o: {
  row: ProgramEnrolmentRow;
  program: ProgramDefinition;
  schedule: EnrolmentSchedule;
}): Promise<{ schedule: EnrolmentSchedule; cancelled: number }> {
  const { row } = o;
  const actor = requireStaff(ctx);
  const zone = await clinicZone(tx, actor.clinicId);
  const today = clinicDate(nowIso(ctx), zone);
  const links = o.schedule.assessmentLinks ?? [];
  const answered = await answeredAssignments(tx, actor.clinicId, links.map((l) => l.assignmentId));
  const keep = [...new Set(links.filter((l) => answered.includes(l.assignmentId)).map((l) => l.visitId))];
  const moved = await anchoredSchedule(tx, { clinicId: actor.clinicId, zone, today, enrolmentId: row.id, program: o.program, schedule: o.schedule, keep });
  const relink = assessmentRelinkPlan({ schedule: moved, links, answered, today });
  let cancelled = 0;
  for (const link of relink.cancel) {
    if (await cancelScaleAssignment(tx, { clinicId: actor.clinicId, id: link.assignmentId, staffId: actor.staffId, now: nowIso(ctx) })) {
      await audit(ctx, tx, { action: 'scale_assignment.cancel', resource: 'scale_assignment', resourceId: link.assignmentId, patientId: row.patient_id, detail: `program_window_moved=${row.id};visit=${link.visitId}` });
      cancelled++;
    }
  }
  return { schedule: { ...moved, assessmentLinks: relink.keep }, cancelled };
}

/**
 * Re-plans an enrolment's questionnaires after its course changed (booked, re-booked, session 1
 * moved or cancelled): one transaction moves the windows and cancels the links that must be
 * replaced (compare-and-swap on the enrolment, retried), then `assignProgramAssessments` assigns
 * the replacements. Safe to run any number of times: with nothing changed it changes nothing.
 */
export async function refreshProgramAssessments(ctx: RequestContext, enrolmentId: string) {
  const actor = requireStaff(ctx);
  let cancelled = 0;
  for (let attempt = 0; ; attempt++) {
    if (attempt === 5) throw new DomainError('conflict', { key: 'programs.enrolment_changed' });
    const done = await writeTx(ctx, async (tx) => {
      const { row } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
      if (!row.schedule_json || !ASSESSING.includes(row.status)) return true;
      const schedule = JSON.parse(row.schedule_json) as EnrolmentSchedule;
      const program = await loadProgram(tx, actor.clinicId, row.program_id, row.program_version);
      const next = await reanchorAssessmentsInTx(ctx, tx, { row, program, schedule });
      if (JSON.stringify(next.schedule) === JSON.stringify(schedule)) return true;
      if (!(await updateEnrolmentIfVersion(tx, actor.clinicId, row.id, row.row_version, { schedule_json: JSON.stringify(next.schedule), updated_at: nowIso(ctx) }))) return false;
      await audit(ctx, tx, {
        action: 'program_enrolment.replan', resource: 'program_enrolment', resourceId: row.id, patientId: row.patient_id,
        detail: `anchor=${next.schedule.anchor?.date ?? ''};source=${next.schedule.anchor?.source ?? ''};cancelled=${next.cancelled}`,
      });
      cancelled = next.cancelled;
      return true;
    });
    if (done) break;
  }
  const assigned = await assignProgramAssessments(ctx, enrolmentId);
  return { ...assigned, replaced: cancelled };
}

/**
 * Turns the program's assessment schedule into scale assignments of the scales feature: one
 * `once` assignment per scale of every visit after screening whose window is still open, with the
 * visit's window (from the first session as booked, else as proposed: `refreshProgramAssessments`
 * moves them when the course changes). The scales feature mails each link when
 * its window opens (`deliverDueQuestionnaires`) — at once for a window already open — and the
 * answers count toward the visit on the dashboard. Each assignment is linked to the enrolment as
 * soon as it exists, so running this again after a failure assigns only what is missing.
 */
export async function assignProgramAssessments(ctx: RequestContext, enrolmentId: string) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const { row } = await loadEnrolment(db, actor.clinicId, enrolmentId);
  if (!row.schedule_json || !ASSESSING.includes(row.status)) return { assigned: 0, failed: [] as Array<{ visitId: string; scaleId: string; message: string }> };
  const program = await loadProgram(db, actor.clinicId, row.program_id, row.program_version);
  const zone = await clinicZone(db, actor.clinicId);
  const schedule = JSON.parse(row.schedule_json) as EnrolmentSchedule;
  const plan = assessmentAssignmentPlan({ program, schedule, today: clinicDate(nowIso(ctx), zone), existing: schedule.assessmentLinks ?? [] });
  let assigned = 0;
  const failed: Array<{ visitId: string; scaleId: string; message: string }> = [];
  for (const p of plan) {
    try {
      const a = await assignScale(ctx, {
        patientId: row.patient_id,
        scaleId: p.scaleId, informant: 'self', kind: 'once', startDate: p.startDate, windowDays: p.windowDays, note: `program:${program.id}:${p.visitId}`,
      });
      await addLink(ctx, { actor, enrolmentId, link: { visitId: p.visitId, scaleId: p.scaleId, assignmentId: a.assignmentId, opensOn: p.startDate, closesOn: p.endDate } });
      assigned++;
    } catch (err) {
      if (!isDomainError(err)) throw err;
      failed.push({ visitId: p.visitId, scaleId: p.scaleId, message: err.key ?? err.code });
    }
  }
  return { assigned, failed };
}

async function addLink(ctx: RequestContext, o: { readonly actor: StaffActor; readonly enrolmentId: string; readonly link: AssessmentLink }): Promise<void> {
  const { actor, enrolmentId, link } = o;
  for (let attempt = 0; attempt < 5; attempt++) {
    const ok = await writeTx(ctx, async (tx) => {
      const { row } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
      const schedule = JSON.parse(row.schedule_json ?? '{}') as EnrolmentSchedule;
      const next: EnrolmentSchedule = { ...schedule, assessmentLinks: [...(schedule.assessmentLinks ?? []), link] };
      return updateEnrolmentIfVersion(tx, actor.clinicId, row.id, row.row_version, { schedule_json: JSON.stringify(next), updated_at: nowIso(ctx) });
    });
    if (ok) return;
  }
}

/**
 * Cancels the program's scale assignments whose questionnaires are still to come or open, in the
 * caller's transaction (withdrawal). Answers already given stay where they are: the patient's
 * choice about collected data is applied by `mayExport` at every export.
 */
export async function cancelProgramAssessments(ctx: RequestContext, tx: Db, row: ProgramEnrolmentRow): Promise<number> {
  const actor = requireStaff(ctx);
  const schedule = row.schedule_json ? (JSON.parse(row.schedule_json) as EnrolmentSchedule) : null;
  let n = 0;
  for (const link of schedule?.assessmentLinks ?? []) {
    // One that was answered already is left as it is.
    const open = await tx.selectFrom('scale_instances').select('id').where('clinic_id', '=', actor.clinicId).where('assignment_id', '=', link.assignmentId).where('status', '=', 'open').executeTakeFirst();
    if (open && await cancelScaleAssignment(tx, { clinicId: actor.clinicId, id: link.assignmentId, staffId: actor.staffId, now: nowIso(ctx) })) {
      await audit(ctx, tx, { action: 'scale_assignment.cancel', resource: 'scale_assignment', resourceId: link.assignmentId, patientId: row.patient_id, detail: `program_withdrawal=${row.id}` });
      n++;
    }
  }
  return n;
}
