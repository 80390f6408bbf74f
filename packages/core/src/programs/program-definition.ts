import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import { checkPrice } from './price.ts';
import { checkGovernance } from './check-governance.ts';
import { checkProgramSafety } from './program-safety.ts';
import { checkProgramClosure } from './retention.ts';
import { consentRolesForAgeRange } from './consent-roles-by-age.ts';
import { REGULATORY_PATHWAYS } from './regulatory-pathway.ts';
import { registryKind } from './registry-id.ts';
import { checkAssessments } from './check-assessment-visits.ts';
import { checkConsentDocuments } from './check-consent-documents.ts';
import { checkEligibility } from './check-eligibility-criteria.ts';
import { checkSessions } from './check-session-schedule.ts';
import { checkId, checkLocalized } from './program-field-checks.ts';
import { checkLabPlan } from './lab-plan.ts';
import { analyteCatalogue } from '../labs/lab-catalogue.ts';
import { TREATMENT_KINDS, type ProgramDefinition, type ProgramDefinitionInput } from './program-types.ts';

// The program's shapes live in `program-types.ts`, each part's checks in its own `check-*.ts`.
export * from './program-types.ts';

/**
 * Validates a program definition and returns it frozen, or throws one `DomainError('validation')`
 * listing every problem (`issues[].path` such as `sessions.intervalDays`).
 *
 * Rules beyond field formats: two baselines (screening and pre-treatment, the latter ending before
 * the first dose); session windows that cannot overlap; consent documents in Japanese and English
 * for every role the age range needs (`consentRolesForAgeRange`); a regulatory pathway; a registry
 * id in jRCT or UMIN-CTR format; governance fields well formed (what is still missing is listed by
 * `missingGovernance`, not refused here: a program is defined before its approval arrives).
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
  const pathway = checkOneOf(issues, 'pathway', input.pathway, REGULATORY_PATHWAYS);
  const governance = checkGovernance(issues, input.governance);
  const consentDocuments = checkConsentDocuments(issues, input.consentDocuments, consentRolesForAgeRange(eligibility));
  const sessions = checkSessions(issues, input.sessions);
  if (sessions && treatment && sessions.kind !== treatment) issues.add('sessions.kind', 'programs.session_kind_mismatch', { treatment });
  const assessments = checkAssessments(issues, input.assessments);
  const price = checkPrice(issues, 'price', input.price);
  // The built-in panel here; a clinic's own analytes are checked by the service that knows them.
  const labPlan = checkLabPlan(issues, input.labPlan, { catalogue: analyteCatalogue(input.customAnalytes ?? []) });
  const ethicsApprovalId = checkText(issues, 'ethicsApprovalId', input.ethicsApprovalId, { required: false, max: 100 });
  const registryId = checkText(issues, 'registryId', input.registryId, { required: false, max: 40 });
  if (registryId !== undefined && registryKind(registryId) === undefined) issues.add('registryId', 'programs.registry_id_invalid');
  const safety = checkProgramSafety(issues, input.safety);
  const closure = checkProgramClosure(issues, input.closure);
  throwIfIssues(issues, 'programs.definition_invalid');
  return deepFreeze({
    id: id!,
    version: version!,
    title: title!,
    treatment: treatment!,
    eligibility,
    pathway: pathway!,
    ...(governance !== undefined ? { governance } : {}),
    consentDocuments,
    sessions: sessions!,
    assessments,
    price: price!,
    ...(labPlan !== undefined ? { labPlan } : {}),
    ...(ethicsApprovalId !== undefined ? { ethicsApprovalId } : {}),
    ...(registryId !== undefined ? { registryId } : {}),
    ...(safety !== undefined ? { safety } : {}),
    ...(closure !== undefined ? { closure } : {}),
  });
}
