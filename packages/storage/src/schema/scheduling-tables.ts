/**
 * Tables of the scheduling feature (clinic calendar configuration, appointments, series, the
 * resource units that make double booking impossible, and patient sign-in codes). The migrations
 * that create them live in `migrations/scheduling/`.
 */

/** One row per clinic: calendar, booking policy and contact data, edited by an admin. */
export interface SchedulingSettingsTable {
  clinic_id: string;
  /** JSON of core `ClinicCalendar` without `zone` (the zone is the clinic's). */
  calendar_json: string;
  /** JSON of core `BookingPolicy`. */
  policy_json: string;
  clinic_phone: string;
  clinic_address: string | null;
  /** Optimistic concurrency for the whole configuration (services and resources included). */
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** A bookable service (core `Service` as JSON). */
export interface SchedulingServiceTable {
  clinic_id: string;
  id: string;
  data_json: string;
  active: number;
  sort_order: number;
  updated_at: string;
}

/** A doctor, nurse, chair or device (core `Resource` as JSON). Locked FOR UPDATE while booking. */
export interface SchedulingResourceTable {
  clinic_id: string;
  id: string;
  name: string;
  capacity: number;
  data_json: string;
  active: number;
  sort_order: number;
  updated_at: string;
}

export interface AppointmentTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  service_id: string;
  /** ISO-8601 UTC instants. */
  start_at: string;
  end_at: string;
  /** Epoch milliseconds of start/end (range queries, and the unit constraint). */
  start_ms: number;
  end_ms: number;
  /** held | confirmed | cancelled | no_show | completed | late_cancel */
  status: string;
  hold_expires_at: string | null;
  /** staff | patient */
  channel: string;
  series_id: string | null;
  /** JSON array of { role, resourceId }. */
  assignments_json: string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  double_booked: number;
  override_reason: string | null;
  override_approved_by: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  note: string | null;
  checked_in_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** Why reception must move it (the clinic closed its time and the admin chose to keep it); null otherwise. */
  move_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/**
 * One concrete unit of a resource (a chair with capacity 2 has units 0 and 1) taken by an
 * appointment for its blocked time (buffers included). Active rows of the same unit never overlap:
 * PostgreSQL enforces it with an exclusion constraint, SQLite with a trigger.
 */
export interface AppointmentUnitTable {
  id: string;
  clinic_id: string;
  appointment_id: string;
  resource_id: string;
  unit_no: number;
  /** `<clinic>:<resource>:<unit>` — the key of the constraint. */
  unit_key: string;
  start_ms: number;
  end_ms: number;
  active: number;
  /** For holds: when the unit may be reclaimed (epoch ms); null once confirmed. */
  expires_ms: number | null;
}

export interface AppointmentSeriesTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  service_id: string;
  pattern_json: string;
  created_by: string | null;
  created_at: string;
}

/** One-time codes for the patient sign-in (診察券番号 + birth date + code by email). */
export interface PatientLoginCodeTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  used_at: string | null;
}

export interface SchedulingTables {
  scheduling_settings: SchedulingSettingsTable;
  scheduling_services: SchedulingServiceTable;
  scheduling_resources: SchedulingResourceTable;
  appointments: AppointmentTable;
  appointment_units: AppointmentUnitTable;
  appointment_series: AppointmentSeriesTable;
  patient_login_codes: PatientLoginCodeTable;
}
