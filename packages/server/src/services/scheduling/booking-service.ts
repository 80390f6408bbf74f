import { sendIntake } from '../intake/send-intake.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { endOfClinicDay } from '@mimamori/core/time/end-of-clinic-day';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mimamori/core';
import {
  allocateUnit, bookingRejection, checkBooking, checkOnlineChange, occupiedSpan, type ExistingBooking, type Service, type SlotAssignment,
} from '@mimamori/core/scheduling/index';
import { parseInstant } from '@mimamori/core/time/parse-instant';
import {
  confirmUnits, countUnits, deactivateUnits, findAppointmentByIdempotencyKey, getAppointment, getPatient, getStaffBriefs, insertAppointment,
  insertUnits, listActiveUnits, listAppointments, listBlockingAppointments, lockIdempotencyKey, lockResources, newId, releaseExpiredUnits, updateAppointmentIfVersion,
  type AppointmentRow, type AppointmentUnitRow, type BlockingAppointment, type Db,
} from '@mimamori/storage';
import { auditRequest, auditAloneRequest } from '../../audit/audit.ts';
import { appState } from '../../app-state.ts';
import type { AppDeps } from '../../context.ts';
import { formatDeadline, queueAppointmentMail } from './appointment-mail.ts';
import { appointmentViews, type AppointmentView } from './appointment-view.ts';
import { loadClinicScheduling, writeSchedulingTx, type ClinicScheduling, type SchedulingActor } from './scheduling-context.ts';

const DAY = 86_400_000;

async function patientTags(deps: AppDeps, tx: Db, o: { actor: SchedulingActor; service: Service; patientId: string }): Promise<ReadonlyArray<string>> {
  const { actor, service } = o;
  const tags = await appState(deps).scheduling.patientTags(tx, actor.clinicId, o.patientId);
  // Staff decide program membership at the desk: their booking of a program service counts as it.
  if (actor.channel === 'staff' && service.eligibilityTag) return [...tags, service.eligibilityTag];
  return tags;
}

export function findService(cfg: ClinicScheduling, serviceId: string): Service {
  const s = cfg.services.find((x) => x.id === serviceId);
  if (!s) throw new DomainError('not_found', { key: 'booking.service_unknown', params: { serviceId } });
  return s;
}

/** A stored appointment as core's slot engine sees it: its resources, buffers, and a hold's expiry. */
export function toExisting(r: BlockingAppointment): ExistingBooking {
  return {
    id: r.id,
    serviceId: r.service_id,
    start: r.start_ms,
    end: r.end_ms,
    resourceIds: (JSON.parse(r.assignments_json) as SlotAssignment[]).map((a) => a.resourceId),
    status: r.status === 'held' ? 'hold' : 'confirmed',
    ...(r.status === 'held' && r.hold_expires_at ? { holdExpiresAt: r.hold_expires_at } : {}),
    bufferBeforeMinutes: r.buffer_before_minutes,
    bufferAfterMinutes: r.buffer_after_minutes,
  };
}

interface Placement {
  readonly startMs: number;
  readonly endMs: number;
  readonly assignments: ReadonlyArray<SlotAssignment>;
  readonly doubleBooked: boolean;
  readonly units: ReadonlyArray<Omit<AppointmentUnitRow, 'appointment_id' | 'id'>>;
  readonly service: Service;
  /** When a hold lapses (epoch ms); null for a booking. */
  readonly holdExpiresMs: number | null;
}

/**
 * The write-time check, inside the booking transaction: locks the candidate resources (PostgreSQL),
 * frees lapsed holds, re-runs core's `checkBooking` against what is committed now, and picks a free
 * unit of each assigned resource. The units' constraint is the last word if anything slips past.
 */
async function place(
  deps: AppDeps,
  tx: Db,
  o: {
    cfg: ClinicScheduling; actor: SchedulingActor; serviceId: string; patientId: string; start: string; resourceIds?: ReadonlyArray<string>;
    allowDouble: boolean; hold: boolean; excludeId?: string; nowMs: number;
  },
): Promise<Placement> {
  const { cfg, actor } = o;
  const service = findService(cfg, o.serviceId);
  for (const id of o.resourceIds ?? []) {
    if (!cfg.resources.some((r) => r.id === id)) throw new DomainError('validation', { key: 'booking.resource_unknown', details: [{ path: 'resourceIds', message: 'booking.resource_unknown' }] });
  }
  const startMs = parseInstant(o.start, 'start');
  const roles = new Set(service.requires.map((r) => r.role));
  const candidates = cfg.resources.filter((r) => r.active !== false && r.roles.some((x) => roles.has(x))).map((r) => r.id);
  await lockResources(tx, { clinicId: cfg.clinicId, resourceIds: candidates });
  await releaseExpiredUnits(tx, { clinicId: cfg.clinicId, resourceIds: candidates, nowMs: o.nowMs });
  const nowIso = new Date(o.nowMs).toISOString();
  const existing = await listBlockingAppointments(tx, { clinicId: cfg.clinicId, fromMs: startMs - 2 * DAY, toMs: startMs + 2 * DAY, nowIso });
  const check = checkBooking({
    calendar: cfg.calendar,
    service,
    resources: cfg.resources,
    bookings: existing.map(toExisting),
    services: cfg.services,
    policy: cfg.policy,
    channel: actor.channel,
    now: o.nowMs,
    start: o.start,
    patientTags: await patientTags(deps, tx, { actor, service, patientId: o.patientId }),
    ...(o.resourceIds && o.resourceIds.length ? { resourceIds: o.resourceIds } : {}),
    ...(o.excludeId ? { excludeBookingId: o.excludeId } : {}),
    allowDoubleBooking: o.allowDouble && actor.channel === 'staff',
  });
  if (!check.ok) throw check.error;
  const { fromMs: from, toMs: to } = occupiedSpan(check.slot, service);
  const holdExpires = o.hold ? o.nowMs + cfg.policy.holdMinutes * 60_000 : null;
  const units: Array<Omit<AppointmentUnitRow, 'appointment_id' | 'id'>> = [];
  for (const a of check.slot.assignments) {
    const capacity = cfg.resources.find((r) => r.id === a.resourceId)?.capacity ?? 1;
    const taken = await listActiveUnits(tx, { clinicId: cfg.clinicId, resourceIds: [a.resourceId], fromMs: from, toMs: to, nowMs: o.nowMs });
    const n = allocateUnit({ capacity, taken: taken.map((u) => ({ unitNo: u.unit_no, appointmentId: u.appointment_id })), ...(o.excludeId ? { excludeAppointmentId: o.excludeId } : {}) });
    if (n === null) {
      // A deliberate double booking goes over capacity: it takes no unit of a full resource.
      if (check.doubleBooked) continue;
      throw bookingRejection('booking.over_capacity', { role: a.role });
    }
    units.push({ clinic_id: cfg.clinicId, resource_id: a.resourceId, unit_no: n, unit_key: `${cfg.clinicId}:${a.resourceId}:${n}`, start_ms: from, end_ms: to, active: 1, expires_ms: holdExpires });
  }
  return { startMs: check.slot.startMs, endMs: check.slot.endMs, assignments: check.slot.assignments, doubleBooked: check.doubleBooked, units, service, holdExpiresMs: holdExpires };
}

function unitRows(appointmentId: string, p: Placement): AppointmentUnitRow[] {
  return p.units.map((u) => ({ ...u, id: newId(), appointment_id: appointmentId }));
}

async function approvingDoctor(db: Db, clinicId: string, staffId: string): Promise<void> {
  const [s] = await getStaffBriefs(db, clinicId, [staffId]);
  if (!s || s.role !== 'doctor' || s.status !== 'active') {
    throw new DomainError('validation', { key: 'booking.override_doctor', details: [{ path: 'doubleBook.approvedBy', message: 'booking.override_doctor' }] });
  }
}

/** Scopes an Idempotency-Key to who sent it, so two users' keys never meet. */
export function scopedKey(actor: SchedulingActor, key: string): string {
  return `${actor.staffId ?? `p:${actor.patientId}`}:${key}`;
}

export function requestHash(op: string, body: unknown): string {
  return createHash('sha256').update(JSON.stringify([op, body])).digest('hex');
}

export interface BookInput {
  readonly patientId: string;
  readonly serviceId: string;
  readonly start: string;
  readonly resourceIds?: ReadonlyArray<string>;
  readonly hold?: boolean;
  readonly note?: string | null;
  readonly doubleBook?: { readonly reason: string; readonly approvedBy: string };
  readonly seriesId?: string | null;
}

/** Inserts one booking inside `tx` (shared by single bookings and series). */
export async function insertBooking(
  deps: AppDeps,
  tx: Db,
  req: FastifyRequest,
  o: { cfg: ClinicScheduling; actor: SchedulingActor; input: BookInput; idempotencyKey: string | null; hash: string | null; nowMs: number; mail: boolean },
): Promise<AppointmentRow> {
  const { cfg, actor, input } = o;
  const patient = await getPatient(tx, cfg.clinicId, input.patientId);
  if (!patient) throw new DomainError('not_found');
  if (input.doubleBook) {
    if (actor.channel !== 'staff') throw new DomainError('forbidden');
    if (!input.doubleBook.reason.trim()) throw new DomainError('validation', { key: 'booking.override_reason', details: [{ path: 'doubleBook.reason', message: 'booking.override_reason' }] });
    await approvingDoctor(tx, cfg.clinicId, input.doubleBook.approvedBy);
  }
  const hold = input.hold === true;
  const p = await place(deps, tx, {
    cfg, actor, serviceId: input.serviceId, patientId: input.patientId, start: input.start, allowDouble: Boolean(input.doubleBook), hold, nowMs: o.nowMs,
    ...(input.resourceIds ? { resourceIds: input.resourceIds } : {}),
  });
  const nowIso = new Date(o.nowMs).toISOString();
  // A patient booking online cannot be in two places: refuse a slot over their own booking (e.g. a 再診 on top of their 初診).
  if (actor.channel === 'patient') {
    // A first visit is booked by phone, through staff: online booking needs a visit before this one (done or booked).
    const earlier = await listAppointments(tx, { clinicId: cfg.clinicId, patientId: input.patientId, toMs: p.startMs, statuses: ['confirmed', 'completed'], limit: 1 });
    if (earlier.length === 0) throw new DomainError('forbidden', { key: 'booking.first_visit_by_phone', params: { phone: cfg.clinicPhone } });
    const own = await listAppointments(tx, { clinicId: cfg.clinicId, patientId: input.patientId, fromMs: p.startMs, toMs: p.endMs, statuses: ['confirmed', 'held'] });
    if (own.some((a) => a.status === 'confirmed' || (a.hold_expires_at !== null && a.hold_expires_at > nowIso))) throw new DomainError('slot_unavailable', { key: 'booking.patient_overlap' });
  }
  const row: AppointmentRow = {
    id: newId(),
    clinic_id: cfg.clinicId,
    patient_id: input.patientId,
    service_id: p.service.id,
    start_at: new Date(p.startMs).toISOString(),
    end_at: new Date(p.endMs).toISOString(),
    start_ms: p.startMs,
    end_ms: p.endMs,
    status: hold ? 'held' : 'confirmed',
    hold_expires_at: p.holdExpiresMs === null ? null : new Date(p.holdExpiresMs).toISOString(),
    channel: actor.channel,
    series_id: input.seriesId ?? null,
    assignments_json: JSON.stringify(p.assignments),
    buffer_before_minutes: p.service.bufferBeforeMinutes ?? 0,
    buffer_after_minutes: p.service.bufferAfterMinutes ?? 0,
    double_booked: p.doubleBooked ? 1 : 0,
    override_reason: p.doubleBooked ? (input.doubleBook?.reason ?? null) : null,
    override_approved_by: p.doubleBooked ? (input.doubleBook?.approvedBy ?? null) : null,
    idempotency_key: o.idempotencyKey,
    request_hash: o.hash,
    note: input.note ?? null,
    checked_in_at: null,
    cancelled_at: null,
    cancel_reason: null,
    created_by: actor.staffId,
    created_at: nowIso,
    updated_at: nowIso,
    version: 1,
  };
  await insertAppointment(tx, row);
  await insertUnits(tx, unitRows(row.id, p));
  await auditRequest(deps, tx, req, {
    action: hold ? 'appointment.hold' : 'appointment.book',
    resource: 'appointment',
    resourceId: row.id,
    patientId: row.patient_id,
    clinicId: cfg.clinicId,
    ...(actor.channel === 'patient' ? { actorId: null, actorRole: 'patient' } : {}),
    detail: `service=${row.service_id}${p.doubleBooked ? `;double_booked=1;approved_by=${row.override_approved_by}` : ''}${row.series_id ? `;series=${row.series_id}` : ''}`,
  });
  if (o.mail && !hold) await queueAppointmentMail(deps, tx, { cfg, row, kind: 'confirmation' });
  // A first visit sends the WEB問診 in the same transaction: valid until the end of the visit day.
  if (!hold && p.service.sendsIntake) {
    const endOfDay = new Date(endOfClinicDay(p.startMs, cfg.zone)).toISOString();
    await sendIntake(deps, tx, req, { clinicId: cfg.clinicId, patientId: row.patient_id, appointmentId: row.id, expiresAt: endOfDay, email: o.mail });
  }
  return row;
}


/** The booking stored earlier under this key, if any; another body under the same key is a 409. */
async function replay(db: Db, actor: SchedulingActor, key: string, hash: string): Promise<AppointmentRow | undefined> {
  const existing = await findAppointmentByIdempotencyKey(db, actor.clinicId, key);
  if (!existing) return undefined;
  if (existing.request_hash !== hash) throw new DomainError('conflict', { key: 'booking.idempotency_mismatch' });
  return existing;
}

async function viewOne(deps: AppDeps, db: Db, actor: SchedulingActor, row: AppointmentRow, cfg?: ClinicScheduling): Promise<AppointmentView> {
  const c = cfg ?? (await loadClinicScheduling(deps, db, actor.clinicId));
  const [v] = await appointmentViews(db, c, [row], { forPatient: actor.channel === 'patient', nowMs: deps.clock().getTime() });
  return v!;
}

/**
 * Books (or holds) one appointment. With an idempotency key, the same key and body return the
 * booking made the first time (`created: false`); a different body is a 409.
 */
export async function bookAppointment(
  deps: AppDeps,
  req: FastifyRequest,
  actor: SchedulingActor,
  input: BookInput,
  idempotencyKey?: string,
): Promise<{ appointment: AppointmentView; created: boolean }> {
  if (actor.patientId && input.patientId !== actor.patientId) throw new DomainError('forbidden');
  const key = idempotencyKey ? scopedKey(actor, idempotencyKey) : null;
  const hash = key ? requestHash('book', input) : null;
  if (key && hash) {
    const prior = await replay(deps.db.db, actor, key, hash);
    if (prior) return { appointment: await viewOne(deps, deps.db.db, actor, prior), created: false };
  }
  const nowMs = deps.clock().getTime();
  const { row, cfg, created } = await writeSchedulingTx(deps, async (tx) => {
    if (key && hash) {
      // A copy of this request still running finishes first; then its booking is the answer.
      await lockIdempotencyKey(tx, { clinicId: actor.clinicId, key });
      const prior = await replay(tx, actor, key, hash);
      if (prior) return { row: prior, cfg: undefined, created: false };
    }
    const cfg = await loadClinicScheduling(deps, tx, actor.clinicId);
    return { row: await insertBooking(deps, tx, req, { cfg, actor, input, idempotencyKey: key, hash, nowMs, mail: true }), cfg, created: true };
  });
  return { appointment: await viewOne(deps, deps.db.db, actor, row, cfg), created };
}

/**
 * The appointment, if this actor may see it; patients get "not found" for anyone else's. Inside a
 * write transaction the denial is not audited here (SQLite has one connection, and the write rolls
 * back): call {@link assertOwnAppointment} before the transaction for that.
 */
async function ownAppointment(deps: AppDeps, db: Db, req: FastifyRequest, actor: SchedulingActor, id: string, auditDenial = false): Promise<AppointmentRow> {
  const row = await getAppointment(db, actor.clinicId, id);
  if (!row || (actor.patientId !== null && row.patient_id !== actor.patientId)) {
    if (row && auditDenial) {
      await auditAloneRequest(deps, req, { action: 'appointment.access', resource: 'appointment', resourceId: id, outcome: 'denied', clinicId: actor.clinicId, actorId: null, actorRole: 'patient' });
    }
    throw new DomainError('not_found');
  }
  return row;
}

/** Before a patient's write: someone else's appointment is "not found", and the attempt is audited. */
async function assertOwnAppointment(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, id: string): Promise<void> {
  if (actor.patientId !== null) await ownAppointment(deps, deps.db.db, req, actor, id, true);
}

function patientAudit(actor: SchedulingActor) {
  return actor.channel === 'patient' ? { actorId: null, actorRole: 'patient' } : {};
}

/** Patients may change or cancel online only before the clinic's cutoff; the error says whom to call. */
function assertOnlineChange(cfg: ClinicScheduling, actor: SchedulingActor, row: AppointmentRow, nowMs: number): void {
  if (actor.channel !== 'patient') return;
  const d = checkOnlineChange({ rule: cfg.policy.changeCutoff, appointmentStart: row.start_ms, now: nowMs, zone: cfg.zone, clinicPhone: cfg.clinicPhone });
  if (d.allowed) return;
  const deadline = formatDeadline(d.deadlineMs, cfg.zone);
  const err = new DomainError('cutoff_passed', { key: d.error.key, params: { deadline, phone: cfg.clinicPhone } });
  (err as unknown as { extra: Record<string, unknown> }).extra = { phone: cfg.clinicPhone, deadline: d.deadline };
  throw err;
}

function notActive(): DomainError {
  return new DomainError('invalid_state', { key: 'booking.not_active' });
}

function stale(): DomainError {
  return new DomainError('conflict');
}

/**
 * The frame of every change to one appointment: ownership checked first, then one write
 * transaction with the clinic's configuration and the current row, and the view of the row the
 * change returns.
 */
async function changeOwnAppointment(
  deps: AppDeps,
  req: FastifyRequest,
  actor: SchedulingActor,
  id: string,
  change: (c: { tx: Db; cfg: ClinicScheduling; row: AppointmentRow; nowMs: number; nowIso: string }) => Promise<AppointmentRow>,
): Promise<AppointmentView> {
  const nowMs = deps.clock().getTime();
  const nowIso = new Date(nowMs).toISOString();
  await assertOwnAppointment(deps, req, actor, id);
  const { row, cfg } = await writeSchedulingTx(deps, async (tx) => {
    const cfg = await loadClinicScheduling(deps, tx, actor.clinicId);
    const current = await ownAppointment(deps, tx, req, actor, id);
    return { row: await change({ tx, cfg, row: current, nowMs, nowIso }), cfg };
  });
  return viewOne(deps, deps.db.db, actor, row, cfg);
}

/** Confirms a hold: a compare-and-swap on (held, not expired, version). */
export async function confirmHold(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, id: string, version: number): Promise<AppointmentView> {
  return changeOwnAppointment(deps, req, actor, id, async ({ tx, cfg, row, nowIso }) => {
    if (row.status !== 'held') throw new DomainError('invalid_state', { key: 'booking.not_held' });
    const ids = (JSON.parse(row.assignments_json) as SlotAssignment[]).map((a) => a.resourceId);
    await lockResources(tx, { clinicId: actor.clinicId, resourceIds: ids });
    if (!row.hold_expires_at || row.hold_expires_at <= nowIso) throw new DomainError('invalid_state', { key: 'booking.hold_expired' });
    const total = await countUnits(tx, actor.clinicId, id);
    const kept = await confirmUnits(tx, actor.clinicId, id);
    if (kept !== total) throw new DomainError('invalid_state', { key: 'booking.hold_expired' });
    const ok = await updateAppointmentIfVersion(tx, {
      clinicId: actor.clinicId, id, expectedVersion: version, requireStatus: ['held'], patch: { status: 'confirmed', hold_expires_at: null, updated_at: nowIso },
    });
    if (!ok) throw stale();
    const updated = { ...row, status: 'confirmed', hold_expires_at: null, updated_at: nowIso, version: version + 1 };
    await auditRequest(deps, tx, req, { action: 'appointment.confirm', resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId, ...patientAudit(actor) });
    await queueAppointmentMail(deps, tx, { cfg, row: updated, kind: 'confirmation' });
    return updated;
  });
}

/** Moves an appointment to another time (and/or resources); same id, version + 1, a change mail. */
export async function changeAppointment(
  deps: AppDeps,
  req: FastifyRequest,
  actor: SchedulingActor,
  id: string,
  body: { start: string; version: number; resourceIds?: ReadonlyArray<string>; doubleBook?: { reason: string; approvedBy: string } },
): Promise<AppointmentView> {
  parseInstant(body.start, 'start');
  return changeOwnAppointment(deps, req, actor, id, async ({ tx, cfg, row, nowMs, nowIso }) => {
    if (row.status !== 'confirmed' && !(row.status === 'held' && row.hold_expires_at && row.hold_expires_at > nowIso)) throw notActive();
    if (row.version !== body.version) throw stale();
    assertOnlineChange(cfg, actor, row, nowMs);
    if (body.doubleBook) {
      if (actor.channel !== 'staff') throw new DomainError('forbidden');
      await approvingDoctor(tx, cfg.clinicId, body.doubleBook.approvedBy);
    }
    const p = await place(deps, tx, {
      cfg, actor, serviceId: row.service_id, patientId: row.patient_id, start: body.start, allowDouble: Boolean(body.doubleBook), hold: row.status === 'held', excludeId: row.id, nowMs,
      ...(body.resourceIds ? { resourceIds: body.resourceIds } : {}),
    });
    await deactivateUnits(tx, actor.clinicId, row.id);
    await insertUnits(tx, unitRows(row.id, p));
    const patch = {
      start_at: new Date(p.startMs).toISOString(), end_at: new Date(p.endMs).toISOString(), start_ms: p.startMs, end_ms: p.endMs,
      assignments_json: JSON.stringify(p.assignments), double_booked: p.doubleBooked ? 1 : 0,
      override_reason: p.doubleBooked ? (body.doubleBook?.reason ?? null) : null, override_approved_by: p.doubleBooked ? (body.doubleBook?.approvedBy ?? null) : null,
      updated_at: nowIso, checked_in_at: null,
    };
    const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id, expectedVersion: body.version, patch, requireStatus: ['confirmed', 'held'] });
    if (!ok) throw stale();
    const updated: AppointmentRow = { ...row, ...patch, version: body.version + 1 };
    await auditRequest(deps, tx, req, {
      action: 'appointment.change', resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId, ...patientAudit(actor),
      detail: `from=${row.start_at};to=${patch.start_at}${p.doubleBooked ? ';double_booked=1' : ''}`,
    });
    if (row.status === 'confirmed') await queueAppointmentMail(deps, tx, { cfg, row: updated, kind: 'change' });
    return updated;
  });
}

/** Cancels (or records a late cancellation); the slot is free again at once. */
export async function cancelAppointment(
  deps: AppDeps,
  req: FastifyRequest,
  actor: SchedulingActor,
  id: string,
  body: { version: number; reason?: string | null; late?: boolean },
): Promise<AppointmentView> {
  return changeOwnAppointment(deps, req, actor, id, async ({ tx, cfg, row, nowMs, nowIso }) => {
    if (row.status !== 'confirmed' && row.status !== 'held') throw notActive();
    if (row.version !== body.version) throw stale();
    assertOnlineChange(cfg, actor, row, nowMs);
    const status = body.late === true && actor.channel === 'staff' ? 'late_cancel' : 'cancelled';
    const patch = { status, cancelled_at: nowIso, cancel_reason: body.reason ?? null, updated_at: nowIso, hold_expires_at: null };
    const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id, expectedVersion: body.version, patch, requireStatus: ['confirmed', 'held'] });
    if (!ok) throw stale();
    await deactivateUnits(tx, actor.clinicId, id);
    const updated: AppointmentRow = { ...row, ...patch, version: body.version + 1 };
    await auditRequest(deps, tx, req, { action: `appointment.${status}`, resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId, ...patientAudit(actor) });
    if (row.status === 'confirmed') await queueAppointmentMail(deps, tx, { cfg, row: updated, kind: 'cancellation' });
    return updated;
  });
}

/** Records a no-show, a completed visit or a late cancellation (staff). */
export async function markAppointment(
  deps: AppDeps,
  req: FastifyRequest,
  actor: SchedulingActor,
  id: string,
  body: { status: 'no_show' | 'completed' | 'late_cancel'; version: number },
): Promise<AppointmentView> {
  return changeOwnAppointment(deps, req, actor, id, async ({ tx, row, nowMs, nowIso }) => {
    if (row.status !== 'confirmed') throw notActive();
    if (body.status !== 'late_cancel' && nowMs < row.start_ms) throw new DomainError('invalid_state', { key: 'booking.not_yet_started' });
    const patch = body.status === 'late_cancel' ? { status: body.status, cancelled_at: nowIso, updated_at: nowIso } : { status: body.status, updated_at: nowIso };
    const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id, expectedVersion: body.version, patch, requireStatus: ['confirmed'] });
    if (!ok) throw stale();
    if (body.status === 'late_cancel') await deactivateUnits(tx, actor.clinicId, id);
    await auditRequest(deps, tx, req, { action: `appointment.${body.status}`, resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId });
    return { ...row, ...patch, version: body.version + 1 };
  });
}

/** Check-in at the desk, on the appointment's clinic date only. */
export async function checkInAppointment(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, id: string, version: number): Promise<AppointmentView> {
  return changeOwnAppointment(deps, req, actor, id, async ({ tx, cfg, row, nowMs, nowIso }) => {
    if (row.status !== 'confirmed') throw notActive();
    if (clinicDate(row.start_ms, cfg.zone) !== clinicDate(nowMs, cfg.zone)) throw new DomainError('invalid_state', { key: 'booking.not_today' });
    const patch = { checked_in_at: nowIso, updated_at: nowIso };
    const ok = await updateAppointmentIfVersion(tx, { clinicId: actor.clinicId, id, expectedVersion: version, patch, requireStatus: ['confirmed'] });
    if (!ok) throw stale();
    await auditRequest(deps, tx, req, { action: 'appointment.check_in', resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId });
    return { ...row, ...patch, version: version + 1 };
  });
}

/** One appointment (audited read). */
export async function readAppointment(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, id: string): Promise<AppointmentView> {
  const row = await ownAppointment(deps, deps.db.db, req, actor, id, true);
  await auditAloneRequest(deps, req, { action: 'appointment.read', resource: 'appointment', resourceId: id, patientId: row.patient_id, clinicId: actor.clinicId, ...patientAudit(actor) });
  return viewOne(deps, deps.db.db, actor, row);
}

/** The program tags a patient carries, from the app's tag source (`app-state.ts`). */
export function patientTagsOf(deps: AppDeps, o: { readonly clinicId: string; readonly patientId: string }): Promise<ReadonlyArray<string>> {
  return appState(deps).scheduling.patientTags(deps.db.db, o.clinicId, o.patientId);
}
