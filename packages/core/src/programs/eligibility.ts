import type { ErrorParams } from '../errors/domain-error.ts';
import { ageOn } from '../patients/patient.ts';
import { checkDate, checkInstant } from '../fields/check-date.ts';
import { checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import { icd10Matches, isIcd10Code } from './icd10.ts';
import type { ProgramDefinition } from './program-definition.ts';

/** What the doctor states for a criterion the system cannot check from data. */
export type Attestation = {
  readonly criterionId: string;
  /** For an exclusion, `met: true` means the patient does NOT have the excluding condition. */
  readonly met: boolean;
  readonly by: string;
  readonly at: string;
  readonly note?: string;
};

/**
 * What is known about the patient at screening. Leave a field out when it is unknown: `diagnoses:
 * []` means "no diagnoses" (and fails a diagnosis criterion), `undefined` means "not recorded"
 * (and asks the doctor to attest).
 */
export type EligibilityData = {
  readonly screeningDate: string;
  readonly birthDate?: string;
  readonly diagnoses?: ReadonlyArray<string>;
  /** Screening total score per scale id, e.g. `{ phq9: 14 }`. */
  readonly scores?: Readonly<Record<string, number>>;
  /** Known presence of an exclusion condition (`true` = present = excluded). */
  readonly exclusions?: Readonly<Record<string, boolean>>;
  readonly attestations?: ReadonlyArray<Attestation>;
  /**
   * The age range each scale is validated for (`ScaleDefinition.ageRange`, e.g. PHQ-9 13+), by
   * scale id. A severity criterion on a scale outside the patient's age is not met, whatever the score.
   */
  readonly scaleAgeRanges?: Readonly<Record<string, { readonly min?: number; readonly max?: number }>>;
  /**
   * Safety alerts about suicide or self-harm (PHQ-9 item 9, an intake answer …) still open on the
   * patient. While any is open, "no active suicidal intent" cannot be stated: a doctor resolves the
   * alert first.
   */
  readonly openRiskAlerts?: number;
};

/** Exclusions about suicide risk that an open risk alert contradicts. */
export const SUICIDALITY_EXCLUSIONS: ReadonlyArray<string> = ['active_suicidal_intent'];

export type CriterionStatus = 'met' | 'not_met' | 'attested' | 'missing_data';
export type CriterionKind = 'age' | 'diagnosis' | 'severity' | 'exclusion';

export type CriterionResult = {
  /** `age`, `diagnosis`, `severity:<scaleId>`, `exclusion:<id>`: the id attestations refer to. */
  readonly id: string;
  readonly kind: CriterionKind;
  readonly status: CriterionStatus;
  /** Facts behind the status for the screen (age, score, matched code …). */
  readonly params: ErrorParams;
  readonly attestedBy?: string;
  /** Why a criterion is not met when the score alone does not say (`scale_age_out_of_range`). */
  readonly reason?: 'scale_age_out_of_range' | 'no_score' | 'open_risk_alert';
  /** The reason in words, for the screen and the API. */
  readonly message?: { readonly ja: string; readonly en: string };
};

export type EligibilityOutcome = 'eligible' | 'ineligible' | 'incomplete';

export type EligibilityResult = {
  readonly programId: string;
  readonly programVersion: number;
  readonly screeningDate: string;
  /** `incomplete`: nothing fails, but some criterion has neither data nor an attestation. */
  readonly outcome: EligibilityOutcome;
  readonly criteria: ReadonlyArray<CriterionResult>;
};

function attested(data: EligibilityData, id: string, kind: CriterionKind, params: ErrorParams): CriterionResult {
  const a = [...(data.attestations ?? [])].reverse().find((x) => x.criterionId === id);
  if (!a) return { id, kind, status: 'missing_data', params };
  return { id, kind, status: a.met ? 'attested' : 'not_met', params: { ...params, attested: true }, attestedBy: a.by };
}

function scaleAgeMessage(scale: string, r: { readonly min?: number; readonly max?: number }, age: number): { ja: string; en: string } {
  const ja = r.min !== undefined && r.max !== undefined ? `${r.min}〜${r.max}歳` : r.min !== undefined ? `${r.min}歳以上` : `${r.max}歳以下`;
  const en = r.min !== undefined && r.max !== undefined ? `ages ${r.min} to ${r.max}` : r.min !== undefined ? `ages ${r.min} and over` : `ages up to ${r.max}`;
  return {
    ja: `${scale} は${ja}の患者さんに使う尺度です（この患者さんは${age}歳）。この尺度では適格性を判定できません。年齢に合った尺度で評価してください。`,
    en: `${scale} is validated for ${en} (this patient is ${age}). It cannot decide eligibility; assess with a scale for the patient's age.`,
  };
}

function validate(data: EligibilityData): void {
  const issues = createIssues();
  const screening = checkDate(issues, 'screeningDate', data.screeningDate);
  const birth = checkDate(issues, 'birthDate', data.birthDate, { required: false });
  if (screening && birth && birth > screening) issues.add('birthDate', 'programs.birth_after_screening');
  (data.diagnoses ?? []).forEach((c, i) => {
    if (typeof c !== 'string' || !isIcd10Code(c)) issues.add(`diagnoses[${i}]`, 'programs.icd10_invalid', { value: String(c) });
  });
  for (const [scale, v] of Object.entries(data.scores ?? {})) {
    if (typeof v !== 'number' || !Number.isFinite(v)) issues.add(`scores.${scale}`, 'programs.field.not_number');
  }
  (data.attestations ?? []).forEach((a, i) => {
    if (a.met && SUICIDALITY_EXCLUSIONS.some((x) => a.criterionId === `exclusion:${x}`) && (data.openRiskAlerts ?? 0) > 0) {
      issues.add(`attestations[${i}].met`, 'programs.eligibility_open_risk_alert', { alerts: data.openRiskAlerts! });
    }
    if (a.met && a.criterionId.startsWith('severity:')) issues.add(`attestations[${i}].met`, 'programs.eligibility_severity_needs_score');
    checkText(issues, `attestations[${i}].criterionId`, a.criterionId, { max: 100 });
    checkText(issues, `attestations[${i}].by`, a.by, { max: 100 });
    checkInstant(issues, `attestations[${i}].at`, a.at);
  });
  throwIfIssues(issues, 'programs.eligibility_input_invalid');
}

/**
 * Checks a patient against a program's eligibility criteria. Each criterion is decided from data
 * where the data exists; otherwise the doctor's attestation decides it; with neither it is
 * `missing_data`. A severity threshold is decided only by a score on record (an attestation of it is
 * refused), and "no active suicidal intent" cannot be attested while a risk alert is open. Any `not_met` → `ineligible`; otherwise any `missing_data` → `incomplete`;
 * otherwise `eligible`. With `severityRule: 'any_of'` one met threshold satisfies the severity group.
 *
 * @example
 * const r = evaluateEligibility(EXOSOME_PROGRAM, {
 *   screeningDate: '2026-04-01', birthDate: '1990-05-05', diagnoses: ['F32.1'], scores: { phq9: 14 },
 *   exclusions: { pregnancy: false, active_suicidal_intent: false, product_allergy: false },
 * });
 * r.outcome; // 'eligible'
 */
export function evaluateEligibility(program: ProgramDefinition, data: EligibilityData): EligibilityResult {
  validate(data);
  const e = program.eligibility;
  const results: CriterionResult[] = [];

  if (e.minAgeYears !== undefined || e.maxAgeYears !== undefined) {
    const params = { min: e.minAgeYears ?? null, max: e.maxAgeYears ?? null };
    if (data.birthDate) {
      const age = ageOn(data.birthDate, data.screeningDate);
      const ok = (e.minAgeYears === undefined || age >= e.minAgeYears) && (e.maxAgeYears === undefined || age <= e.maxAgeYears);
      results.push({ id: 'age', kind: 'age', status: ok ? 'met' : 'not_met', params: { ...params, age } });
    } else results.push(attested(data, 'age', 'age', params));
  }

  if (e.diagnosisCodes.length > 0) {
    const params = { codes: e.diagnosisCodes.join(', ') };
    if (data.diagnoses) {
      const match = data.diagnoses.find((d) => e.diagnosisCodes.some((c) => icd10Matches(d, c)));
      results.push({
        id: 'diagnosis',
        kind: 'diagnosis',
        status: match ? 'met' : 'not_met',
        params: { ...params, matched: match ?? null },
      });
    } else results.push(attested(data, 'diagnosis', 'diagnosis', params));
  }

  const age = data.birthDate ? ageOn(data.birthDate, data.screeningDate) : null;
  const severity: CriterionResult[] = e.severity.map((t) => {
    const id = `severity:${t.scaleId}`;
    const params = { scale: t.scaleId, min: t.min ?? null, max: t.max ?? null };
    // A score on a scale not validated for the patient's age decides nothing (PHQ-9 is 13+).
    const range = data.scaleAgeRanges?.[t.scaleId];
    if (range && age !== null && ((range.min !== undefined && age < range.min) || (range.max !== undefined && age > range.max))) {
      return {
        id, kind: 'severity', status: 'not_met', reason: 'scale_age_out_of_range', message: scaleAgeMessage(t.scaleId, range, age),
        params: { ...params, age, ageMin: range.min ?? null, ageMax: range.max ?? null },
      };
    }
    const score = data.scores?.[t.scaleId];
    // A severity threshold is decided by a score on record, never by a tick: without one it waits.
    // (A doctor may still say it is not met: that only excludes.)
    if (score === undefined) {
      const a = attested(data, id, 'severity', params);
      return a.status === 'not_met' ? a : { id, kind: 'severity', status: 'missing_data', reason: 'no_score', params };
    }
    const ok = (t.min === undefined || score >= t.min) && (t.max === undefined || score <= t.max);
    return { id, kind: 'severity', status: ok ? 'met' : 'not_met', params: { ...params, score } };
  });
  results.push(...severity);

  for (const x of e.exclusions) {
    const id = `exclusion:${x.id}`;
    const params = { exclusion: x.id };
    const known = data.exclusions?.[x.id];
    const byCode = x.icd10 && data.diagnoses ? data.diagnoses.find((d) => x.icd10!.some((c) => icd10Matches(d, c))) : undefined;
    if (byCode) results.push({ id, kind: 'exclusion', status: 'not_met', params: { ...params, matched: byCode } });
    else if (SUICIDALITY_EXCLUSIONS.includes(x.id) && (data.openRiskAlerts ?? 0) > 0 && known !== true && attested(data, id, 'exclusion', params).status !== 'not_met') {
      results.push({ id, kind: 'exclusion', status: 'missing_data', reason: 'open_risk_alert', params: { ...params, alerts: data.openRiskAlerts! } });
    } else if (known !== undefined) results.push({ id, kind: 'exclusion', status: known ? 'not_met' : 'met', params });
    else if (x.icd10 && data.diagnoses) results.push({ id, kind: 'exclusion', status: 'met', params });
    else results.push(attested(data, id, 'exclusion', params));
  }

  const fails = (r: CriterionResult): boolean => r.status === 'not_met';
  const gaps = (r: CriterionResult): boolean => r.status === 'missing_data';
  const others = results.filter((r) => r.kind !== 'severity');
  let failed = others.some(fails);
  let missing = others.some(gaps);
  if (severity.length > 0) {
    if (e.severityRule === 'any_of') {
      const satisfied = severity.some((r) => r.status === 'met' || r.status === 'attested');
      if (!satisfied) {
        if (severity.some(gaps)) missing = true;
        else failed = true;
      }
    } else {
      failed = failed || severity.some(fails);
      missing = missing || severity.some(gaps);
    }
  }
  return deepFreeze({
    programId: program.id,
    programVersion: program.version,
    screeningDate: data.screeningDate,
    outcome: failed ? 'ineligible' : missing ? 'incomplete' : 'eligible',
    criteria: results,
  });
}
