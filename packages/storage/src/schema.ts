import type { Generated } from 'kysely';
import type { LineTables } from './schema/line-tables.ts';
import type { BillingTables } from './schema/billing-tables.ts';
import type { IntakeTables } from './schema/intake-tables.ts';
import type { OutcomeTables } from './schema/outcome-tables.ts';
import type { ProgramsTables } from './schema/programs-tables.ts';
import type { PublicsiteTables } from './schema/publicsite-tables.ts';
import type { SafetyTables } from './schema/safety-tables.ts';
import type { ScalesTables } from './schema/scales-tables.ts';
import type { SchedulingTables } from './schema/scheduling-tables.ts';
import type { ClinicalRecordsTables } from './schema/clinical-records-tables.ts';

/**
 * Table types: they mirror the columns (snake_case). Domain types live in core; repositories map
 * between the two. Portable across SQLite and PostgreSQL: ids are text, instants are ISO-8601 UTC
 * text (`2026-11-29T01:02:03.456Z`, which sorts lexicographically), booleans are 0/1 integers,
 * JSON is text.
 */
export interface ClinicTable {
  id: string;
  name: string;
  time_zone: string;
  settings_json: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  clinic_id: string;
  login_id: string;
  display_name: string;
  email: string | null;
  role: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enrolled: number;
  totp_last_step: number | null;
  status: string;
  failed_count: number;
  first_failed_at: string | null;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  kind: string;
  staff_id: string;
  clinic_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
  end_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface CredentialLinkTable {
  id: string;
  purpose: string;
  clinic_id: string | null;
  staff_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CounterTable {
  clinic_id: string;
  name: string;
  value: number;
}

export interface PatientTable {
  id: string;
  clinic_id: string;
  patient_number: string;
  name_kanji: string;
  name_kana: string;
  name_kana_norm: string;
  birth_date: string;
  sex: string;
  phone: string | null;
  phone_norm: string | null;
  email: string | null;
  postal_code: string | null;
  address: string | null;
  notes: string | null;
  guardians_json: string;
  is_demo: number;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface PatientVersionTable {
  id: Generated<number>;
  clinic_id: string;
  patient_id: string;
  version: number;
  data_json: string;
  changed_at: string;
  changed_by: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  chain: string;
  seq: number;
  at: string;
  clinic_id: string | null;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  resource: string;
  resource_id: string | null;
  patient_id: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface OutboxTable {
  id: string;
  clinic_id: string;
  /** Who the message is about (for the staff view and the audit); null for staff mail. */
  patient_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  /** JSON array of { filename, contentType, content } (content as text). */
  attachments_json: string;
  /** Unique per logical message, so a retried request never queues it twice. */
  dedupe_key: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  message_id: string | null;
  /** `mail` (SMTP) or `line` (LINE push; `to_address` is the LINE user id). Added by `line-0001`. */
  channel: Generated<string>;
  /** LINE's `X-Line-Retry-Key`, made before the first attempt and kept for every retry. */
  retry_key: string | null;
  /** For a mail sent because a LINE message could not be delivered: that message's id. */
  fallback_of: string | null;
}

export interface PatientLinkTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  purpose: string;
  resource_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  /** Links that open a session may be used more than once until they expire (a patient returns). */
  max_uses: number;
  uses: number;
  revoked_at: string | null;
}

export interface PatientSessionTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  purpose: string;
  resource_id: string | null;
  link_id: string | null;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
}

export interface AlertTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  kind: string;
  severity: string;
  source_type: string;
  source_id: string;
  /** Message key + params (JSON) — no free text, so the dashboard can render it in either language. */
  summary_json: string;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  ack_note: string | null;
}

export interface BreakGlassGrantTable {
  id: string;
  clinic_id: string;
  staff_id: string;
  session_id: string;
  reason: string;
  started_at: string;
  expires_at: string;
  ended_at: string | null;
  /** When an administrator reviewed this use (admin-0001), and who. */
  reviewed_at: string | null;
  reviewed_by: string | null;
}

/** One backup `mimamori db backup` wrote (admin-0001). `engine`: sqlite or postgres; `source`: cli or server. */
export interface BackupRunTable {
  id: string;
  finished_at: string;
  file: string;
  size_bytes: number | bigint | string;
  engine: string;
  source: string;
}

export interface FoundationTables {
  clinics: ClinicTable;
  staff: StaffTable;
  sessions: SessionTable;
  credential_links: CredentialLinkTable;
  counters: CounterTable;
  patients: PatientTable;
  patient_versions: PatientVersionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  outbox: OutboxTable;
  patient_links: PatientLinkTable;
  patient_sessions: PatientSessionTable;
  alerts: AlertTable;
  break_glass_grants: BreakGlassGrantTable;
  backup_runs: BackupRunTable;
}

/** Every table: the foundation's and each feature's. */
export interface Database extends FoundationTables, ScalesTables, SchedulingTables, IntakeTables, ProgramsTables, OutcomeTables, SafetyTables, LineTables, BillingTables, PublicsiteTables, ClinicalRecordsTables {}

