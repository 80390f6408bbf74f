import { DomainError, type Issue } from '@mimamori/core';
import {
  defineProgram,
  EXOSOME_PROGRAM_INPUT,
  isSampleText,
  reviseProgram,
  sha256Hex,
  TMS_PROGRAM_INPUT,
  type ProgramDefinition,
  type ProgramDefinitionInput,
} from '@mimamori/core/programs/index';
import { getConsentTexts, getProgramDefinition, insertProgramDefinition, listProgramDefinitions, newId, putConsentText, type Db } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { checkProgramService } from './program-booking-service.ts';
import { loadProgram, nowIso, writeTx } from './program-context.ts';

/** A consent document as the form sends it: the text itself (its SHA-256 is computed here). */
export interface ConsentDocumentInput {
  readonly id?: string;
  readonly version?: string;
  readonly role?: string;
  readonly language?: string;
  readonly title?: string;
  readonly effectiveFrom?: string;
  readonly text?: string;
  readonly contentHash?: string;
}

export type ProgramInput = Omit<ProgramDefinitionInput, 'consentDocuments'> & { readonly consentDocuments?: ReadonlyArray<ConsentDocumentInput> };

/**
 * Replaces each document's text by its hash and returns the texts to store. A document without
 * text must name the hash of a text the clinic already stored (an unchanged document in a revision).
 */
async function splitTexts(db: Db, clinicId: string, input: ProgramInput): Promise<{ def: ProgramDefinitionInput; texts: Map<string, string> }> {
  const texts = new Map<string, string>();
  // The body is loose (the core checks it): anything but a list of objects is left for the core to name.
  if (!Array.isArray(input.consentDocuments)) return { def: input as ProgramDefinitionInput, texts };
  const docs = input.consentDocuments.map((d) => (d !== null && typeof d === 'object' && !Array.isArray(d) ? d : {}));
  const known = await getConsentTexts(db, clinicId, docs.flatMap((d) => (d.text === undefined && typeof d.contentHash === 'string' ? [d.contentHash] : [])));
  const issues: Issue[] = [];
  // Whether a document is a sample is decided by its text (【見本】 / [Sample]), never by the form.
  const consentDocuments = docs.map((d, i) => {
    const { text, sample: _sample, ...rest } = d as ConsentDocumentInput & { sample?: unknown };
    void _sample;
    if (typeof text === 'string' && text.trim() !== '') {
      const contentHash = sha256Hex(text);
      texts.set(contentHash, text);
      return { ...rest, contentHash, ...(isSampleText(text) ? { sample: true } : {}) } as Record<string, unknown>;
    }
    const stored = d.contentHash ? known.get(d.contentHash) : undefined;
    if (stored === undefined) issues.push({ path: `consentDocuments[${i}].text`, key: 'programs.field.required' });
    return { ...rest, ...(stored !== undefined && isSampleText(stored) ? { sample: true } : {}) } as Record<string, unknown>;
  });
  if (issues.length) {
    const d = docs[0];
    throw new DomainError('validation', {
      key: 'programs.consent_text_missing',
      params: { document: d?.id ?? '', version: d?.version ?? '', language: d?.language ?? '' },
      issues,
    });
  }
  return { def: { ...input, consentDocuments: consentDocuments as ProgramDefinitionInput['consentDocuments'] }, texts };
}

async function store(ctx: RequestContext, tx: Db, o: { readonly def: ProgramDefinition; readonly texts: Map<string, string>; readonly action: string }) {
  const { def, texts, action } = o;
  const actor = requireStaff(ctx);
  await checkProgramService(tx, actor.clinicId, def);
  const now = nowIso(ctx);
  for (const [contentHash, text] of texts) await putConsentText(tx, { clinicId: actor.clinicId, contentHash, text, now });
  await insertProgramDefinition(tx, {
    id: newId(), clinic_id: actor.clinicId, program_id: def.id, version: def.version, definition_json: JSON.stringify(def), created_by: actor.staffId, created_at: now,
  });
  await audit(ctx, tx, { action, resource: 'program', resourceId: def.id, detail: `v=${def.version}` });
}

/** Creates a program (version 1 unless the input says otherwise). */
export async function createProgram(ctx: RequestContext, input: ProgramInput): Promise<ProgramDefinition> {
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { def, texts } = await splitTexts(tx, actor.clinicId, input);
    const program = defineProgram({ ...def, version: def.version ?? 1 });
    if (await getProgramDefinition(tx, actor.clinicId, program.id)) throw new DomainError('conflict', { key: 'programs.exists' });
    await store(ctx, tx, { def: program, texts, action: 'program.create' });
    return program;
  });
}

/**
 * A new version of an existing program; published consent document versions keep their text. The
 * pathway and governance carry over from the previous version unless the input sets them.
 */
export async function reviseProgramDefinition(
  ctx: RequestContext,
  o: { readonly programId: string; readonly input: ProgramInput; readonly action?: 'program.revise' | 'program.governance' },
): Promise<ProgramDefinition> {
  const { programId, input } = o;
  const actor = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const previous = await loadProgram(tx, actor.clinicId, programId);
    const carried = {
      ...(input.pathway === undefined && previous.pathway !== undefined ? { pathway: previous.pathway } : {}),
      ...(input.governance === undefined && previous.governance !== undefined ? { governance: previous.governance } : {}),
    };
    const { def, texts } = await splitTexts(tx, actor.clinicId, { ...carried, ...input, id: programId });
    const program = reviseProgram(previous, def);
    await store(ctx, tx, { def: program, texts, action: o.action ?? 'program.revise' });
    return program;
  });
}

/** The latest version of each program, and the versions that exist. */
export async function listPrograms(ctx: RequestContext) {
  const actor = requireStaff(ctx);
  const rows = await listProgramDefinitions(ctx.db.db, actor.clinicId);
  const out: Array<{ program: ProgramDefinition; versions: number[] }> = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.program.id === r.program_id) last.versions.push(r.version);
    else out.push({ program: JSON.parse(r.definition_json) as ProgramDefinition, versions: [r.version] });
  }
  return out;
}

/** One version with the exact text of each of its consent documents. */
export async function readProgram(ctx: RequestContext, o: { readonly programId: string; readonly version?: number | undefined }) {
  const { programId, version } = o;
  const actor = requireStaff(ctx);
  const program = await loadProgram(ctx.db.db, actor.clinicId, programId, version);
  const texts = await getConsentTexts(ctx.db.db, actor.clinicId, program.consentDocuments.map((d) => d.contentHash));
  await auditAlone(ctx, { action: 'program.read', resource: 'program', resourceId: programId, detail: `v=${program.version}` });
  return { program, documentTexts: Object.fromEntries(texts) as Record<string, string> };
}

const PLACEHOLDER = {
  ja: '【見本】この本文は見本です。プログラムを使う前に、倫理審査委員会で承認された説明文書に置き換えてください。',
  en: '[Sample] This text is a placeholder. Replace it with the information sheet your ethics committee approved before enrolling anyone.',
} as const;

/** The two example programs as form input, with placeholder document texts to replace. */
export function examplePrograms(): ReadonlyArray<ProgramInput> {
  return [EXOSOME_PROGRAM_INPUT, TMS_PROGRAM_INPUT].map((p) => ({
    ...p,
    consentDocuments: (p.consentDocuments ?? []).map((d) => {
      const { contentHash: _hash, ...rest } = d;
      void _hash;
      const lang = d.language === 'en' ? 'en' : 'ja';
      return { ...rest, text: `${d.title ?? ''}\n\n${PLACEHOLDER[lang]}` } as ConsentDocumentInput;
    }),
  }));
}
