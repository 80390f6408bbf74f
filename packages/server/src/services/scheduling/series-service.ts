import type { FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '@mimamori/core';
import type { SeriesPattern } from '@mimamori/core/scheduling/index';
import { findAppointmentByIdempotencyKey, getPatient, getSeries, insertSeries, listAppointments, lockIdempotencyKey, newId, type AppointmentRow, type Db } from '@mimamori/storage';
import { auditRequest, auditAloneRequest } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { queueAppointmentMail } from './appointment-mail.ts';
import { appointmentViews } from './appointment-view.ts';
import { findService, insertBooking, requestHash, scopedKey } from './booking-service.ts';
import { loadClinicScheduling, withoutStaffHorizon, writeSchedulingTx, type SchedulingActor } from './scheduling-context.ts';

export interface SeriesInput {
  readonly patientId: string;
  readonly serviceId: string;
  readonly pattern: SeriesPattern;
  readonly occurrences: ReadonlyArray<{ readonly start: string }>;
  readonly resourceIds?: ReadonlyArray<string>;
}

function seriesView(s: { id: string; service_id: string; patient_id: string; pattern_json: string; created_at: string }) {
  return { id: s.id, serviceId: s.service_id, patientId: s.patient_id, pattern: JSON.parse(s.pattern_json) as SeriesPattern, createdAt: s.created_at };
}

async function seriesResult(deps: AppDeps, actor: SchedulingActor, seriesId: string) {
  const db = deps.db.db;
  const s = await getSeries(db, actor.clinicId, seriesId);
  if (!s) throw new DomainError('not_found');
  const cfg = await loadClinicScheduling(deps, db, actor.clinicId);
  const rows = await listAppointments(db, { clinicId: actor.clinicId, seriesId });
  return { series: seriesView(s), appointments: await appointmentViews(db, cfg, rows, { forPatient: false, nowMs: deps.clock().getTime() }) };
}

/**
 * Books every occurrence of a series in one transaction, or none: the first occurrence that cannot
 * be booked stops it, and its error names the occurrence. One confirmation mail for the series.
 * `programCourse`: a program's treatment course, booked by staff whole however far it reaches
 * (`withoutStaffHorizon`).
 */
export async function bookSeries(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, input: SeriesInput, idempotencyKey?: string, o: { readonly programCourse?: boolean } = {}) {
  const key = idempotencyKey ? scopedKey(actor, idempotencyKey) : null;
  const hash = key ? requestHash('series', input) : null;
  /** The series booked earlier under this key (its first occurrence carries `<key>:1`); another body is a 409. */
  const replay = async (db: Db) => {
    if (!key) return undefined;
    const first = await findAppointmentByIdempotencyKey(db, actor.clinicId, `${key}:1`);
    if (!first) return undefined;
    if (first.request_hash !== hash || !first.series_id) throw new DomainError('conflict', { key: 'booking.idempotency_mismatch' });
    return first.series_id;
  };
  const prior = await replay(deps.db.db);
  if (prior) return { ...(await seriesResult(deps, actor, prior)), created: false };
  const nowMs = deps.clock().getTime();
  const nowIso = new Date(nowMs).toISOString();
  const { seriesId, created } = await writeSchedulingTx(deps, async (tx) => {
    if (key) {
      // A copy of this request still running finishes first; then its series is the answer.
      await lockIdempotencyKey(tx, { clinicId: actor.clinicId, key });
      const earlier = await replay(tx);
      if (earlier) return { seriesId: earlier, created: false };
    }
    const loaded = await loadClinicScheduling(deps, tx, actor.clinicId);
    const cfg = o.programCourse && actor.channel === 'staff' ? withoutStaffHorizon(loaded) : loaded;
    findService(cfg, input.serviceId);
    if (!(await getPatient(tx, actor.clinicId, input.patientId))) throw new DomainError('not_found');
    const seriesId = newId();
    await insertSeries(tx, {
      id: seriesId, clinic_id: actor.clinicId, patient_id: input.patientId, service_id: input.serviceId, pattern_json: JSON.stringify(input.pattern),
      created_by: actor.staffId, created_at: nowIso,
    });
    const rows: AppointmentRow[] = [];
    for (const [i, occ] of input.occurrences.entries()) {
      try {
        rows.push(await insertBooking(deps, tx, req, {
          cfg, actor, nowMs, mail: false, idempotencyKey: key ? `${key}:${i + 1}` : null, hash,
          input: { patientId: input.patientId, serviceId: input.serviceId, start: occ.start, seriesId, ...(input.resourceIds ? { resourceIds: input.resourceIds } : {}) },
        }));
      } catch (err) {
        if (isDomainError(err)) {
          const e = new DomainError(err.code, { key: err.key, params: err.params, details: [{ path: `occurrences[${i}].start`, message: err.key }] });
          (e as unknown as { extra: Record<string, unknown> }).extra = { occurrence: i + 1 };
          throw e;
        }
        throw err;
      }
    }
    await auditRequest(deps, tx, req, { action: 'appointment_series.book', resource: 'appointment_series', resourceId: seriesId, patientId: input.patientId, clinicId: actor.clinicId, detail: `service=${input.serviceId};n=${rows.length}` });
    if (rows[0]) await queueAppointmentMail(deps, tx, { cfg, row: rows[0], kind: 'confirmation', dedupeKey: `appt-series:${seriesId}:confirmation` });
    return { seriesId, created: true };
  });
  return { ...(await seriesResult(deps, actor, seriesId)), created };
}

export async function readSeries(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, seriesId: string) {
  const r = await seriesResult(deps, actor, seriesId);
  await auditAloneRequest(deps, req, { action: 'appointment_series.read', resource: 'appointment_series', resourceId: seriesId, patientId: r.series.patientId, clinicId: actor.clinicId });
  return r;
}
