import { DomainError } from '@mimamori/core';
import {
  DEFAULT_SAE_REPORT_DAYS, SAE_RECIPIENTS, saeDeadlineState, saeReportingDeadlines,
  type ProgramDefinition, type SaeDeadline, type SaeDeadlineState, type SaeRecipient,
} from '@mimamori/core/programs/index';
import { isSerious, type AdverseEvent } from '@mimamori/core/safety/index';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import {
  getPatientBriefs, insertSaeReport, listAdverseEvents, listSaeReports, listSeriousAdverseEvents, newId,
  type Db, type ProgramSaeReportRow,
} from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { clinicZone, loadEnrolment, loadProgram, nowIso, writeTx } from './program-context.ts';
import type { StoredAdverseEvent } from './records-service.ts';

/** One report entry as the pages show it. */
export type SaeReportView = { readonly id: string; readonly recipient: string; readonly reportedOn: string; readonly reportedTo: string; readonly note: string | null; readonly recordedBy: string; readonly recordedAt: string };

/** One deadline with where it stands today. */
export type SaeDeadlineView = SaeDeadline & { readonly state: SaeDeadlineState; readonly daysLeft: number; readonly late?: boolean; readonly reportedOn?: string };

/** The SAE clock of one adverse event. */
export type SaeClockView = { readonly knownOn: string; readonly periodicOnly: boolean; readonly deadlines: ReadonlyArray<SaeDeadlineView>; readonly reports: ReadonlyArray<SaeReportView> };

/**
 * When the clinic learned the event was serious: when it was recorded serious, or the amendment
 * that made it serious (an event can become serious later, e.g. on hospitalisation).
 */
export function seriousKnownAt(ae: StoredAdverseEvent): string {
  let seriousness: ReadonlyArray<unknown> = ae.seriousness;
  let grade: unknown = ae.grade;
  // Walk back from the current state through the amendments to the first serious state.
  const amendments = [...(ae.amendments ?? [])].reverse();
  let knownAt = ae.reportedAt;
  const states: Array<{ at: string; serious: boolean }> = [];
  for (const m of amendments) {
    states.push({ at: m.at, serious: isSerious({ seriousness: seriousness as AdverseEvent['seriousness'], grade: grade as AdverseEvent['grade'] }) });
    for (const c of m.changes) {
      if (c.field === 'seriousness') seriousness = (c.from as ReadonlyArray<unknown> | null) ?? [];
      if (c.field === 'grade') grade = c.from;
    }
  }
  states.push({ at: ae.reportedAt, serious: isSerious({ seriousness: seriousness as AdverseEvent['seriousness'], grade: grade as AdverseEvent['grade'] }) });
  // states run newest → oldest; the clock starts at the oldest state of the latest serious run.
  for (const s of states) {
    if (!s.serious) break;
    knownAt = s.at;
  }
  return knownAt;
}

const reportView = (r: ProgramSaeReportRow): SaeReportView => ({
  id: r.id, recipient: r.recipient, reportedOn: r.reported_on, reportedTo: r.reported_to, note: r.note, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

/** The clock of one event under its program, on the clinic's `today`; null when the event is not serious. */
export function saeClockOf(o: { readonly ae: StoredAdverseEvent; readonly program: ProgramDefinition; readonly zone: string; readonly today: string; readonly reports: ReadonlyArray<ProgramSaeReportRow> }): SaeClockView | null {
  if (!isSerious(o.ae)) return null;
  const clock = saeReportingDeadlines({
    ae: o.ae, pathway: o.program.pathway, knownAt: seriousKnownAt(o.ae), zone: o.zone, clinicDays: o.program.safety?.saeReportDays ?? DEFAULT_SAE_REPORT_DAYS,
  });
  const mine = o.reports.filter((r) => r.adverse_event_id === o.ae.id);
  return {
    knownOn: clock.knownOn,
    periodicOnly: clock.periodicOnly,
    deadlines: clock.deadlines.map((d) => {
      const first = mine.find((r) => r.recipient === d.recipient)?.reported_on;
      return { ...d, ...saeDeadlineState({ dueDate: d.dueDate, today: o.today, reportedOn: first }), ...(first !== undefined ? { reportedOn: first } : {}) };
    }),
    reports: mine.map(reportView),
  };
}

/** The SAE clocks of one enrolment's events, by event id (for the enrolment page; read audited by the caller). */
export async function saeClocksOfEnrolment(db: Db, o: { readonly clinicId: string; readonly enrolmentId: string; readonly program: ProgramDefinition; readonly zone: string; readonly today: string }) {
  const aes = (await listAdverseEvents(db, { clinicId: o.clinicId, enrolmentIds: [o.enrolmentId] })).filter((a) => a.serious === 1);
  const reports = await listSaeReports(db, { clinicId: o.clinicId, adverseEventIds: aes.map((a) => a.id) });
  const out: Record<string, SaeClockView> = {};
  for (const a of aes) {
    const clock = saeClockOf({ ae: JSON.parse(a.record_json) as StoredAdverseEvent, program: o.program, zone: o.zone, today: o.today, reports });
    if (clock) out[a.id] = clock;
  }
  return out;
}

/** One open (not yet reported) deadline of the clinic, for the dashboard task list and the reminder job. */
export type SaeTask = {
  readonly adverseEventId: string;
  readonly enrolmentId: string;
  readonly patientId: string;
  readonly programId: string;
  readonly term: string;
  readonly deadline: SaeDeadlineView;
};

/** Every unreported SAE deadline of a clinic on `today`, most urgent first (no audit: callers audit). */
export async function openSaeTasks(db: Db, o: { readonly clinicId: string; readonly zone: string; readonly today: string; readonly programId?: string }): Promise<SaeTask[]> {
  const rows = (await listSeriousAdverseEvents(db, o.clinicId)).filter((r) => o.programId === undefined || r.program_id === o.programId);
  if (rows.length === 0) return [];
  const reports = await listSaeReports(db, { clinicId: o.clinicId, adverseEventIds: rows.map((r) => r.id) });
  const programs = new Map<string, ProgramDefinition>();
  const tasks: SaeTask[] = [];
  for (const r of rows) {
    const key = `${r.program_id}@${r.program_version}`;
    if (!programs.has(key)) programs.set(key, await loadProgram(db, o.clinicId, r.program_id, r.program_version));
    const ae = JSON.parse(r.record_json) as StoredAdverseEvent;
    const clock = saeClockOf({ ae, program: programs.get(key)!, zone: o.zone, today: o.today, reports });
    for (const d of clock?.deadlines ?? []) {
      if (d.state === 'reported') continue;
      tasks.push({ adverseEventId: r.id, enrolmentId: r.enrolment_id, patientId: r.patient_id, programId: r.program_id, term: ae.term, deadline: d });
    }
  }
  return tasks.sort((a, b) => a.deadline.dueDate.localeCompare(b.deadline.dueDate));
}

/**
 * The SAE reporting tasks for the dashboard (doctors and nurses): each unreported deadline with the
 * patient, red when overdue. An audited read.
 */
export async function listSaeTasks(ctx: RequestContext, q: { readonly programId?: string | undefined } = {}) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const zone = await clinicZone(db, actor.clinicId);
  const today = clinicDate(nowIso(ctx), zone);
  const tasks = await openSaeTasks(db, { clinicId: actor.clinicId, zone, today, ...(q.programId ? { programId: q.programId } : {}) });
  const names = new Map((await getPatientBriefs(db, actor.clinicId, tasks.map((t) => t.patientId))).map((p) => [p.id, p]));
  await auditAlone(ctx, { action: 'program_sae.tasks', resource: 'program_adverse_event', detail: `results=${tasks.length}${q.programId ? `;program=${q.programId}` : ''}` });
  return {
    today,
    tasks: tasks.map((t) => ({ ...t, patientNumber: names.get(t.patientId)?.patient_number ?? null, patientName: names.get(t.patientId)?.name_kanji ?? null })),
  };
}

/**
 * Records that a serious adverse event was reported: to which recipient (one the program's pathway
 * names for the event), on which date (not in the future, not before the clinic learned of it), to
 * whom by name (the board, the office). Rows are only added; audited. Doctors only.
 */
export async function recordSaeReport(ctx: RequestContext, o: { readonly enrolmentId: string; readonly adverseEventId: string; readonly input: { recipient: string; reportedOn: string; reportedTo: string; note?: string | undefined } }) {
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { row } = await loadEnrolment(tx, actor.clinicId, o.enrolmentId);
    const aeRow = (await listAdverseEvents(tx, { clinicId: actor.clinicId, enrolmentIds: [o.enrolmentId] })).find((a) => a.id === o.adverseEventId);
    if (!aeRow) throw new DomainError('not_found');
    const program = await loadProgram(tx, actor.clinicId, row.program_id, row.program_version);
    const zone = await clinicZone(tx, actor.clinicId);
    const now = nowIso(ctx);
    const today = clinicDate(now, zone);
    const ae = JSON.parse(aeRow.record_json) as StoredAdverseEvent;
    const before = await listSaeReports(tx, { clinicId: actor.clinicId, adverseEventIds: [ae.id] });
    const clock = saeClockOf({ ae, program, zone, today, reports: before });
    if (!clock) throw new DomainError('invalid_state', { key: 'programs.sae_report_not_serious' });
    const issues: Array<{ path: string; key: string; params?: Record<string, string> }> = [];
    const recipient = o.input.recipient as SaeRecipient;
    if (!SAE_RECIPIENTS.includes(recipient) || !clock.deadlines.some((d) => d.recipient === recipient)) issues.push({ path: 'recipient', key: 'programs.sae_report_recipient_invalid' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.input.reportedOn)) issues.push({ path: 'reportedOn', key: 'programs.field.invalid_date' });
    else if (o.input.reportedOn > today) issues.push({ path: 'reportedOn', key: 'programs.sae_report_in_future' });
    else if (o.input.reportedOn < clock.knownOn) issues.push({ path: 'reportedOn', key: 'programs.sae_report_before_known', params: { knownOn: clock.knownOn } });
    const reportedTo = o.input.reportedTo.trim();
    if (reportedTo.length === 0 || reportedTo.length > 200) issues.push({ path: 'reportedTo', key: 'programs.field.required' });
    const note = o.input.note?.trim() || null;
    if (note !== null && note.length > 2000) issues.push({ path: 'note', key: 'programs.field.too_long' });
    if (issues.length) throw new DomainError('validation', { key: 'programs.sae_report_invalid', issues });
    const id = newId();
    await insertSaeReport(tx, {
      id, clinic_id: actor.clinicId, adverse_event_id: ae.id, enrolment_id: row.id, patient_id: row.patient_id, recipient, reported_on: o.input.reportedOn,
      reported_to: reportedTo, note, recorded_by: actor.staffId, recorded_at: now,
    });
    await audit(ctx, tx, { action: 'program_sae.report', resource: 'program_adverse_event', resourceId: ae.id, patientId: row.patient_id, detail: `recipient=${recipient};on=${o.input.reportedOn}` });
    return saeClockOf({ ae, program, zone, today, reports: [...before, { id, clinic_id: actor.clinicId, adverse_event_id: ae.id, enrolment_id: row.id, patient_id: row.patient_id, recipient, reported_on: o.input.reportedOn, reported_to: reportedTo, note, recorded_by: actor.staffId, recorded_at: now }] });
  });
}
