import { DomainError } from '@mimamori/core';
import { clinicDay, freshClinicCalendar, type ClinicCalendar } from '@mimamori/core/scheduling/index';
import { type Enrolment, type EnrolmentTransition, type ProgramDefinition, type TransitionResult } from '@mimamori/core/programs/index';
import {
  getClinic,
  getEnrolment,
  getProgramDefinition,
  getSchedulingConfig,
  insertEnrolmentEvent,
  newId,
  updateEnrolmentIfVersion,
  type Db,
  type ProgramEnrolmentRow,
} from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import type { RequestContext } from '../../request-context.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';

export async function clinicZone(db: Db, clinicId: string): Promise<string> {
  const c = await getClinic(db, clinicId);
  if (!c) throw new DomainError('not_found');
  return c.timeZone;
}

export function nowIso(deps: AppDeps): string {
  return deps.clock().toISOString();
}

export function todayIn(deps: AppDeps, zone: string): string {
  return clinicDate(nowIso(deps), zone);
}

/** The server's one write helper (`services/write-tx.ts`); enrolments use compare-and-swap on top of it. */
export { writeTx } from '../write-tx.ts';

export async function loadProgram(db: Db, clinicId: string, programId: string, version?: number): Promise<ProgramDefinition> {
  const row = await getProgramDefinition(db, clinicId, programId, version);
  if (!row) throw new DomainError('not_found');
  return JSON.parse(row.definition_json) as ProgramDefinition;
}

export function enrolmentOf(row: ProgramEnrolmentRow): Enrolment {
  return {
    id: row.id,
    patientId: row.patient_id,
    programId: row.program_id,
    programVersion: row.program_version,
    status: row.status as Enrolment['status'],
    history: JSON.parse(row.history_json) as ReadonlyArray<EnrolmentTransition>,
  };
}

export async function loadEnrolment(db: Db, clinicId: string, id: string): Promise<{ row: ProgramEnrolmentRow; enrolment: Enrolment }> {
  const row = await getEnrolment(db, clinicId, id);
  if (!row) throw new DomainError('not_found');
  return { row, enrolment: enrolmentOf(row) };
}

/**
 * Stores a transition: the enrolment (compare-and-swap on its row version), the dated event row
 * and the audit row, all in the caller's transaction.
 */
export async function saveTransition(
  ctx: RequestContext,
  tx: Db,
  o: { row: ProgramEnrolmentRow; result: TransitionResult; patch?: Partial<ProgramEnrolmentRow> },
): Promise<void> {
  const { row, result } = o;
  const ok = await updateEnrolmentIfVersion(tx, row.clinic_id, row.id, row.row_version, {
    ...o.patch,
    status: result.enrolment.status,
    history_json: JSON.stringify(result.enrolment.history),
    updated_at: nowIso(ctx),
  });
  if (!ok) throw new DomainError('conflict', { key: 'programs.enrolment_changed' });
  await recordEvent(tx, row.clinic_id, row.id, result.record);
  await audit(ctx, tx, {
    action: `program_enrolment.${result.record.to}`,
    resource: 'program_enrolment',
    resourceId: row.id,
    patientId: row.patient_id,
    detail: `program=${row.program_id};v=${row.program_version};from=${result.record.from ?? ''};to=${result.record.to}`,
  });
}

export async function recordEvent(tx: Db, clinicId: string, enrolmentId: string, r: EnrolmentTransition): Promise<void> {
  await insertEnrolmentEvent(tx, {
    id: newId(), clinic_id: clinicId, enrolment_id: enrolmentId, from_status: r.from, to_status: r.to, at: r.at, by_staff: r.by,
    reason: r.reason ?? null, evidence_json: r.evidence ? JSON.stringify(r.evidence) : null,
  });
}

/**
 * Whether the clinic sees patients on a date, from the clinic calendar the reservations feature
 * stores (hours, weekly closures, 祝日, one-off closures); open on no day until one is saved.
 */
export async function openDayFn(db: Db, clinicId: string, zone: string): Promise<{ isOpenDay: (date: string) => boolean; calendar: ClinicCalendar }> {
  const cfg = await getSchedulingConfig(db, clinicId, zone);
  const calendar: ClinicCalendar = cfg?.calendar ?? freshClinicCalendar(zone);
  return { calendar, isOpenDay: (date) => clinicDay(calendar, date).open };
}
