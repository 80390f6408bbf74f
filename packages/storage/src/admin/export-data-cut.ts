import { createHash } from 'node:crypto';
import { DomainError } from '@mimamori/core';
import type { ConcomitantMedication } from '@mimamori/core/medication/concomitant-medication';
import type { LabResult } from '@mimamori/core/labs/lab-result';
import type { AdverseEvent } from '@mimamori/core/safety/adverse-event';
import type { ConsentState } from '@mimamori/core/programs/consent-state';
import type { EnrolmentStatus } from '@mimamori/core/programs/enrolment';
import type { ProgramDefinition } from '@mimamori/core/programs/program-definition';
import { buildDataCut } from '@mimamori/core/outcome/build-data-cut';
import type { DataCutFileName } from '@mimamori/core/outcome/data-cut';
import { appendAudit } from '../repos/audit-repo.ts';
import { getClinic } from '../repos/clinic-repo.ts';
import type { Db } from '../repos/db.ts';
import { clinicOfProgram, listLatestPrograms, loadProgramCutRows } from '../repos/programs/program-data-cut-repo.ts';
import { applicationStatesOfProgram } from '../repos/publicsite/application-repo.ts';
import { studyIdFor } from '../security/study-id.ts';
import { planForCut } from './analysis-plans.ts';

/**
 * `mimamori program export`: the program's data cut (docs/outcome-report.md) from the database,
 * with study ids keyed under the clinic's key. The plan is the one given, else the latest locked
 * version, else the latest draft, else a draft derived from the program. The read is audited
 * (counts only, no patient data).
 */
export async function exportProgramDataCut(db: Db, o: {
  readonly programId: string;
  readonly masterKey: Buffer;
  readonly now: Date;
  readonly plan?: unknown;
  /** A stored plan version to carry (instead of the latest locked one). */
  readonly planVersion?: number;
  readonly mimamoriVersion: string;
  /** The session's clinic, when a staff member asks: another clinic's program is not found. */
  readonly clinicId?: string;
  /** False when the caller audits the read itself (the server, with the staff member). */
  readonly audit?: boolean;
}): Promise<{ readonly files: Record<DataCutFileName, string>; readonly excludedNoDataUse: number; readonly participants: number; readonly planVersion: number | null }> {
  const clinicId = await clinicOfProgram(db, o.programId);
  if (!clinicId || (o.clinicId !== undefined && o.clinicId !== clinicId)) throw new DomainError('not_found', { key: 'program.not_found', message: `no program "${o.programId}"` });
  const clinic = await getClinic(db, clinicId);
  const latest = (await listLatestPrograms(db, clinicId)).find((p) => p.program_id === o.programId)!;
  const program = JSON.parse(latest.definition_json) as ProgramDefinition;
  const rows = await loadProgramCutRows(db, clinicId, o.programId);
  const stored = o.plan === undefined ? await planForCut(db, o.programId, o.planVersion) : undefined;
  const cutAt = o.now.toISOString();
  const applications = await applicationStatesOfProgram(db, { clinicId, programId: o.programId, until: cutAt });
  const out = buildDataCut({
    applications,
    program,
    enrolments: rows.enrolments.map((e) => ({ patientId: e.patient_id, status: e.status as EnrolmentStatus, consent: JSON.parse(e.consent_state_json) as ConsentState, birthDate: e.birth_date, sex: e.sex, enrolmentDate: e.enrolment_date, createdAt: e.created_at })),
    sessions: rows.sessions.map((s) => ({ patientId: s.patient_id, kind: s.kind, sessionNumber: s.session_number, startedAt: s.started_at })),
    scores: rows.scores.map((s) => ({ patientId: s.patient_id, scaleId: s.scale_id, scaleVersion: s.scale_version, informant: s.informant, total: s.total, scoredAt: s.scored_at })),
    adverseEvents: rows.adverseEvents.map((a) => ({ patientId: a.patient_id, record: JSON.parse(a.record_json) as AdverseEvent })),
    medications: rows.medications.map((m) => JSON.parse(m.record_json) as ConcomitantMedication),
    labs: rows.labs.map((l) => JSON.parse(l.record_json) as LabResult),
    studyIdOf: (patientId) => studyIdFor(o.masterKey, o.programId, patientId),
    zone: clinic?.timeZone ?? 'Asia/Tokyo',
    cutAt,
    plan: o.plan ?? (stored ? JSON.parse(stored.plan_json) : null),
    mimamoriVersion: o.mimamoriVersion,
    sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  });
  const participants = out.files['participants.csv'].trimEnd().split('\n').length - 1;
  if (o.audit !== false) await appendAudit(db, { at: cutAt, clinicId, actorId: null, actorRole: 'cli', action: 'program.data_cut', resource: 'program', resourceId: o.programId, outcome: 'success', detail: `participants=${participants};excluded_no_data_use=${out.excludedNoDataUse}` });
  return { ...out, participants, planVersion: stored?.version ?? null };
}
