import { DomainError, isDomainError } from '@mimamori/core';
import type { SeriesPattern } from '@mimamori/core/scheduling/index';
import { findAppointmentByIdempotencyKey, getPatient, getSeries, insertSeries, listAppointments, lockIdempotencyKey, newId, type AppointmentRow, type Db } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext, type StaffActor } from '../../request-context.ts';
import { queueAppointmentMail } from './appointment-mail.ts';
import { appointmentViews } from './appointment-view.ts';
import { findService } from './find-service.ts';
import { requestHash, scopedKey } from './idempotency.ts';
import { insertBooking } from './insert-booking.ts';
import { loadClinicScheduling, withoutStaffHorizon, writeSchedulingTx } from './scheduling-context.ts';

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

async function seriesResult(ctx: RequestContext, o: { readonly actor: StaffActor; readonly seriesId: string }) {
  const db = ctx.db.db;
  const { actor, seriesId } = o;
  const s = await getSeries(db, actor.clinicId, seriesId);
  if (!s) throw new DomainError('not_found');
  const cfg = await loadClinicScheduling(ctx, db, actor.clinicId);
  const rows = await listAppointments(db, { clinicId: actor.clinicId, seriesId });
  return { series: seriesView(s), appointments: await appointmentViews(db, cfg, rows, { forPatient: false, nowMs: ctx.clock().getTime() }) };
}

export interface BookSeriesOptions {
  readonly input: SeriesInput;
  readonly idempotencyKey?: string;
  /** A program's treatment course, booked by staff whole however far it reaches (`withoutStaffHorizon`). */
  readonly programCourse?: boolean;
}

/**
 * Books every occurrence of a series (staff) in one transaction, or none: the first occurrence that
 * cannot be booked stops it, and its error names the occurrence (`extra.occurrence`, 1-based). One
 * confirmation mail for the series.
 */
export async function bookSeries(ctx: RequestContext, o: BookSeriesOptions) {
  const actor = requireStaff(ctx);
  const { input } = o;
  const key = o.idempotencyKey ? scopedKey(actor, o.idempotencyKey) : null;
  const hash = key ? requestHash('series', input) : null;
  /** The series booked earlier under this key (its first occurrence carries `<key>:1`); another body is a 409. */
  const replay = async (db: Db) => {
    if (!key) return undefined;
    const first = await findAppointmentByIdempotencyKey(db, actor.clinicId, `${key}:1`);
    if (!first) return undefined;
    if (first.request_hash !== hash || !first.series_id) throw new DomainError('conflict', { key: 'booking.idempotency_mismatch' });
    return first.series_id;
  };
  const prior = await replay(ctx.db.db);
  if (prior) return { ...(await seriesResult(ctx, { actor, seriesId: prior })), created: false };
  const nowMs = ctx.clock().getTime();
  const nowIso = new Date(nowMs).toISOString();
  const { seriesId, created } = await writeSchedulingTx(ctx, async (tx) => {
    if (key) {
      // A copy of this request still running finishes first; then its series is the answer.
      await lockIdempotencyKey(tx, { clinicId: actor.clinicId, key });
      const earlier = await replay(tx);
      if (earlier) return { seriesId: earlier, created: false };
    }
    const loaded = await loadClinicScheduling(ctx, tx, actor.clinicId);
    const cfg = o.programCourse ? withoutStaffHorizon(loaded) : loaded;
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
        rows.push(await insertBooking(ctx, tx, {
          cfg, actor, nowMs, mail: false, idempotencyKey: key ? `${key}:${i + 1}` : null, hash,
          input: { patientId: input.patientId, serviceId: input.serviceId, start: occ.start, seriesId, ...(input.resourceIds ? { resourceIds: input.resourceIds } : {}) },
        }));
      } catch (err) {
        if (isDomainError(err)) {
          throw new DomainError(err.code, { key: err.key, params: err.params, issues: [{ path: `occurrences[${i}].start`, key: err.key }], extra: { occurrence: i + 1 } });
        }
        throw err;
      }
    }
    await audit(ctx, tx, { action: 'appointment_series.book', resource: 'appointment_series', resourceId: seriesId, patientId: input.patientId, clinicId: actor.clinicId, detail: `service=${input.serviceId};n=${rows.length}` });
    if (rows[0]) await queueAppointmentMail(ctx, tx, { cfg, row: rows[0], kind: 'confirmation', dedupeKey: `appt-series:${seriesId}:confirmation` });
    return { seriesId, created: true };
  });
  return { ...(await seriesResult(ctx, { actor, seriesId })), created };
}

/** One series with its appointments (audited read). */
export async function readSeries(ctx: RequestContext, seriesId: string) {
  const actor = requireStaff(ctx);
  const r = await seriesResult(ctx, { actor, seriesId });
  await auditAlone(ctx, { action: 'appointment_series.read', resource: 'appointment_series', resourceId: seriesId, patientId: r.series.patientId, clinicId: actor.clinicId });
  return r;
}
