import { newId, type IntakeRow } from '@mimamori/storage';

/**
 * A freshly sent intake, before anyone has answered: one place that lists every column, for the
 * guardian's or patient's intake (`sendIntake`) and the adolescent's own (`sendAdolescentIntake`).
 */
export function newIntakeRow(o: {
  readonly clinicId: string;
  readonly patientId: string;
  readonly appointmentId: string | null;
  readonly definition: { readonly id: string; readonly version: number };
  readonly audience: IntakeRow['audience'];
  readonly respondent: IntakeRow['respondent'];
  readonly expiresAt: string;
  readonly now: string;
  readonly createdBy: string | null;
}): IntakeRow {
  return {
    id: newId(), clinic_id: o.clinicId, patient_id: o.patientId, appointment_id: o.appointmentId, form_id: o.definition.id, definition_version: o.definition.version,
    audience: o.audience, respondent: o.respondent, status: 'sent', values_json: '{}', confirmed_groups_json: '[]', current_group_id: null, progress_completed: 0, progress_total: 0,
    scores_json: null, consent_policy_version: null, consent_at: null, revision: 0, expires_at: o.expiresAt, sent_at: o.now, started_at: null,
    updated_at: o.now, submitted_at: null, created_by: o.createdBy,
  };
}
