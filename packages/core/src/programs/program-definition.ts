import type { AnalyteId } from '../labs/analytes.ts';
import { isAnalyteId } from '../labs/analytes.ts';
import type { Issues } from '../fields/field-issues.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import { checkDate } from '../fields/check-date.ts';
import type { Lang, LocalizedText } from '../text/localized-text.ts';
import { LANGS } from '../text/localized-text.ts';
import type { ProgramPrice } from './price.ts';
import { checkPrice } from './price.ts';
import { registryKind } from './registry-id.ts';
import { isSha256Hex } from './sha256.ts';
import { isIcd10Code, normaliseIcd10 } from './icd10.ts';

export type TreatmentKind = 'infusion' | 'tms';
export const TREATMENT_KINDS: ReadonlyArray<TreatmentKind> = ['infusion', 'tms'];

/** Inclusive severity threshold on a scale's total score, e.g. `{ scaleId: 'phq9', min: 10 }`. */
export type SeverityThreshold = {
  readonly scaleId: string;
  readonly min?: number;
  readonly max?: number;
};

/**
 * An exclusion. When `icd10` is given and the patient's diagnoses are known it is checked
 * automatically (any prefix match excludes); otherwise the doctor attests it, or the caller passes
 * a known yes/no in `EligibilityData.exclusions`.
 */
export type ExclusionCriterion = {
  readonly id: string;
  readonly label: LocalizedText;
  readonly icd10?: ReadonlyArray<string>;
};

export type EligibilityCriteria = {
  /** Inclusive age bounds in completed years on the screening date. */
  readonly minAgeYears?: number;
  readonly maxAgeYears?: number;
  /** ICD-10 codes or prefixes; a patient needs at least one matching diagnosis. Empty = any. */
  readonly diagnosisCodes: ReadonlyArray<string>;
  readonly severity: ReadonlyArray<SeverityThreshold>;
  /** `all_of`: every threshold must be met; `any_of`: one is enough (e.g. PHQ-9 ≥ 10 or GAD-7 ≥ 10). */
  readonly severityRule: 'all_of' | 'any_of';
  readonly exclusions: ReadonlyArray<ExclusionCriterion>;
};

/** Who a consent document is for. `assent` is the child's own agreement beside the guardian's consent. */
export type ConsentRole = 'participant' | 'guardian' | 'assent';
export const CONSENT_ROLES: ReadonlyArray<ConsentRole> = ['participant', 'guardian', 'assent'];

/**
 * One version of one consent document in one language. The content itself is stored by the
 * caller; the core keeps its SHA-256 (`sha256Hex` of the exact text shown) so a signature can be
 * tied to the words the patient read.
 */
export type ConsentDocument = {
  readonly id: string;
  readonly version: string;
  readonly role: ConsentRole;
  readonly language: Lang;
  readonly title: string;
  readonly contentHash: string;
  readonly effectiveFrom: string;
};

/**
 * The treatment course. `fixed_interval`: `count` sessions `intervalDays` apart (from day 0), each
 * allowed within its window (infusions every 14 days ± 2). `each_open_day`: one session on every
 * open day until `count` are done (daily TMS); windows do not apply.
 */
export type SessionSchedule = {
  readonly kind: TreatmentKind;
  readonly spacing: 'fixed_interval' | 'each_open_day';
  readonly count: number;
  readonly intervalDays: number;
  readonly windowBeforeDays: number;
  readonly windowAfterDays: number;
  /** Earliest first session, in days after the enrolment date (time for baseline blood etc.). */
  readonly firstSessionAfterEnrolmentDays: number;
  /**
   * The reservations service each session is booked as (e.g. the demo clinic's `exosome-infusion`
   * or `tms`). Needed to book the course as one series; older definitions may lack it.
   */
  readonly serviceId?: string;
};

/**
 * An assessment visit. Visits anchored at `first_session` are placed `dayOffset` days from the
 * first treatment session (day 0); the `screening` visit is the screening date itself.
 * `baseline` marks the two baselines the outcome analysis needs to judge regression to the mean:
 * the screening score and a second, pre-treatment score.
 */
export type AssessmentVisit = {
  readonly id: string;
  readonly label: LocalizedText;
  readonly anchor: 'screening' | 'first_session';
  readonly dayOffset: number;
  readonly windowBeforeDays: number;
  readonly windowAfterDays: number;
  readonly scales: ReadonlyArray<string>;
  readonly biomarkers: ReadonlyArray<AnalyteId>;
  /** In-clinic visits (blood draws, clinician ratings) must fall on open days; remote scale links need not. */
  readonly inClinic: boolean;
  readonly baseline?: 'screening' | 'pre_treatment';
};

/** A versioned monitor program. Change anything → new `version`; enrolments keep the version they joined. */
export type ProgramDefinition = {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly treatment: TreatmentKind;
  readonly eligibility: EligibilityCriteria;
  /** Below this age (completed years on the consent date) a guardian consents and the child assents. */
  readonly minorAgeThreshold: number;
  readonly consentDocuments: ReadonlyArray<ConsentDocument>;
  readonly sessions: SessionSchedule;
  readonly assessments: ReadonlyArray<AssessmentVisit>;
  readonly price: ProgramPrice;
  readonly ethicsApprovalId?: string;
  readonly registryId?: string;
};

/** Loose input accepted by `defineProgram`: optional fields get defaults, everything is checked. */
export type ProgramDefinitionInput = {
  readonly id?: string;
  readonly version?: number;
  readonly title?: Partial<LocalizedText>;
  readonly treatment?: string;
  readonly eligibility?: Partial<EligibilityCriteria>;
  readonly minorAgeThreshold?: number;
  readonly consentDocuments?: ReadonlyArray<Partial<ConsentDocument>>;
  readonly sessions?: Partial<SessionSchedule>;
  readonly assessments?: ReadonlyArray<Partial<AssessmentVisit>>;
  readonly price?: Partial<ProgramPrice>;
  readonly ethicsApprovalId?: string;
  readonly registryId?: string;
};

export const DEFAULT_MINOR_AGE_THRESHOLD = 16;

const ID_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function checkId(issues: Issues, path: string, v: unknown): string | undefined {
  const t = checkText(issues, path, v, { max: 64 });
  if (t !== undefined && !ID_RE.test(t)) {
    issues.add(path, 'programs.field.invalid_id');
    return undefined;
  }
  return t;
}

function checkLocalized(issues: Issues, path: string, v: Partial<LocalizedText> | undefined, max = 200): LocalizedText | undefined {
  const ja = checkText(issues, `${path}.ja`, v?.ja, { max });
  const en = checkText(issues, `${path}.en`, v?.en, { max });
  return ja !== undefined && en !== undefined ? { ja, en } : undefined;
}

function checkCodes(issues: Issues, path: string, v: unknown): string[] {
  const out: string[] = [];
  listOf(issues, path, v as ReadonlyArray<unknown> | undefined).forEach((c: unknown, i) => {
    if (typeof c !== 'string' || !isIcd10Code(c)) issues.add(`${path}[${i}]`, 'programs.icd10_invalid', { value: String(c) });
    else out.push(normaliseIcd10(c));
  });
  return out;
}

/**
 * The items of a list field; anything that is not an array (a string, an object, a number sent by
 * a client) is an issue on that field instead of a TypeError further on.
 */
function listOf<T>(issues: Issues, path: string, v: ReadonlyArray<T> | undefined): ReadonlyArray<T> {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    issues.add(path, 'programs.field.not_list');
    return [];
  }
  return v;
}

function checkEligibility(issues: Issues, v: Partial<EligibilityCriteria> | undefined): EligibilityCriteria {
  const p = 'eligibility';
  const minAge = checkNumber(issues, `${p}.minAgeYears`, v?.minAgeYears, { required: false, integer: true, min: 0, max: 120 });
  const maxAge = checkNumber(issues, `${p}.maxAgeYears`, v?.maxAgeYears, { required: false, integer: true, min: 0, max: 120 });
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) issues.add(`${p}.maxAgeYears`, 'programs.age_range_inverted');
  const diagnosisCodes = checkCodes(issues, `${p}.diagnosisCodes`, v?.diagnosisCodes);
  const severity: SeverityThreshold[] = [];
  listOf(issues, `${p}.severity`, v?.severity).forEach((s, i) => {
    const sp = `${p}.severity[${i}]`;
    const scaleId = checkId(issues, `${sp}.scaleId`, s?.scaleId);
    const min = checkNumber(issues, `${sp}.min`, s?.min, { required: false });
    const max = checkNumber(issues, `${sp}.max`, s?.max, { required: false });
    if (s?.min === undefined && s?.max === undefined) issues.add(`${sp}.min`, 'programs.threshold_needs_bound');
    if (min !== undefined && max !== undefined && min > max) issues.add(`${sp}.max`, 'programs.threshold_inverted');
    if (scaleId !== undefined) severity.push({ scaleId, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
  });
  const exclusions: ExclusionCriterion[] = [];
  const seen = new Set<string>();
  listOf(issues, `${p}.exclusions`, v?.exclusions).forEach((e, i) => {
    const ep = `${p}.exclusions[${i}]`;
    const id = checkId(issues, `${ep}.id`, e?.id);
    const label = checkLocalized(issues, `${ep}.label`, e?.label, 500);
    const icd10 = e?.icd10 === undefined ? undefined : checkCodes(issues, `${ep}.icd10`, e.icd10);
    if (id !== undefined && seen.has(id)) issues.add(`${ep}.id`, 'programs.duplicate_id', { id });
    if (id !== undefined) seen.add(id);
    if (id !== undefined && label !== undefined) exclusions.push({ id, label, ...(icd10 ? { icd10 } : {}) });
  });
  return {
    ...(minAge !== undefined ? { minAgeYears: minAge } : {}),
    ...(maxAge !== undefined ? { maxAgeYears: maxAge } : {}),
    diagnosisCodes,
    severity,
    severityRule: checkOneOf(issues, `${p}.severityRule`, v?.severityRule ?? 'all_of', ['all_of', 'any_of'] as const) ?? 'all_of',
    exclusions,
  };
}

function checkConsentDocuments(
  issues: Issues,
  v: ReadonlyArray<Partial<ConsentDocument>> | undefined,
  needsMinorDocuments: boolean,
): ConsentDocument[] {
  const docs: ConsentDocument[] = [];
  const seen = new Set<string>();
  const list = listOf(issues, 'consentDocuments', v);
  list.forEach((d, i) => {
    const p = `consentDocuments[${i}]`;
    const id = checkId(issues, `${p}.id`, d?.id);
    const version = checkText(issues, `${p}.version`, d?.version, { max: 32 });
    const role = checkOneOf(issues, `${p}.role`, d?.role, CONSENT_ROLES);
    const language = checkOneOf(issues, `${p}.language`, d?.language, LANGS);
    const title = checkText(issues, `${p}.title`, d?.title, { max: 200 });
    const effectiveFrom = checkDate(issues, `${p}.effectiveFrom`, d?.effectiveFrom);
    let contentHash: string | undefined;
    if (!isSha256Hex(d?.contentHash)) issues.add(`${p}.contentHash`, 'programs.hash_invalid');
    else contentHash = d.contentHash;
    const key = `${id}|${version}|${language}`;
    if (seen.has(key)) issues.add(`${p}.version`, 'programs.duplicate_document_version', { id: id ?? '', version: version ?? '' });
    seen.add(key);
    if (id && version && role && language && title && effectiveFrom && contentHash) {
      docs.push({ id, version, role, language, title, contentHash, effectiveFrom });
    }
  });
  const roles: ConsentRole[] = needsMinorDocuments ? ['participant', 'guardian', 'assent'] : ['participant'];
  for (const role of roles) {
    for (const language of LANGS) {
      if (
        list.length > 0 &&
        !docs.some((d) => d.role === role && d.language === language) &&
        issues.list.every((x) => !x.path.startsWith('consentDocuments['))
      ) {
        issues.add('consentDocuments', 'programs.consent_document_missing', { role, language });
      }
    }
  }
  if (list.length === 0 && Array.isArray(v ?? [])) issues.add('consentDocuments', 'programs.field.required');
  return docs;
}

function checkSessions(issues: Issues, v: Partial<SessionSchedule> | undefined): SessionSchedule | undefined {
  const p = 'sessions';
  if (!v) {
    issues.add(p, 'programs.field.required');
    return undefined;
  }
  const kind = checkOneOf(issues, `${p}.kind`, v.kind, TREATMENT_KINDS);
  const spacing = checkOneOf(issues, `${p}.spacing`, v.spacing ?? 'fixed_interval', ['fixed_interval', 'each_open_day'] as const);
  const count = checkNumber(issues, `${p}.count`, v.count, { integer: true, min: 1, max: 200 });
  const intervalDays = checkNumber(issues, `${p}.intervalDays`, v.intervalDays, { integer: true, min: 1, max: 365, unit: 'days' });
  const before = checkNumber(issues, `${p}.windowBeforeDays`, v.windowBeforeDays ?? 0, { integer: true, min: 0, max: 60 });
  const after = checkNumber(issues, `${p}.windowAfterDays`, v.windowAfterDays ?? 0, { integer: true, min: 0, max: 60 });
  const first = checkNumber(issues, `${p}.firstSessionAfterEnrolmentDays`, v.firstSessionAfterEnrolmentDays ?? 0, {
    integer: true,
    min: 0,
    max: 180,
  });
  // Windows of neighbouring sessions must not overlap, or "session 2 early" and "session 3 late"
  // could land on the same day.
  if (
    spacing === 'fixed_interval' &&
    intervalDays !== undefined &&
    before !== undefined &&
    after !== undefined &&
    before + after >= intervalDays &&
    (count ?? 1) > 1
  ) {
    issues.add(`${p}.windowAfterDays`, 'programs.session_windows_overlap', { intervalDays });
  }
  // Same form as the reservations feature's service ids; whether the clinic has it is checked where
  // the clinic's services are known (saving the program, booking).
  let serviceId: string | undefined;
  if (v.serviceId !== undefined) {
    const t = checkText(issues, `${p}.serviceId`, v.serviceId, { max: 40 });
    if (t !== undefined && !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(t)) issues.add(`${p}.serviceId`, 'programs.field.invalid_id');
    else serviceId = t;
  }
  if (
    spacing === undefined ||
    kind === undefined ||
    count === undefined ||
    intervalDays === undefined ||
    before === undefined ||
    after === undefined ||
    first === undefined
  ) {
    return undefined;
  }
  return {
    kind, spacing, count, intervalDays, windowBeforeDays: before, windowAfterDays: after, firstSessionAfterEnrolmentDays: first,
    ...(serviceId !== undefined ? { serviceId } : {}),
  };
}

function checkAssessments(issues: Issues, v: ReadonlyArray<Partial<AssessmentVisit>> | undefined): AssessmentVisit[] {
  const out: AssessmentVisit[] = [];
  const list = listOf(issues, 'assessments', v);
  if (list.length === 0) {
    if (Array.isArray(v ?? [])) issues.add('assessments', 'programs.field.required');
    return out;
  }
  const ids = new Set<string>();
  list.forEach((a, i) => {
    const p = `assessments[${i}]`;
    const id = checkId(issues, `${p}.id`, a?.id);
    if (id !== undefined && ids.has(id)) issues.add(`${p}.id`, 'programs.duplicate_id', { id });
    if (id !== undefined) ids.add(id);
    const label = checkLocalized(issues, `${p}.label`, a?.label);
    const anchor = checkOneOf(issues, `${p}.anchor`, a?.anchor ?? 'first_session', ['screening', 'first_session'] as const);
    const dayOffset = checkNumber(issues, `${p}.dayOffset`, anchor === 'screening' ? (a?.dayOffset ?? 0) : a?.dayOffset, {
      integer: true,
      min: -180,
      max: 3650,
    });
    const before = checkNumber(issues, `${p}.windowBeforeDays`, a?.windowBeforeDays ?? 0, { integer: true, min: 0, max: 180 });
    const after = checkNumber(issues, `${p}.windowAfterDays`, a?.windowAfterDays ?? 0, { integer: true, min: 0, max: 180 });
    const scales: string[] = [];
    listOf(issues, `${p}.scales`, a?.scales).forEach((s, j) => {
      const sid = checkId(issues, `${p}.scales[${j}]`, s);
      if (sid !== undefined) scales.push(sid);
    });
    const biomarkers: AnalyteId[] = [];
    listOf(issues, `${p}.biomarkers`, a?.biomarkers).forEach((b, j) => {
      if (!isAnalyteId(b)) issues.add(`${p}.biomarkers[${j}]`, 'labs.unknown_analyte', { analyte: String(b) });
      else biomarkers.push(b);
    });
    if (scales.length === 0 && biomarkers.length === 0 && a?.scales === undefined && a?.biomarkers === undefined) {
      issues.add(`${p}.scales`, 'programs.visit_measures_nothing');
    }
    const baseline =
      a?.baseline === undefined ? undefined : checkOneOf(issues, `${p}.baseline`, a.baseline, ['screening', 'pre_treatment'] as const);
    if (anchor === 'screening' && baseline === 'pre_treatment') issues.add(`${p}.baseline`, 'programs.pre_treatment_baseline_at_screening');
    // A pre-treatment baseline measured after the first dose would not be a baseline.
    if (baseline === 'pre_treatment' && dayOffset !== undefined && after !== undefined && dayOffset + after > 0) {
      issues.add(`${p}.windowAfterDays`, 'programs.pre_treatment_baseline_after_dosing');
    }
    const inClinic = a?.inClinic ?? biomarkers.length > 0;
    if (biomarkers.length > 0 && !inClinic) issues.add(`${p}.inClinic`, 'programs.blood_draw_needs_clinic');
    if (id && label && anchor && dayOffset !== undefined && before !== undefined && after !== undefined) {
      out.push({
        id,
        label,
        anchor,
        dayOffset,
        windowBeforeDays: before,
        windowAfterDays: after,
        scales,
        biomarkers,
        inClinic,
        ...(baseline ? { baseline } : {}),
      });
    }
  });
  if (!out.some((a) => a.baseline === 'screening')) issues.add('assessments', 'programs.two_baselines_required', { missing: 'screening' });
  if (!out.some((a) => a.baseline === 'pre_treatment')) {
    issues.add('assessments', 'programs.two_baselines_required', { missing: 'pre_treatment' });
  }
  return out;
}

/**
 * Validates a program definition and returns it frozen, or throws one `DomainError('validation')`
 * listing every problem (`details[].path` such as `sessions.intervalDays`).
 *
 * Rules beyond field formats: two baselines (screening and pre-treatment, the latter ending before
 * the first dose); session windows that cannot overlap; consent documents in Japanese and English
 * for every role the age range needs (guardian + assent when minors can join); a registry id in
 * jRCT or UMIN-CTR format.
 *
 * @example
 * const program = defineProgram(EXOSOME_PROGRAM_INPUT);
 * program.sessions.count; // 5
 */
export function defineProgram(input: ProgramDefinitionInput): ProgramDefinition {
  const issues = createIssues();
  const id = checkId(issues, 'id', input.id);
  const version = checkNumber(issues, 'version', input.version, { integer: true, min: 1, max: 10_000 });
  const title = checkLocalized(issues, 'title', input.title);
  const treatment = checkOneOf(issues, 'treatment', input.treatment, TREATMENT_KINDS);
  const eligibility = checkEligibility(issues, input.eligibility);
  const minorAgeThreshold = checkNumber(issues, 'minorAgeThreshold', input.minorAgeThreshold ?? DEFAULT_MINOR_AGE_THRESHOLD, {
    integer: true,
    min: 0,
    max: 25,
  });
  const acceptsMinors = (eligibility.minAgeYears ?? 0) < (minorAgeThreshold ?? DEFAULT_MINOR_AGE_THRESHOLD);
  const consentDocuments = checkConsentDocuments(issues, input.consentDocuments, acceptsMinors);
  const sessions = checkSessions(issues, input.sessions);
  if (sessions && treatment && sessions.kind !== treatment) issues.add('sessions.kind', 'programs.session_kind_mismatch', { treatment });
  const assessments = checkAssessments(issues, input.assessments);
  const price = checkPrice(issues, 'price', input.price);
  const ethicsApprovalId = checkText(issues, 'ethicsApprovalId', input.ethicsApprovalId, { required: false, max: 100 });
  const registryId = checkText(issues, 'registryId', input.registryId, { required: false, max: 40 });
  if (registryId !== undefined && registryKind(registryId) === undefined) issues.add('registryId', 'programs.registry_id_invalid');
  throwIfIssues(issues, 'programs.definition_invalid');
  return deepFreeze({
    id: id!,
    version: version!,
    title: title!,
    treatment: treatment!,
    eligibility,
    minorAgeThreshold: minorAgeThreshold!,
    consentDocuments,
    sessions: sessions!,
    assessments,
    price: price!,
    ...(ethicsApprovalId !== undefined ? { ethicsApprovalId } : {}),
    ...(registryId !== undefined ? { registryId } : {}),
  });
}

/**
 * The newest version of a consent document for a role and language that is in force on a date.
 *
 * @example
 * currentConsentDocument(program, { role: 'participant', language: 'ja', on: '2026-04-01' });
 */
export function currentConsentDocument(
  program: ProgramDefinition,
  opts: { readonly role: ConsentRole; readonly language: Lang; readonly on: string },
): ConsentDocument | undefined {
  return program.consentDocuments
    .filter((d) => d.role === opts.role && d.language === opts.language && d.effectiveFrom <= opts.on)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))[0];
}
