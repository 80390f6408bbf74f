import { DomainError } from '@mimamori/core';
import {
  missingGovernance,
  type ConsentDocument,
  type MissingGovernance,
  type ProgramDefinition,
  type VersionedHash,
} from '@mimamori/core/programs/index';
import { getClinic, listAnalysisPlans, type Db } from '@mimamori/storage';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { loadProgram } from './program-context.ts';
import { reviseProgramDefinition } from './program-definition-service.ts';

/** The outcome report's latest locked analysis plan: it is the program's SAP once it exists. */
export async function lockedPlanOf(db: Db, clinicId: string, programId: string): Promise<VersionedHash | undefined> {
  const locked = (await listAnalysisPlans(db, clinicId, programId)).filter((p) => p.locked_at !== null && p.sha256 !== null);
  const last = locked[locked.length - 1];
  return last ? { version: String(last.version), sha256: last.sha256! } : undefined;
}

/**
 * What the program still lacks before a consent may be taken: the pathway and governance of the
 * program's latest version (approvals arrive after a program is written), checked against the
 * consent documents of the version being signed.
 */
export async function governanceGaps(db: Db, o: { readonly clinicId: string; readonly latest: ProgramDefinition; readonly documents: ReadonlyArray<ConsentDocument> }): Promise<{
  readonly missing: ReadonlyArray<MissingGovernance>;
  readonly lockedPlan: VersionedHash | undefined;
}> {
  const lockedPlan = await lockedPlanOf(db, o.clinicId, o.latest.id);
  const missing = missingGovernance({
    pathway: o.latest.pathway,
    governance: o.latest.governance,
    consentDocuments: o.documents,
    ...(lockedPlan ? { lockedPlan } : {}),
  });
  return { missing, lockedPlan };
}

/**
 * Refuses a consent (`invalid_state`, one issue per missing item, each translated by the error
 * handler) while the pathway's requirements are not all stored, and refuses signing a sample
 * document outside the demo clinic.
 */
export async function assertMayTakeConsent(db: Db, o: { readonly clinicId: string; readonly program: ProgramDefinition; readonly document: ConsentDocument }): Promise<void> {
  const latest = await loadProgram(db, o.clinicId, o.program.id);
  const { missing } = await governanceGaps(db, { clinicId: o.clinicId, latest, documents: o.program.consentDocuments });
  if (missing.length > 0) {
    throw new DomainError('invalid_state', {
      key: 'programs.governance_incomplete',
      params: { count: missing.length },
      issues: missing.map((m) => ({ path: `governance.${m.item}`, key: `programs.governance_missing.${m.item}`, ...(m.document ? { params: { document: m.document } } : {}) })),
      extra: { missing },
    });
  }
  if (o.document.sample) {
    const clinic = await getClinic(db, o.clinicId);
    if (clinic?.settings.demo !== true) {
      throw new DomainError('invalid_state', {
        key: 'programs.sample_document_not_signable',
        issues: [{ path: 'document', key: 'programs.sample_document_not_signable', params: { document: `${o.document.id}@${o.document.version}` } }],
      });
    }
  }
}

/** The governance section of the program page: what is stored and what is still missing. */
export async function readGovernance(ctx: RequestContext, programId: string) {
  const actor = requireStaff(ctx);
  const latest = await loadProgram(ctx.db.db, actor.clinicId, programId);
  const { missing, lockedPlan } = await governanceGaps(ctx.db.db, { clinicId: actor.clinicId, latest, documents: latest.consentDocuments });
  return { programId, version: latest.version, pathway: latest.pathway ?? null, governance: latest.governance ?? {}, lockedPlan: lockedPlan ?? null, missing };
}

/** Stores the pathway and governance as a new version of the program (audited as a revision). */
export async function setProgramGovernance(ctx: RequestContext, o: { readonly programId: string; readonly pathway: unknown; readonly governance: unknown }) {
  const actor = requireStaff(ctx);
  const previous = await loadProgram(ctx.db.db, actor.clinicId, o.programId);
  const program = await reviseProgramDefinition(ctx, {
    programId: o.programId,
    input: { ...previous, pathway: o.pathway as string, governance: o.governance } as never,
    action: 'program.governance',
  });
  return { program, ...(await readGovernance(ctx, o.programId)) };
}
