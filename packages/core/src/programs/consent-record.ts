import { ADULT_AGE, ageOn } from '../patients/patient.ts';
import { checkInstant, checkDate } from '../fields/check-date.ts';
import { clinicDate } from '../time/index.ts';
import type { Issues } from '../fields/field-issues.ts';
import { checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import type { Lang } from '../text/localized-text.ts';
import { LANGS } from '../text/localized-text.ts';
import type { ConsentRole, ProgramDefinition } from './program-definition.ts';
import { CONSENT_ROLES } from './program-definition.ts';
import { isSha256Hex } from './sha256.ts';
import { consentRolesForAge } from './consent-roles-by-age.ts';
import { consentRoleKey, consentSignerKey } from './state-labels.ts';

export type GuardianRelation = 'mother' | 'father' | 'legal_guardian' | 'other';
export const GUARDIAN_RELATIONS: ReadonlyArray<GuardianRelation> = ['mother', 'father', 'legal_guardian', 'other'];

/** Who signed: the patient themself, or a guardian (親権者・法定代理人) and how they are related. */
export type Signer =
  | { readonly kind: 'self'; readonly name: string }
  | { readonly kind: 'guardian'; readonly name: string; readonly relation: GuardianRelation; readonly relationOther?: string };

/** A typed full name, or a drawn signature stored elsewhere and referenced by id + SHA-256. */
export type Signature =
  | { readonly method: 'typed'; readonly typedName: string }
  | { readonly method: 'drawn'; readonly imageRef: string; readonly imageHash: string };

export type IdentityMethod =
  'my_number_card' | 'health_insurance_card' | 'driving_licence' | 'passport' | 'residence_card' | 'known_to_staff' | 'other';
export const IDENTITY_METHODS: ReadonlyArray<IdentityMethod> = [
  'my_number_card',
  'health_insurance_card',
  'driving_licence',
  'passport',
  'residence_card',
  'known_to_staff',
  'other',
];

/** Optional uses the signer may agree to beyond running the program and analysing its results. */
export type ConsentScope = 'secondary_research' | 'publication';
export const CONSENT_SCOPES: ReadonlyArray<ConsentScope> = ['secondary_research', 'publication'];

/**
 * One signature on one document: the patient's consent, a guardian's consent, or a child's assent
 * are separate records. The exact document version and its hash are stored so later readers know
 * which words were signed.
 */
export type ConsentRecord = {
  readonly id: string;
  readonly enrolmentId: string;
  readonly role: ConsentRole;
  readonly signer: Signer;
  readonly signature: Signature;
  readonly signedAt: string;
  readonly document: { readonly id: string; readonly version: string; readonly language: Lang; readonly contentHash: string };
  /** Questions the signer asked and the answers given, in their words. */
  readonly questions: ReadonlyArray<{ readonly question: string; readonly answer: string }>;
  readonly identity: { readonly confirmedBy: string; readonly method: IdentityMethod; readonly at: string };
  readonly scopes: ReadonlyArray<ConsentScope>;
};

export type ConsentRecordInput = {
  readonly [K in keyof ConsentRecord]?: unknown;
};

function checkSigner(issues: Issues, role: ConsentRole | undefined, v: unknown): Signer | undefined {
  const s = (v ?? {}) as Record<string, unknown>;
  if (v === undefined) {
    issues.add('signer', 'programs.field.required');
    return undefined;
  }
  const kind = checkOneOf(issues, 'signer.kind', s.kind, ['self', 'guardian'] as const);
  const name = checkText(issues, 'signer.name', s.name, { max: 100 });
  // The guardian signs the guardian form; the patient (adult or child) signs their own.
  if (role && kind && (role === 'guardian') !== (kind === 'guardian')) {
    issues.add('signer.kind', 'consent.signer_role_mismatch', { role, kind, roleKey: consentRoleKey(role), kindKey: consentSignerKey(kind) });
  }
  if (kind === 'guardian') {
    const relation = checkOneOf(issues, 'signer.relation', s.relation, GUARDIAN_RELATIONS);
    const relationOther = checkText(issues, 'signer.relationOther', s.relationOther, { required: relation === 'other', max: 100 });
    if (name && relation) return { kind, name, relation, ...(relationOther ? { relationOther } : {}) };
    return undefined;
  }
  return kind && name ? { kind, name } : undefined;
}

function checkSignature(issues: Issues, v: unknown): Signature | undefined {
  if (v === undefined) {
    issues.add('signature', 'programs.field.required');
    return undefined;
  }
  const s = v as Record<string, unknown>;
  const method = checkOneOf(issues, 'signature.method', s.method, ['typed', 'drawn'] as const);
  if (method === 'typed') {
    const typedName = checkText(issues, 'signature.typedName', s.typedName, { max: 100 });
    return typedName ? { method, typedName } : undefined;
  }
  if (method === 'drawn') {
    const imageRef = checkText(issues, 'signature.imageRef', s.imageRef, { max: 200 });
    if (!isSha256Hex(s.imageHash)) issues.add('signature.imageHash', 'programs.hash_invalid');
    return imageRef && isSha256Hex(s.imageHash) ? { method, imageRef, imageHash: s.imageHash } : undefined;
  }
  return undefined;
}

/**
 * Validates one consent (or assent) record against the program: the signer fits the role, the
 * signature is present, the staff member confirmed identity, and the document id, version, language
 * and hash are exactly those of a document of this program for this role (detail path
 * `document.contentHash` when the signed text differs from the registered one), in force on the
 * signing date in the clinic's zone.
 *
 * @example
 * const rec = validateConsentRecord(input, { program: EXOSOME_PROGRAM, zone: 'Asia/Tokyo' });
 */
export function validateConsentRecord(
  input: ConsentRecordInput,
  opts: { readonly program: ProgramDefinition; readonly zone: string },
): ConsentRecord {
  const issues = createIssues();
  const id = checkText(issues, 'id', input.id, { max: 100 });
  const enrolmentId = checkText(issues, 'enrolmentId', input.enrolmentId, { max: 100 });
  const role = checkOneOf(issues, 'role', input.role, CONSENT_ROLES);
  const signer = checkSigner(issues, role, input.signer);
  const signature = checkSignature(issues, input.signature);
  const signedAt = checkInstant(issues, 'signedAt', input.signedAt);
  // A typed signature is the signer writing their own name: it must be the signer's name (spacing
  // and full/half-width aside), or the record does not show who agreed.
  const fold = (x: string): string => x.normalize('NFKC').replace(/\s+/g, '');
  if (signer && signature?.method === 'typed' && fold(signature.typedName) !== fold(signer.name)) {
    issues.add('signature.typedName', 'consent.typed_name_mismatch');
  }

  const d = (input.document ?? {}) as Record<string, unknown>;
  if (input.document === undefined) issues.add('document', 'programs.field.required');
  const docId = checkText(issues, 'document.id', d.id, { max: 64 });
  const version = checkText(issues, 'document.version', d.version, { max: 32 });
  const language = checkOneOf(issues, 'document.language', d.language, LANGS);
  const contentHash = isSha256Hex(d.contentHash) ? d.contentHash : undefined;
  if (input.document !== undefined && !contentHash) issues.add('document.contentHash', 'programs.hash_invalid');
  if (docId && version && language && role) {
    const registered = opts.program.consentDocuments.find((x) => x.id === docId && x.version === version && x.language === language);
    if (!registered) issues.add('document.version', 'consent.document_unknown', { id: docId, version });
    else {
      if (registered.role !== role) issues.add('role', 'consent.document_role_mismatch', { role: registered.role, roleKey: consentRoleKey(registered.role) });
      if (contentHash && registered.contentHash !== contentHash) issues.add('document.contentHash', 'consent.document_hash_mismatch');
      if (signedAt && clinicDate(signedAt, opts.zone) < registered.effectiveFrom) {
        issues.add('document.version', 'consent.document_not_yet_effective', { effectiveFrom: registered.effectiveFrom });
      }
    }
  }

  const questions: { question: string; answer: string }[] = [];
  if (input.questions !== undefined && !Array.isArray(input.questions)) issues.add('questions', 'programs.field.not_list');
  ((Array.isArray(input.questions) ? input.questions : []) as Array<Record<string, unknown>>).forEach((q, i) => {
    const question = checkText(issues, `questions[${i}].question`, q?.question, { max: 2000 });
    const answer = checkText(issues, `questions[${i}].answer`, q?.answer, { max: 4000 });
    if (question && answer) questions.push({ question, answer });
  });

  const idn = (input.identity ?? {}) as Record<string, unknown>;
  if (input.identity === undefined) issues.add('identity', 'consent.identity_not_confirmed');
  const confirmedBy = input.identity === undefined ? undefined : checkText(issues, 'identity.confirmedBy', idn.confirmedBy, { max: 100 });
  const method = input.identity === undefined ? undefined : checkOneOf(issues, 'identity.method', idn.method, IDENTITY_METHODS);
  const idAt = input.identity === undefined ? undefined : checkInstant(issues, 'identity.at', idn.at);

  const scopes: ConsentScope[] = [];
  ((Array.isArray(input.scopes) ? input.scopes : []) as unknown[]).forEach((s, i) => {
    const v = checkOneOf(issues, `scopes[${i}]`, s, CONSENT_SCOPES);
    if (v && !scopes.includes(v)) scopes.push(v);
  });
  throwIfIssues(issues, 'consent.record_invalid');
  return deepFreeze({
    id: id!,
    enrolmentId: enrolmentId!,
    role: role!,
    signer: signer!,
    signature: signature!,
    signedAt: signedAt!,
    document: { id: docId!, version: version!, language: language!, contentHash: contentHash! },
    questions,
    identity: { confirmedBy: confirmedBy!, method: method!, at: idAt! },
    scopes,
  });
}

export type ConsentEvaluation = {
  /** The consent date in the clinic zone (date of the first consent or guardian signature, else `on`). */
  readonly consentDate: string;
  readonly ageAtConsent: number;
  readonly minor: boolean;
  readonly requiredRoles: ReadonlyArray<ConsentRole>;
  readonly missingRoles: ReadonlyArray<ConsentRole>;
  /** Records whose role is not needed at this age (e.g. an adult's "assent"): kept, but not counted. */
  readonly extraRecordIds: ReadonlyArray<string>;
  readonly complete: boolean;
};

export type EvaluateConsentOptions = {
  readonly program: ProgramDefinition;
  readonly birthDate: string;
  readonly records: ReadonlyArray<ConsentRecord>;
  /** The clinic's IANA zone; the consent date is the local date there. */
  readonly zone: string;
  /** Today's date in the clinic zone, used when no signature exists yet. */
  readonly on: string;
};

/**
 * Which signatures a patient needs and which are still missing. Age is computed in completed years
 * on the consent date in the clinic's zone and the roles follow `consentRolesForAge`: under 16 a
 * guardian's consent and the child's assent, 16–17 a guardian's consent and the minor's own
 * consent (the programs' treatments are invasive, so the guideline's opt-out exception never
 * applies), 18 and over their own consent.
 *
 * @example
 * const ev = evaluateConsent({ program: EXOSOME_PROGRAM, birthDate: '2012-05-01', records, zone: 'Asia/Tokyo', on: '2026-04-01' });
 * ev.requiredRoles; // ['guardian', 'assent']
 */
export function evaluateConsent(opts: EvaluateConsentOptions): ConsentEvaluation {
  const issues = createIssues();
  checkDate(issues, 'birthDate', opts.birthDate);
  checkDate(issues, 'on', opts.on);
  throwIfIssues(issues, 'consent.input_invalid');
  const main = opts.records
    .filter((r) => r.role === 'participant' || r.role === 'guardian')
    .map((r) => clinicDate(r.signedAt, opts.zone))
    .sort();
  const consentDate = main[0] ?? opts.on;
  const ageAtConsent = ageOn(opts.birthDate, consentDate);
  const minor = ageAtConsent < ADULT_AGE;
  const requiredRoles = consentRolesForAge({ age: ageAtConsent });
  const missingRoles = requiredRoles.filter((role) => !opts.records.some((r) => r.role === role));
  const extraRecordIds = opts.records.filter((r) => !requiredRoles.includes(r.role)).map((r) => r.id);
  return deepFreeze({ consentDate, ageAtConsent, minor, requiredRoles, missingRoles, extraRecordIds, complete: missingRoles.length === 0 });
}
