import type { FastifyRequest } from 'fastify';
import { isDomainError } from '@mimamori/core';
import { assessmentAssignmentPlan, localDate, type AssessmentLink, type EnrolmentSchedule } from '@mimamori/core/programs/index';
import { cancelScaleAssignment, updateEnrolmentIfVersion, type Db, type ProgramEnrolmentRow } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { assignScale } from '../scales/assign-scale.ts';
import { clinicZone, loadEnrolment, loadProgram, nowIso, writeTx, type ProgramActor } from './program-context.ts';

/** Statuses in which questionnaires are still sent for the program. */
const ASSESSING = ['enrolled', 'active', 'completed', 'lost_to_follow_up'];

/**
 * Turns the program's assessment schedule into scale assignments of the scales feature: one
 * `once` assignment per scale of every visit after screening whose window is still open, with the
 * visit's window (from the proposed first-session date). The scales feature mails each link when
 * its window opens (`deliverDueQuestionnaires`) — at once for a window already open — and the
 * answers count toward the visit on the dashboard. Each assignment is linked to the enrolment as
 * soon as it exists, so running this again after a failure assigns only what is missing.
 */
export async function assignProgramAssessments(deps: AppDeps, req: FastifyRequest, actor: ProgramActor, enrolmentId: string) {
  const db = deps.db.db;
  const { row } = await loadEnrolment(db, actor.clinicId, enrolmentId);
  if (!row.schedule_json || !ASSESSING.includes(row.status)) return { assigned: 0, failed: [] as Array<{ visitId: string; scaleId: string; message: string }> };
  const program = await loadProgram(db, actor.clinicId, row.program_id, row.program_version);
  const zone = await clinicZone(db, actor.clinicId);
  const schedule = JSON.parse(row.schedule_json) as EnrolmentSchedule;
  const plan = assessmentAssignmentPlan({ program, schedule, today: localDate(nowIso(deps), zone), existing: schedule.assessmentLinks ?? [] });
  let assigned = 0;
  const failed: Array<{ visitId: string; scaleId: string; message: string }> = [];
  for (const p of plan) {
    try {
      const a = await assignScale(deps, req, row.patient_id, {
        scaleId: p.scaleId, informant: 'self', kind: 'once', startDate: p.startDate, windowDays: p.windowDays, note: `program:${program.id}:${p.visitId}`,
      });
      await addLink(deps, actor, enrolmentId, { visitId: p.visitId, scaleId: p.scaleId, assignmentId: a.assignmentId, opensOn: p.startDate, closesOn: p.endDate });
      assigned++;
    } catch (err) {
      if (!isDomainError(err)) throw err;
      failed.push({ visitId: p.visitId, scaleId: p.scaleId, message: err.key ?? err.code });
    }
  }
  return { assigned, failed };
}

async function addLink(deps: AppDeps, actor: ProgramActor, enrolmentId: string, link: AssessmentLink): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const ok = await writeTx(deps, async (tx) => {
      const { row } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
      const schedule = JSON.parse(row.schedule_json ?? '{}') as EnrolmentSchedule;
      const next: EnrolmentSchedule = { ...schedule, assessmentLinks: [...(schedule.assessmentLinks ?? []), link] };
      return updateEnrolmentIfVersion(tx, actor.clinicId, row.id, row.row_version, { schedule_json: JSON.stringify(next), updated_at: nowIso(deps) });
    });
    if (ok) return;
  }
}

/**
 * Cancels the program's scale assignments whose questionnaires are still to come or open, in the
 * caller's transaction (withdrawal). Answers already given stay where they are: the patient's
 * choice about collected data is applied by `mayExport` at every export.
 */
export async function cancelProgramAssessments(deps: AppDeps, tx: Db, req: FastifyRequest, actor: ProgramActor, row: ProgramEnrolmentRow): Promise<number> {
  const schedule = row.schedule_json ? (JSON.parse(row.schedule_json) as EnrolmentSchedule) : null;
  let n = 0;
  for (const link of schedule?.assessmentLinks ?? []) {
    // One that was answered already is left as it is.
    const open = await tx.selectFrom('scale_instances').select('id').where('clinic_id', '=', actor.clinicId).where('assignment_id', '=', link.assignmentId).where('status', '=', 'open').executeTakeFirst();
    if (open && await cancelScaleAssignment(tx, { clinicId: actor.clinicId, id: link.assignmentId, staffId: actor.staffId, now: nowIso(deps) })) {
      await audit(deps, tx, req, { action: 'scale_assignment.cancel', resource: 'scale_assignment', resourceId: link.assignmentId, patientId: row.patient_id, detail: `program_withdrawal=${row.id}` });
      n++;
    }
  }
  return n;
}
