import { checkOnlineChange, type SlotAssignment } from '@mimamori/core/scheduling/index';
import { formatInstant } from '@mimamori/core/time/format-instant';
import { instantToZoned } from '@mimamori/core/time/instant-to-zoned';
import { getPatientBriefs, getStaffBriefs, type AppointmentRow, type Db, type SchedulingConfig } from '@mimamori/storage';

export interface AppointmentView {
  readonly id: string;
  readonly patientId: string;
  readonly patient?: { readonly id: string; readonly patientNumber: string; readonly nameKanji: string; readonly nameKana: string };
  readonly serviceId: string;
  readonly serviceName: string;
  readonly serviceNameEn: string;
  readonly start: string;
  readonly end: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly status: string;
  readonly holdExpiresAt: string | null;
  readonly channel: string;
  readonly seriesId: string | null;
  readonly resources: ReadonlyArray<{ readonly id: string; readonly name: string; readonly role: string }>;
  readonly doubleBooked: boolean;
  readonly override?: { readonly reason: string; readonly approvedBy: { readonly id: string; readonly displayName: string } } | null;
  readonly checkedInAt: string | null;
  readonly cancelledAt: string | null;
  readonly note?: string | null;
  /** Staff only: why reception must move it (the clinic closed its time); null when not. */
  readonly moveReason?: string | null;
  readonly createdBy?: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly changeDeadline?: string;
  readonly canChangeOnline?: boolean;
  /** The service is booked by staff only (e.g. 初診): it is changed or cancelled by phone, whatever the deadline. */
  readonly staffOnly?: boolean;
}

/**
 * Rows → API objects. Staff see the patient and the override; patients get their own view with the
 * online change deadline instead. It needs only the stored configuration and the clinic's zone (a
 * `ClinicScheduling` is one), so this file stays free of the request and the web app can read
 * `AppointmentView` through `api-types.ts`.
 */
export async function appointmentViews(
  db: Db,
  cfg: SchedulingConfig & { readonly zone: string },
  rows: ReadonlyArray<AppointmentRow>,
  o: { forPatient: boolean; nowMs: number },
): Promise<AppointmentView[]> {
  const patients = o.forPatient ? [] : await getPatientBriefs(db, cfg.clinicId, rows.map((r) => r.patient_id));
  const approvers = o.forPatient ? [] : await getStaffBriefs(db, cfg.clinicId, rows.flatMap((r) => (r.override_approved_by ? [r.override_approved_by] : [])));
  const pById = new Map(patients.map((p) => [p.id, p]));
  const sById = new Map(approvers.map((s) => [s.id, s]));
  const services = new Map(cfg.services.map((s) => [s.id, s]));
  const resources = new Map(cfg.resources.map((r) => [r.id, r]));
  return rows.map((r) => {
    const s = instantToZoned(r.start_ms, cfg.zone);
    const e = instantToZoned(r.end_ms, cfg.zone);
    const service = services.get(r.service_id);
    const assignments = JSON.parse(r.assignments_json) as SlotAssignment[];
    const expired = r.status === 'held' && r.hold_expires_at !== null && r.hold_expires_at <= new Date(o.nowMs).toISOString();
    const base: AppointmentView = {
      id: r.id,
      patientId: r.patient_id,
      serviceId: r.service_id,
      serviceName: service?.name ?? r.service_id,
      serviceNameEn: service?.nameEn ?? r.service_id,
      start: formatInstant(r.start_ms, cfg.zone),
      end: formatInstant(r.end_ms, cfg.zone),
      date: s.date,
      startTime: s.time,
      endTime: e.date === s.date ? e.time : '24:00',
      status: expired ? 'expired' : r.status,
      holdExpiresAt: r.hold_expires_at,
      channel: r.channel,
      seriesId: r.series_id,
      resources: assignments.map((a) => ({ id: a.resourceId, name: resources.get(a.resourceId)?.name ?? a.resourceId, role: a.role })),
      doubleBooked: r.double_booked === 1,
      checkedInAt: r.checked_in_at,
      cancelledAt: r.cancelled_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    };
    if (o.forPatient) {
      const d = checkOnlineChange({ rule: cfg.policy.changeCutoff, appointmentStart: r.start_ms, now: o.nowMs, zone: cfg.zone });
      // Never offer online what cannot be done online: a staff-only service (初診) is changed by phone.
      const staffOnly = service !== undefined && service.channel !== 'patient_online';
      return { ...base, changeDeadline: d.deadline, staffOnly, canChangeOnline: !staffOnly && d.allowed && (r.status === 'confirmed' || (r.status === 'held' && !expired)) };
    }
    const p = pById.get(r.patient_id);
    const approver = r.override_approved_by ? sById.get(r.override_approved_by) : undefined;
    return {
      ...base,
      ...(p ? { patient: { id: p.id, patientNumber: p.patient_number, nameKanji: p.name_kanji, nameKana: p.name_kana } } : {}),
      override: r.double_booked === 1 && r.override_reason
        ? { reason: r.override_reason, approvedBy: { id: r.override_approved_by ?? '', displayName: approver?.display_name ?? '' } }
        : null,
      note: r.note,
      moveReason: r.move_reason ?? null,
      createdBy: r.created_by,
    };
  });
}
