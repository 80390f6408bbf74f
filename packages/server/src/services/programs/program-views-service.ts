import { saeClocksOfEnrolment } from './sae-clock-service.ts';
import { reconsentOf } from './reconsent-service.ts';
import { DomainError, hasPermission, isRole } from '@mimamori/core';
import type { LabResult } from '@mimamori/core/labs/index';
import { flagConfounders, type ConcomitantMedication } from '@mimamori/core/medication/index';
import {
  assessmentProgress,
  bookingSummary,
  plannedSessions,
  enrolmentFunnel,
  mayExport,
  nextStatuses,
  programAdherence,
  safetySummary,
  scheduleStatus,
  sessionAdherence,
  type ConsentRecord,
  type ConsentState,
  type EligibilityResult,
  type EnrolmentSchedule,
  type ExportPurpose,
  type ItemStatus,
  type ProgramDefinition,
  type ScheduleProposal,
} from '@mimamori/core/programs/index';
import { buildPatientTimeline } from '@mimamori/core/timeline/patient-timeline';
import type { CoIntervention } from '@mimamori/core/medication/co-intervention';
import { listCoInterventions } from '@mimamori/storage';
import { loadAnalyteCatalogue } from './lab-record-service.ts';
import { dayFromFirstDose, firstDoseDates } from './first-dose-days.ts';
import { saeAlertFor, type AdverseEvent } from '@mimamori/core/safety/index';
import type { InfusionRecord, TmsRecord } from '@mimamori/core/treatment/index';
import {
  getConsentTexts,
  getPatient,
  listAdverseEvents,
  listAlerts,
  listConsents,
  listEnrolmentEvents,
  listEnrolments,
  listLabResults,
  listMedications,
  listProgramSessions,
  listScaleTotals,
  studyIdFor,
  type Db,
  type ProgramEnrolmentRow,
} from '@mimamori/storage';
import { auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { anchoredSchedule, seriesAppointments } from './program-anchor.ts';
import { clinicZone, enrolmentOf, loadEnrolment, loadProgram, nowIso } from './program-context.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';

/**
 * When each scheduled item was done: a session by its number, a visit by the first score of one of
 * its scales (or lab result of one of its analytes) collected inside its window.
 */
function completions(o: {
  schedule: ScheduleProposal;
  sessions: ReadonlyArray<{ session_number: number; started_at: string }>;
  scores: ReadonlyArray<{ scale_id: string; scored_at: string }>;
  labs: ReadonlyArray<{ analyte: string; collected_at: string }>;
  zone: string;
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of o.schedule.items) {
    if (item.kind === 'session') {
      const s = o.sessions.find((x) => x.session_number === item.sessionNumber);
      if (s) out[item.id] = clinicDate(s.started_at, o.zone);
      continue;
    }
    const dates = [
      ...o.scores.filter((s) => item.scales.includes(s.scale_id)).map((s) => clinicDate(s.scored_at, o.zone)),
      ...o.labs.filter((l) => (item.biomarkers as ReadonlyArray<string>).includes(l.analyte)).map((l) => clinicDate(l.collected_at, o.zone)),
    ].filter((d) => d >= item.windowStart && d <= item.windowEnd).sort();
    if (dates[0]) out[item.id] = dates[0];
  }
  return out;
}

/**
 * The schedule as it stands (placed from the first session as given, booked or proposed, the same
 * anchor the questionnaire links follow) and every item's status judged against it. `stale` says
 * the stored schedule lags the course (e.g. session 1 moved on the appointments pages): the
 * questionnaire links then need `POST /api/program-enrolments/:id/assessment-links`.
 */
async function liveScheduleOf(db: Db, o: { clinicId: string; row: ProgramEnrolmentRow; program: ProgramDefinition; zone: string; now: string }) {
  const { clinicId, row, zone, now } = o;
  if (!row.schedule_json) return { schedule: null, statuses: [] as ReadonlyArray<ItemStatus>, stale: false };
  const stored = JSON.parse(row.schedule_json) as EnrolmentSchedule;
  const [sessions, scores, labs] = await Promise.all([
    listProgramSessions(db, { clinicId, enrolmentIds: [row.id] }),
    listScaleTotals(db, clinicId, row.patient_id),
    listLabResults(db, { clinicId, patientId: row.patient_id }),
  ]);
  // A visit already done keeps the window it was done in.
  const done = completions({ schedule: stored, sessions, scores, labs, zone });
  const keep = stored.items.flatMap((i) => (i.kind === 'assessment' && i.visitId !== undefined && done[i.id] !== undefined ? [i.visitId] : []));
  const schedule = await anchoredSchedule(db, { clinicId, zone, today: clinicDate(now, zone), enrolmentId: row.id, program: o.program, schedule: stored, keep });
  const statuses = scheduleStatus({ items: schedule.items, completions: completions({ schedule, sessions, scores, labs, zone }), now, zone });
  return { schedule, statuses, stale: JSON.stringify(schedule.items) !== JSON.stringify(stored.items) };
}

/** The enrolment's treatment sessions with their booking (booked, not booked, recorded, cancelled). */
async function sessionPlan(db: Db, clinicId: string, row: ProgramEnrolmentRow, zone: string, recorded?: ReadonlyArray<number>, live?: EnrolmentSchedule | null) {
  if (!row.schedule_json) return [];
  const schedule = live ?? (JSON.parse(row.schedule_json) as EnrolmentSchedule);
  const done = recorded ?? (await listProgramSessions(db, { clinicId, enrolmentIds: [row.id] })).map((s) => s.session_number);
  return plannedSessions({ schedule, appointments: await seriesAppointments(db, clinicId, zone, schedule), recorded: done });
}

/** Everything the enrolment page shows (reads are audited). */
export async function readEnrolment(ctx: RequestContext, enrolmentId: string) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const { row, enrolment } = await loadEnrolment(db, actor.clinicId, enrolmentId);
  const program = await loadProgram(db, actor.clinicId, row.program_id, row.program_version);
  const patient = await getPatient(db, actor.clinicId, row.patient_id);
  if (!patient) throw new DomainError('not_found');
  const zone = await clinicZone(db, actor.clinicId);
  const now = nowIso(ctx);
  const [events, consents, sessions, aes, live] = await Promise.all([
    listEnrolmentEvents(db, actor.clinicId, row.id),
    listConsents(db, actor.clinicId, row.id),
    listProgramSessions(db, { clinicId: actor.clinicId, enrolmentIds: [row.id] }),
    listAdverseEvents(db, { clinicId: actor.clinicId, enrolmentIds: [row.id] }),
    liveScheduleOf(db, { clinicId: actor.clinicId, row, program, zone, now }),
  ]);
  const texts = await getConsentTexts(db, actor.clinicId, program.consentDocuments.map((d) => d.contentHash));
  const { schedule, statuses } = live;
  const planned = await sessionPlan(db, actor.clinicId, row, zone, sessions.map((s) => s.session_number), schedule);
  await auditAlone(ctx, { action: 'program_enrolment.read', resource: 'program_enrolment', resourceId: row.id, patientId: row.patient_id });
  return {
    enrolment: { ...enrolment, enrolmentDate: row.enrolment_date, createdAt: row.created_at, nextStatuses: nextStatuses(enrolment.status) },
    patient: { id: patient.id, patientNumber: patient.patient_number, nameKanji: patient.name_kanji, nameKana: patient.name_kana, birthDate: patient.birth_date, guardians: JSON.parse(patient.guardians_json) as unknown },
    program,
    documentTexts: Object.fromEntries(texts) as Record<string, string>,
    eligibility: row.eligibility_json ? (JSON.parse(row.eligibility_json) as EligibilityResult) : null,
    consentState: JSON.parse(row.consent_state_json) as ConsentState,
    consents: consents.map((c) => ({ id: c.id, record: JSON.parse(c.record_json) as ConsentRecord, hasDrawnSignature: c.signature_png !== null })),
    events: events.map((e) => ({ from: e.from_status, to: e.to_status, at: e.at, by: e.by_staff, reason: e.reason })),
    schedule,
    scheduleStatus: statuses,
    plannedSessions: planned,
    booking: schedule?.booking ?? null,
    assessmentLinks: schedule?.assessmentLinks ?? [],
    assessmentLinksStale: live.stale,
    sessions: sessions.map((s) => JSON.parse(s.record_json) as InfusionRecord | TmsRecord),
    adverseEvents: aes.map((a) => JSON.parse(a.record_json) as AdverseEvent),
    reconsent: await reconsentOf(db, { clinicId: actor.clinicId, row, zone, today: clinicDate(now, zone) }),
    saeClocks: await saeClocksOfEnrolment(db, { clinicId: actor.clinicId, enrolmentId: row.id, program, zone, today: clinicDate(now, zone) }),
    today: clinicDate(now, zone),
  };
}

/** The enrolments of a program with their patients (for the program page). */
export async function listProgramEnrolments(ctx: RequestContext, programId: string) {
  const actor = requireStaff(ctx);
  const rows = await listEnrolments(ctx.db.db, { clinicId: actor.clinicId, programId });
  await auditAlone(ctx, { action: 'program_enrolment.list', resource: 'program_enrolment', detail: `program=${programId};results=${rows.length}` });
  return rows.map((r) => ({
    id: r.id, status: r.status, programVersion: r.program_version, enrolmentDate: r.enrolment_date, createdAt: r.created_at, updatedAt: r.updated_at,
    patient: { id: r.patient_id, patientNumber: r.patient_number, nameKanji: r.name_kanji, nameKana: r.name_kana, birthDate: r.birth_date },
  }));
}

/**
 * The program dashboard: enrolment funnel, assessments by visit (on track, overdue, missed …),
 * session adherence, open adverse events and serious ones, and SAE alerts not yet reviewed.
 * Staff who may read the patient register see each participant by patient number, with the
 * enrolment id their links need; everyone else (the researcher) sees only the program's study id —
 * the same HMAC id the data cut carries — and no patient number, enrolment id or link.
 */
export async function programDashboard(ctx: RequestContext, programId: string) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const program = await loadProgram(db, actor.clinicId, programId);
  const zone = await clinicZone(db, actor.clinicId);
  const now = nowIso(ctx);
  const rows = await listEnrolments(db, { clinicId: actor.clinicId, programId });
  const enrolments = rows.map(enrolmentOf);
  // Each enrolment is judged by the version it joined, from its course as it stands.
  const versions = new Map<number, Promise<ProgramDefinition>>();
  const programOf = (v: number) => versions.get(v) ?? versions.set(v, loadProgram(db, actor.clinicId, programId, v)).get(v)!;
  const lives = await Promise.all(rows.map(async (r) => liveScheduleOf(db, { clinicId: actor.clinicId, row: r, program: await programOf(r.program_version), zone, now })));
  const perEnrolment = lives.map((l) => l.statuses);
  const bookings = await Promise.all(rows.map(async (r, i) => bookingSummary(await sessionPlan(db, actor.clinicId, r, zone, undefined, lives[i]!.schedule))));
  const allStatuses = perEnrolment.flat();
  const aeRows = await listAdverseEvents(db, { clinicId: actor.clinicId, enrolmentIds: rows.map((r) => r.id) });
  const aes = aeRows.map((a) => JSON.parse(a.record_json) as AdverseEvent);
  const alertRows = (await listAlerts(db, { clinicId: actor.clinicId, kind: 'sae', limit: 500 })).filter((a) => aeRows.some((x) => x.id === a.source_id));
  const saeAlerts = alertRows.flatMap((a) => {
    const ae = aes.find((x) => x.id === a.source_id);
    const alert = ae ? saeAlertFor(ae, { raisedAt: a.created_at }) : null;
    if (!alert) return [];
    return [a.acknowledged_at ? { ...alert, review: { by: a.acknowledged_by ?? '', at: a.acknowledged_at } } : alert];
  });
  const safety = safetySummary(aes, saeAlerts);
  const identified = isRole(actor.role) && hasPermission(actor.role, 'patients:read');
  const byEnrolment = new Map(rows.map((r) => [r.id, r]));
  // Staff who read the register know participants by name as well as by 診察券番号.
  const participantOf = (r: { id: string; patient_id: string; patient_number: string; name_kanji: string; name_kana: string }) =>
    identified ? { enrolmentId: r.id, patientNumber: r.patient_number, nameKanji: r.name_kanji, nameKana: r.name_kana } : { studyId: studyIdFor(ctx.db.secrets.key, programId, r.patient_id) };
  // Pseudonymised views show days from each participant's first dose, never calendar dates.
  const firstDose = identified ? new Map<string, string>() : await firstDoseDates(db, { clinicId: actor.clinicId, enrolmentIds: rows.map((r) => r.id), zone });
  const dayOf = (enrolmentId: string, date: string | null) => dayFromFirstDose(date, firstDose.get(enrolmentId));
  await auditAlone(ctx, { action: 'program_dashboard.read', resource: 'program', resourceId: programId });
  return {
    program: { id: program.id, version: program.version, title: program.title, treatment: program.treatment },
    identified,
    funnel: enrolmentFunnel(enrolments),
    assessments: assessmentProgress(allStatuses.filter((s) => s.kind === 'assessment'), program),
    adherence: (() => {
      const per = perEnrolment.map((s) => sessionAdherence(s));
      return { ...programAdherence(per), dueSoFar: per.reduce((a, p) => a + p.dueSoFar, 0) };
    })(),
    safety: {
      adverseEvents: safety.adverseEvents,
      seriousAdverseEvents: safety.seriousAdverseEvents,
      byGrade: safety.byGrade,
      open: aes.filter((a) => safety.openAdverseEvents.includes(a.id)).map((a) => ({
        id: a.id, ...participantOf(byEnrolment.get(a.enrolmentId)!), term: a.term, grade: a.grade,
        ...(identified ? { onsetDate: a.onsetDate } : { onsetDay: dayOf(a.enrolmentId, a.onsetDate) }),
        serious: safety.openSeriousAdverseEvents.includes(a.id), outcome: a.outcome,
      })),
      unreviewedAlerts: alertRows.filter((a) => !a.acknowledged_at).map((a) => ({
        alertId: a.id, adverseEventId: a.source_id,
        ...participantOf(byEnrolment.get(aeRows.find((x) => x.id === a.source_id)!.enrolment_id)!),
        ...(identified ? { createdAt: a.created_at, createdOn: clinicDate(a.created_at, zone) } : { createdDay: dayOf(aeRows.find((x) => x.id === a.source_id)!.enrolment_id, clinicDate(a.created_at, zone)) }),
        summary: JSON.parse(a.summary_json) as { key: string; params?: Record<string, string | number> },
      })),
    },
    enrolments: rows.map((r, i) => {
      const st = perEnrolment[i]!;
      const count = (k: string) => st.filter((s) => s.kind === 'assessment' && s.status === k).length;
      return {
        ...(identified ? { id: r.id, patientNumber: r.patient_number, nameKanji: r.name_kanji, nameKana: r.name_kana } : participantOf(r)), status: r.status,
        ...(identified ? { enrolmentDate: r.enrolment_date } : { enrolmentDay: dayOf(r.id, r.enrolment_date) }), overdue: count('overdue'), missed: count('missed'), due: count('due'),
        sessions: bookings[i]!,
      };
    }),
  };
}

/**
 * One patient's timeline: scores, sessions, adverse events, medicines and labs on one clinic-dated
 * axis, with confounder flags for medicine changes inside each program's window.
 */
export async function patientTimeline(ctx: RequestContext, patientId: string) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const patient = await getPatient(db, actor.clinicId, patientId);
  if (!patient) throw new DomainError('not_found');
  const zone = await clinicZone(db, actor.clinicId);
  const [enrolRows, scores, sessions, aes, meds, labs] = await Promise.all([
    listEnrolments(db, { clinicId: actor.clinicId, patientId }),
    listScaleTotals(db, actor.clinicId, patientId),
    listProgramSessions(db, { clinicId: actor.clinicId, patientId }),
    listAdverseEvents(db, { clinicId: actor.clinicId, patientId }),
    listMedications(db, actor.clinicId, patientId),
    listLabResults(db, { clinicId: actor.clinicId, patientId }),
  ]);
  const coInterventions = (await listCoInterventions(db, actor.clinicId, patientId)).map((c) => JSON.parse(c.record_json) as CoIntervention);
  const catalogue = await loadAnalyteCatalogue(db, actor.clinicId);
  const medications = meds.map((m) => JSON.parse(m.record_json) as ConcomitantMedication);
  const latest = enrolRows[enrolRows.length - 1];
  const entries = buildPatientTimeline({
    zone,
    ...(latest ? { enrolment: enrolmentOf(latest) } : {}),
    scores: scores.flatMap((s) => (s.total === null ? [] : [{ id: s.id, scaleId: s.scale_id, total: s.total, completedAt: s.scored_at }])),
    sessions: sessions.map((s) => JSON.parse(s.record_json) as InfusionRecord | TmsRecord),
    adverseEvents: aes.map((a) => JSON.parse(a.record_json) as AdverseEvent),
    medications,
    labs: labs.map((l) => JSON.parse(l.record_json) as LabResult),
    coInterventions,
  });
  // Each enrolment's schedule placed from its course as it stands, like the participant page's.
  const now = nowIso(ctx);
  const lives = await Promise.all(enrolRows.map(async (r) =>
    (await liveScheduleOf(db, { clinicId: actor.clinicId, row: r, program: await loadProgram(db, actor.clinicId, r.program_id, r.program_version), zone, now })).schedule));
  const confounders = enrolRows.flatMap((r, i) => {
    const schedule: ScheduleProposal | null = lives[i] ?? null;
    if (!schedule || schedule.items.length === 0) return [];
    const start = clinicDate(JSON.parse(r.history_json)[0].at as string, zone);
    const end = schedule.items[schedule.items.length - 1]!.windowEnd;
    return flagConfounders(medications, { start, end }).map((f) => ({ ...f, enrolmentId: r.id }));
  });
  const planned = await Promise.all(enrolRows.map((r, i) => sessionPlan(db, actor.clinicId, r, zone, undefined, lives[i])));
  await auditAlone(ctx, { action: 'program_timeline.read', resource: 'patient', resourceId: patientId, patientId });
  return {
    patient: { id: patient.id, patientNumber: patient.patient_number, nameKanji: patient.name_kanji, nameKana: patient.name_kana, birthDate: patient.birth_date },
    enrolments: enrolRows.map((r, i) => ({ id: r.id, programId: r.program_id, status: r.status, enrolmentDate: r.enrolment_date, plannedSessions: planned[i]! })),
    entries,
    medications,
    coInterventions,
    // The names of the analytes on the timeline, so no raw id is ever shown.
    analytes: Object.fromEntries([...new Set(labs.map((l) => l.analyte))].map((id) => [id, catalogue.get(id)?.label ?? { ja: id, en: id }])),
    confounders,
  };
}

/**
 * Program data for analysis, per enrolment, filtered by consent: `mayExport` decides for each
 * enrolment and each dated record (a withdrawal with "delete from future exports" removes the
 * patient; "keep" keeps data collected up to the withdrawal date). Each enrolment carries the
 * program's study id; the enrolment id only for staff who may read the patient register.
 */
export async function exportProgramData(ctx: RequestContext, o: { readonly programId: string; readonly purpose: ExportPurpose }) {
  const { programId, purpose } = o;
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  await loadProgram(db, actor.clinicId, programId);
  const zone = await clinicZone(db, actor.clinicId);
  const rows = await listEnrolments(db, { clinicId: actor.clinicId, programId });
  const identified = isRole(actor.role) && hasPermission(actor.role, 'patients:read');
  const out = [];
  let excluded = 0;
  for (const r of rows) {
    const consent = JSON.parse(r.consent_state_json) as ConsentState;
    if (!mayExport(consent, purpose)) {
      excluded++;
      continue;
    }
    const keep = (date: string) => mayExport(consent, purpose, { collectedOn: date });
    const [scores, sessions, labs] = await Promise.all([
      listScaleTotals(db, actor.clinicId, r.patient_id),
      listProgramSessions(db, { clinicId: actor.clinicId, enrolmentIds: [r.id] }),
      listLabResults(db, { clinicId: actor.clinicId, patientId: r.patient_id }),
    ]);
    out.push({
      // The program's study id for everyone (the data cut's); the enrolment id only for staff who may read the register.
      studyId: studyIdFor(ctx.db.secrets.key, programId, r.patient_id),
      ...(identified ? { enrolmentId: r.id } : {}),
      status: r.status,
      scores: scores.filter((s) => keep(clinicDate(s.scored_at, zone))).map((s) => ({ scaleId: s.scale_id, total: s.total, date: clinicDate(s.scored_at, zone) })),
      sessions: sessions.filter((s) => keep(clinicDate(s.started_at, zone))).map((s) => ({ sessionNumber: s.session_number, date: clinicDate(s.started_at, zone) })),
      labs: labs.filter((l) => keep(clinicDate(l.collected_at, zone))).map((l) => {
        const x = JSON.parse(l.record_json) as LabResult;
        return { analyte: x.analyte, value: x.canonicalValue, unit: x.canonicalUnit, comparator: x.comparator ?? null, date: clinicDate(l.collected_at, zone) };
      }),
    });
  }
  await auditAlone(ctx, { action: 'program.export', resource: 'program', resourceId: programId, detail: `purpose=${purpose};included=${out.length};excluded=${excluded}` });
  return { purpose, enrolments: out, excluded };
}

/** One consent record with its document text and drawn signature (for the patient's copy). */
export async function consentCopy(ctx: RequestContext, o: { readonly enrolmentId: string; readonly consentId: string }) {
  const { enrolmentId, consentId } = o;
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const { row } = await loadEnrolment(db, actor.clinicId, enrolmentId);
  const c = (await listConsents(db, actor.clinicId, enrolmentId)).find((x) => x.id === consentId);
  if (!c) throw new DomainError('not_found');
  const record = JSON.parse(c.record_json) as ConsentRecord;
  const program = await loadProgram(db, actor.clinicId, row.program_id, row.program_version);
  const doc = program.consentDocuments.find((d) => d.id === record.document.id && d.version === record.document.version && d.language === record.document.language);
  const texts = await getConsentTexts(db, actor.clinicId, [record.document.contentHash]);
  return { row, record, program, title: doc?.title ?? record.document.id, text: texts.get(record.document.contentHash) ?? '', signaturePng: c.signature_png, zone: await clinicZone(db, actor.clinicId) };
}
