import { DomainError } from '@mimamori/core';
import { importLabCsv, labCsvError, type LabResult } from '@mimamori/core/labs/index';
import { validateConcomitantMedication, type ConcomitantMedication } from '@mimamori/core/medication/index';
import { expectednessOf, transition, type Enrolment, type EnrolmentSchedule, type ProgramDefinition } from '@mimamori/core/programs/index';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { saeAlertFor, saeSeverity, validateAdverseEvent, type AdverseEvent } from '@mimamori/core/safety/index';
import { checkSessionWindow, normaliseLot, validateInfusionRecord, validateTmsRecord, type InfusionRecord, type OutsideWindow, type TmsRecord } from '@mimamori/core/treatment/index';
import {
  getPatient,
  insertAdverseEvent,
  insertLabResults,
  insertMedication,
  insertProgramSession,
  isUniqueViolation,
  listAdverseEvents,
  listLabResults,
  listMedications,
  listProgramSessions,
  newId,
  raiseAlert,
  sessionsWithLot,
  updateMedication,
} from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext, type StaffActor } from '../../request-context.ts';
import { clinicZone, loadEnrolment, loadProgram, nowIso, saveTransition, writeTx } from './program-context.ts';
import { chargeCompletedSession } from '../billing/charge-service.ts';
import { releasedLot } from './product-lot-service.ts';
import { releaseSessionAppointment } from './session-appointment.ts';
import { cancelFutureSessions } from './program-booking-service.ts';
import { assertReconsentDone } from './reconsent-service.ts';

/**
 * Records a treatment session (infusion or TMS, as the program says). Refused unless the patient is
 * enrolled or active (never a withdrawn patient); the first session makes an enrolled patient active.
 * An infusion may name a lot on record (`lotId`): it must be released (certificate on file, every
 * test passed) and its product facts fill the record. A session given outside its window is refused
 * (409, the window in the message) until `outsideWindowReason` confirms it; the deviation is kept in
 * the record and audited. The booked visit the session replaces is marked done or, given on another
 * day, cancelled so its chair and nurse are free.
 */
export async function recordSession(ctx: RequestContext, o: { readonly enrolmentId: string; readonly input: Record<string, unknown> }) {
  const { enrolmentId } = o;
  const { outsideWindowReason, ...input } = o.input;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { row, enrolment } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
    const program = await loadProgram(tx, actor.clinicId, row.program_id, row.program_version);
    const zone = await clinicZone(tx, actor.clinicId);
    const done = await listProgramSessions(tx, { clinicId: actor.clinicId, enrolmentIds: [enrolmentId] });
    if (enrolment.status === 'enrolled' || enrolment.status === 'active') {
      await assertReconsentDone(tx, { clinicId: actor.clinicId, row, zone, today: clinicDate(nowIso(ctx), zone) });
    }
    const id = newId();
    const base = { sessionNumber: done.length + 1, ...input, id, enrolmentId };
    const opts = { enrolmentStatus: enrolment.status, zone };
    let record: InfusionRecord | TmsRecord;
    if (program.treatment === 'infusion') {
      const lot = typeof input.lotId === 'string' && input.lotId !== '' && ['enrolled', 'active'].includes(enrolment.status)
        ? await releasedLot(tx, { clinicId: actor.clinicId, programId: row.program_id, lotId: input.lotId })
        : undefined;
      const fromLot = lot ? { product: lot.product, manufacturer: lot.manufacturer, lot: lot.lot, expiryDate: lot.expiryDate, storageTemperatureC: input.storageTemperatureC ?? lot.storageTemperatureC } : {};
      const obs = input.observation as Record<string, unknown> | undefined | null;
      const observation = obs && typeof obs === 'object' ? { ...obs, observerId: obs.observerId ?? actor.staffId } : obs;
      record = validateInfusionRecord({ ...base, ...fromLot, ...(observation !== undefined ? { observation } : {}), nurseId: actor.staffId }, opts);
    } else {
      record = validateTmsRecord({ ...base, operatorId: actor.staffId }, opts);
    }
    if (done.some((s) => s.session_number === record.sessionNumber)) {
      throw new DomainError('conflict', { key: 'programs.session_duplicate', issues: [{ path: 'sessionNumber', key: 'programs.session_duplicate' }] });
    }
    const schedule = row.schedule_json ? (JSON.parse(row.schedule_json) as EnrolmentSchedule) : null;
    const sessionDate = clinicDate(record.startedAt, zone);
    const item = program.sessions.spacing === 'fixed_interval' ? schedule?.items.find((i) => i.kind === 'session' && i.sessionNumber === record.sessionNumber) : undefined;
    const outsideWindow: OutsideWindow | undefined = item
      ? checkSessionWindow({ sessionNumber: record.sessionNumber, date: sessionDate, windowStart: item.windowStart, windowEnd: item.windowEnd, reason: outsideWindowReason })
      : undefined;
    const stored = outsideWindow ? { ...record, outsideWindow } : record;
    const now = nowIso(ctx);
    await insertProgramSession(tx, {
      id, clinic_id: actor.clinicId, enrolment_id: enrolmentId, patient_id: row.patient_id, kind: record.kind, session_number: record.sessionNumber,
      lot_key: record.kind === 'infusion' ? record.lotKey : null, started_at: record.startedAt, record_json: JSON.stringify(stored), created_by: actor.staffId, created_at: now,
    });
    await audit(ctx, tx, { action: `program_session.${record.kind}`, resource: 'program_session', resourceId: id, patientId: row.patient_id, detail: `enrolment=${enrolmentId};n=${record.sessionNumber}` });
    if (outsideWindow) {
      await audit(ctx, tx, {
        action: 'program_session.outside_window', resource: 'program_session', resourceId: id, patientId: row.patient_id,
        detail: `n=${record.sessionNumber};given=${sessionDate};window=${outsideWindow.windowStart}..${outsideWindow.windowEnd}`,
      });
    }
    const released = await releaseSessionAppointment(ctx, tx, { clinicId: actor.clinicId, schedule, sessionNumber: record.sessionNumber, sessionDate, zone, now });
    await chargeCompletedSession(ctx, tx, { clinicId: actor.clinicId, patientId: row.patient_id, sessionId: id, kind: record.kind, startedAt: record.startedAt, programId: row.program_id, enrolmentId });
    if (enrolment.status === 'enrolled') {
      const t = transition(enrolment, { to: 'active', at: now, by: actor.staffId, evidence: { firstSession: id } });
      await saveTransition(ctx, tx, { row, result: t });
    }
    return released ? { ...stored, appointment: released } : stored;
  });
}

/**
 * Records an adverse event. A serious one raises a `sae` safety alert in the same transaction; it
 * stays on the alert list and the program dashboard until a doctor acknowledges it.
 */
export async function recordAdverseEvent(ctx: RequestContext, o: { readonly enrolmentId: string; readonly input: Record<string, unknown> }) {
  const { enrolmentId, input } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { row, enrolment } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
    const program = await loadProgram(tx, actor.clinicId, row.program_id, row.program_version);
    const zone = await clinicZone(tx, actor.clinicId);
    const now = nowIso(ctx);
    const ae = validateAdverseEvent({ ...withExpectedness(program, input), id: newId(), enrolmentId, reportedBy: actor.staffId, reportedAt: now }, { zone });
    const stored: StoredAdverseEvent = { ...ae, revision: 1 };
    const alert = saeAlertFor(ae, { raisedAt: now });
    await insertAdverseEvent(tx, {
      id: ae.id, clinic_id: actor.clinicId, enrolment_id: enrolmentId, patient_id: row.patient_id, onset_date: ae.onsetDate, serious: alert ? 1 : 0,
      record_json: JSON.stringify(stored), created_at: now, updated_at: now,
    });
    if (alert) {
      await raiseAlert(tx, {
        id: newId(), clinicId: actor.clinicId, patientId: row.patient_id, kind: 'sae', severity: saeSeverity(alert.criteria), sourceType: 'program_adverse_event', sourceId: ae.id,
        summary: { key: alert.susar ? 'programs.alert_susar' : 'programs.alert_sae', params: alert.params }, now,
      });
    }
    await audit(ctx, tx, { action: 'program_adverse_event.record', resource: 'program_adverse_event', resourceId: ae.id, patientId: row.patient_id, detail: `grade=${ae.grade};serious=${alert ? 1 : 0}` });
    const dosingStopped = await stopDosingIfWithdrawn(ctx, tx, { row, enrolment, ae, now });
    return { adverseEvent: stored, alertRaised: alert !== null, susar: alert?.susar ?? false, dosingStopped };
  });
}

/**
 * The input with `expectedness` decided by the program's list of expected events: expected only
 * when recorded against one of them (`expectedEventId`), whatever `expectedness` the form sent.
 */
function withExpectedness(program: ProgramDefinition, input: Record<string, unknown>): Record<string, unknown> {
  const id = typeof input.expectedEventId === 'string' && input.expectedEventId !== '' ? input.expectedEventId : undefined;
  if (id !== undefined && expectednessOf(program.safety, id) === 'unexpected') {
    throw new DomainError('validation', { key: 'programs.expected_event_unknown', issues: [{ path: 'expectedEventId', key: 'programs.expected_event_unknown' }] });
  }
  const { expectedEventId: _e, ...rest } = input;
  void _e;
  return { ...rest, ...(id !== undefined ? { expectedEventId: id } : {}), expectedness: expectednessOf(program.safety, id) };
}

/**
 * An adverse event whose action was 「投与中止」 (`treatment_withdrawn`) stops the treatment: an
 * enrolled or active participant moves to `dosing_stopped` (no further dose is accepted; assessments
 * go on) in the same transaction. The booked sessions stay until staff confirm cancelling them
 * (`cancelRemainingSessions`). Returns whether the status changed.
 */
async function stopDosingIfWithdrawn(ctx: RequestContext, tx: Parameters<Parameters<typeof writeTx>[1]>[0], o: { readonly row: Awaited<ReturnType<typeof loadEnrolment>>['row']; readonly enrolment: Enrolment; readonly ae: AdverseEvent; readonly now: string }): Promise<boolean> {
  const actor = requireStaff(ctx);
  if (o.ae.actionTaken !== 'treatment_withdrawn' || (o.enrolment.status !== 'enrolled' && o.enrolment.status !== 'active')) return false;
  const t = transition(o.enrolment, { to: 'dosing_stopped', at: o.now, by: actor.staffId, reason: `adverse_event:${o.ae.id}`, evidence: { adverseEvent: o.ae.id } });
  await saveTransition(ctx, tx, { row: o.row, result: t });
  return true;
}

/**
 * Cancels the booked treatment sessions still ahead of a participant whose dosing was stopped, once
 * staff confirm it: each booked visit is released and the patient told (the reservations feature's
 * cancellation notice). Assessment visits are kept. Refused unless dosing was stopped.
 */
export async function cancelRemainingSessions(ctx: RequestContext, enrolmentId: string) {
  const actor = requireStaff(ctx);
  const { row, enrolment } = await loadEnrolment(ctx.db.db, actor.clinicId, enrolmentId);
  if (enrolment.status !== 'dosing_stopped') throw new DomainError('invalid_state', { key: 'programs.cancel_sessions_not_stopped' });
  const r = await cancelFutureSessions(ctx, row);
  await auditAlone(ctx, { action: 'program_enrolment.cancel_sessions', resource: 'program_enrolment', resourceId: row.id, patientId: row.patient_id, detail: `cancelled=${r.cancelled};failed=${r.failed.length}` });
  return { cancelledAppointments: r.cancelled, appointmentsNotCancelled: r.failed };
}

/** Fields of an adverse event that may be corrected after it was recorded (not who reported it, or when). */
export const AE_EDITABLE = ['term', 'meddraCode', 'onsetDate', 'endDate', 'grade', 'seriousness', 'relatedness', 'expectedness', 'expectedEventId', 'actionTaken', 'outcome', 'sessionNumber', 'description'] as const;

/** One change of a stored adverse event: which fields, from what to what, by whom. */
export interface AdverseEventAmendment {
  readonly revision: number;
  readonly at: string;
  readonly by: string;
  readonly changes: ReadonlyArray<{ readonly field: string; readonly from: unknown; readonly to: unknown }>;
}

/** The stored form: the event, its revision number and every earlier change. */
export type StoredAdverseEvent = AdverseEvent & { readonly revision?: number; readonly amendments?: ReadonlyArray<AdverseEventAmendment> };

/**
 * Edits an adverse event after it was recorded (end date, outcome, grade, seriousness,
 * relatedness, action …). `revision` is the one the editor saw: a stale edit is refused. The whole
 * event is validated again, so bad input names its field and changes nothing; `null` clears an
 * optional field. Each change is kept in the record's amendments and audited. An edit that makes
 * the event serious raises the SAE alert in the same transaction — once per event.
 */
export async function updateAdverseEvent(ctx: RequestContext, o: { readonly enrolmentId: string; readonly adverseEventId: string; readonly input: Record<string, unknown> }) {
  const { enrolmentId, adverseEventId: aeId, input } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { row: enrolment, enrolment: journey } = await loadEnrolment(tx, actor.clinicId, enrolmentId);
    const program = await loadProgram(tx, actor.clinicId, enrolment.program_id, enrolment.program_version);
    const row = (await listAdverseEvents(tx, { clinicId: actor.clinicId, enrolmentIds: [enrolmentId] })).find((a) => a.id === aeId);
    if (!row) throw new DomainError('not_found');
    const stored = JSON.parse(row.record_json) as StoredAdverseEvent;
    const revision = stored.revision ?? 1;
    if (typeof input.revision !== 'number') {
      throw new DomainError('validation', { key: 'programs.field.required', issues: [{ path: 'revision', key: 'programs.field.required' }] });
    }
    if (input.revision !== revision) {
      throw new DomainError('conflict', { key: 'programs.adverse_event_changed', issues: [{ path: 'revision', key: 'programs.adverse_event_changed' }] });
    }
    const { revision: _r, amendments = [], ...current } = stored;
    const merged: Record<string, unknown> = { ...current };
    for (const f of AE_EDITABLE) {
      if (!(f in input)) continue;
      if (input[f] === null) delete merged[f];
      else merged[f] = input[f];
    }
    const zone = await clinicZone(tx, actor.clinicId);
    const ae = validateAdverseEvent(withExpectedness(program, merged), { zone });
    const changes = AE_EDITABLE.flatMap((f) => {
      const from = (current as Record<string, unknown>)[f];
      const to = (ae as Record<string, unknown>)[f];
      return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field: f, from: from ?? null, to: to ?? null }];
    });
    if (changes.length === 0) return { adverseEvent: stored, alertRaised: false, susar: false, changed: false };
    const now = nowIso(ctx);
    const next: StoredAdverseEvent = { ...ae, revision: revision + 1, amendments: [...amendments, { revision: revision + 1, at: now, by: actor.staffId, changes }] };
    const alert = saeAlertFor(ae, { raisedAt: now });
    const r = await tx.updateTable('program_adverse_events')
      .set({ record_json: JSON.stringify(next), onset_date: ae.onsetDate, serious: alert ? 1 : 0, updated_at: now })
      .where('clinic_id', '=', actor.clinicId).where('id', '=', aeId).where('record_json', '=', row.record_json)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new DomainError('conflict', { key: 'programs.adverse_event_changed' });
    const becameSerious = alert !== null && row.serious !== 1;
    if (alert) {
      // raiseAlert keeps one alert per event, however often it is edited back and forth; an event
      // that becomes life-threatening later raises its alert to urgent.
      await raiseAlert(tx, {
        id: newId(), clinicId: actor.clinicId, patientId: enrolment.patient_id, kind: 'sae', severity: saeSeverity(alert.criteria), sourceType: 'program_adverse_event', sourceId: ae.id,
        summary: { key: alert.susar ? 'programs.alert_susar' : 'programs.alert_sae', params: alert.params }, now,
      });
    }
    await audit(ctx, tx, {
      action: 'program_adverse_event.update', resource: 'program_adverse_event', resourceId: ae.id, patientId: enrolment.patient_id,
      detail: `rev=${revision + 1};fields=${changes.map((c) => c.field).join(',')};serious=${row.serious}->${alert ? 1 : 0}`,
    });
    const dosingStopped = await stopDosingIfWithdrawn(ctx, tx, { row: enrolment, enrolment: journey, ae, now });
    return { adverseEvent: next, alertRaised: becameSerious, susar: becameSerious && (alert?.susar ?? false), changed: true, dosingStopped };
  });
}

/** Adds or replaces a concomitant medicine of a patient (by generic name, with its dated changes). */
export async function saveMedication(ctx: RequestContext, o: { readonly patientId: string; readonly input: Record<string, unknown>; readonly medicationId?: string }) {
  const { patientId, input, medicationId } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    if (!(await getPatient(tx, actor.clinicId, patientId))) throw new DomainError('not_found');
    const id = medicationId ?? newId();
    const med: ConcomitantMedication = validateConcomitantMedication({ ...input, id, patientId });
    const now = nowIso(ctx);
    if (medicationId) {
      const existing = (await listMedications(tx, actor.clinicId, patientId)).find((m) => m.id === medicationId);
      if (!existing) throw new DomainError('not_found');
      await updateMedication(tx, { clinicId: actor.clinicId, id, recordJson: JSON.stringify(med), now });
    } else {
      await insertMedication(tx, { id, clinic_id: actor.clinicId, patient_id: patientId, record_json: JSON.stringify(med), created_by: actor.staffId, created_at: now, updated_at: now });
    }
    await audit(ctx, tx, { action: medicationId ? 'program_medication.update' : 'program_medication.create', resource: 'program_medication', resourceId: id, patientId });
    return med;
  });
}

function labRow(actor: StaffActor, o: { readonly lab: LabResult; readonly id: string; readonly importId: string | null; readonly now: string }) {
  const { lab, id, importId, now } = o;
  return {
    id, clinic_id: actor.clinicId, patient_id: lab.patientId, enrolment_id: lab.enrolmentId ?? null, analyte: lab.analyte,
    collected_at: new Date(Date.parse(lab.collectedAt)).toISOString(), record_json: JSON.stringify(lab), import_id: importId, created_by: actor.staffId, created_at: now,
  };
}

/**
 * Imports a lab CSV, all or nothing. `patient_id` holds the patient number (診察券番号). Returns the
 * stored count, or throws a validation error whose details name every bad row and column.
 */
export async function importLabs(ctx: RequestContext, csv: string) {
  const actor = requireStaff(ctx);
  const db = ctx.db.db;
  const zone = await clinicZone(db, actor.clinicId);
  const patients = await db.selectFrom('patients').select(['id', 'patient_number']).where('clinic_id', '=', actor.clinicId).execute();
  const idOf = new Map(patients.map((p) => [p.patient_number, p.id]));
  const numberOf = new Map(patients.map((p) => [p.id, p.patient_number]));
  const existing = (await listLabResults(db, { clinicId: actor.clinicId })).map((r) => ({ patientId: numberOf.get(r.patient_id) ?? r.patient_id, analyte: r.analyte as LabResult['analyte'], collectedAt: r.collected_at }));
  const report = importLabCsv(csv, { zone, existing, patientExists: (n) => idOf.has(n.trim()) });
  if (!report.ok) {
    await auditAlone(ctx, { action: 'program_lab.import', resource: 'program_lab_result', outcome: 'failure', detail: `rows=${report.rowCount};errors=${report.errors.length}` });
    throw labCsvError(report);
  }
  const importId = newId();
  try {
    await writeTx(ctx, async (tx) => {
      const now = nowIso(ctx);
      await insertLabResults(tx, report.results.map((r) => {
        const { row: _row, ...lab } = r;
        void _row;
        return labRow(actor, { lab: { ...lab, patientId: idOf.get(lab.patientId.trim())! }, id: newId(), importId, now });
      }));
      await audit(ctx, tx, { action: 'program_lab.import', resource: 'program_lab_result', resourceId: importId, detail: `rows=${report.results.length}` });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('conflict', { key: 'programs.lab_duplicate' });
    throw err;
  }
  return { importId, imported: report.results.length };
}

/** "Which patients received lot X": one search over every infusion, however the lot was typed. */
export async function patientsWithLot(ctx: RequestContext, lot: string) {
  const actor = requireStaff(ctx);
  const key = normaliseLot(lot);
  const rows = await sessionsWithLot(ctx.db.db, actor.clinicId, key);
  await auditAlone(ctx, { action: 'program_lot.search', resource: 'program_session', detail: `lot=${key};results=${rows.length}` });
  return rows.map((r) => {
    const rec = JSON.parse(r.record_json) as InfusionRecord;
    return {
      sessionId: r.id, enrolmentId: r.enrolment_id, programId: r.program_id, sessionNumber: r.session_number, startedAt: r.started_at,
      lot: rec.lot, product: rec.product, expiryDate: rec.expiryDate,
      patient: { id: r.patient_id, patientNumber: r.patient_number, nameKanji: r.name_kanji, nameKana: r.name_kana },
    };
  });
}

export type { AdverseEvent };
