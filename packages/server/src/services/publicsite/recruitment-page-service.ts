import { assertRecruitmentPublishable, checkRecruitmentPage, type RecruitmentCheck } from '@mimamori/core/publicsite/check-recruitment-page';
import type { RecruitmentContent } from '@mimamori/core/publicsite/recruitment-page';
import { DomainError } from '@mimamori/core';
import { getProgramDefinition, insertRecruitmentPageVersion, isUniqueViolation, latestRecruitmentPage, listProgramDefinitions, publishedRecruitmentPage, type RecruitmentStatus } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';

export interface RecruitmentPageSummary {
  readonly programId: string;
  readonly programTitle: { readonly ja: string; readonly en: string };
  readonly version: number;
  readonly status: RecruitmentStatus | null;
  readonly published: boolean;
}

/** Every program of the clinic with the state of its recruitment page. */
export async function listRecruitmentPages(ctx: RequestContext): Promise<ReadonlyArray<RecruitmentPageSummary>> {
  const a = requireStaff(ctx);
  const defs = await listProgramDefinitions(ctx.db.db, a.clinicId);
  const latestDefs = defs.filter((d, i) => i === 0 || defs[i - 1]!.program_id !== d.program_id);
  const out: RecruitmentPageSummary[] = [];
  for (const d of latestDefs) {
    const title = (JSON.parse(d.definition_json) as { title: { ja: string; en: string } }).title;
    const [latest, published] = await Promise.all([latestRecruitmentPage(ctx.db.db, a.clinicId, d.program_id), publishedRecruitmentPage(ctx.db.db, a.clinicId, d.program_id)]);
    out.push({ programId: d.program_id, programTitle: title, version: latest?.version ?? 0, status: latest?.status ?? null, published: published !== undefined });
  }
  return out;
}

export interface RecruitmentPageForEdit {
  readonly programId: string;
  readonly version: number;
  readonly status: RecruitmentStatus | null;
  readonly publishedVersion: number | null;
  readonly content: RecruitmentContent | null;
  readonly check: RecruitmentCheck | null;
}

/** A program's latest page with its check (missing items and warnings), for the editor. */
export async function getRecruitmentPageForEdit(ctx: RequestContext, input: { readonly programId: string }): Promise<RecruitmentPageForEdit> {
  const a = requireStaff(ctx);
  if (!(await getProgramDefinition(ctx.db.db, a.clinicId, input.programId))) throw new DomainError('not_found', { key: 'recruitment.program_not_found' });
  const [latest, published] = await Promise.all([latestRecruitmentPage(ctx.db.db, a.clinicId, input.programId), publishedRecruitmentPage(ctx.db.db, a.clinicId, input.programId)]);
  const content = (latest?.content as RecruitmentContent | undefined) ?? null;
  return { programId: input.programId, version: latest?.version ?? 0, status: latest?.status ?? null, publishedVersion: published?.version ?? null, content, check: content ? checkRecruitmentPage(content) : null };
}

/**
 * Saves a program's page as a new version: `draft` (any content), `published` (refused with every
 * missing 限定解除 item until the page states them all) or `withdrawn` (the public page goes away).
 * Warnings never block; they are returned and written to the audit row.
 */
export async function saveRecruitmentPage(
  ctx: RequestContext,
  input: { readonly programId: string; readonly content: RecruitmentContent; readonly expectedVersion: number; readonly status: RecruitmentStatus },
): Promise<{ readonly version: number; readonly check: RecruitmentCheck }> {
  const a = requireStaff(ctx);
  if (input.status === 'published') assertRecruitmentPublishable(input.content);
  const check = checkRecruitmentPage(input.content);
  try {
    return await writeTx(ctx, async (tx) => {
      if (!(await getProgramDefinition(tx, a.clinicId, input.programId))) throw new DomainError('not_found', { key: 'recruitment.program_not_found' });
      const ok = await insertRecruitmentPageVersion(tx, {
        clinicId: a.clinicId, programId: input.programId, expectedVersion: input.expectedVersion, status: input.status, content: input.content, now: ctx.clock().toISOString(), by: a.staffId,
      });
      if (!ok) throw new DomainError('conflict', { key: 'recruitment.changed_meanwhile' });
      await audit(ctx, tx, {
        action: `recruitment.${input.status === 'draft' ? 'save' : input.status === 'published' ? 'publish' : 'withdraw'}`,
        resource: 'recruitment_page', resourceId: `${input.programId}@${input.expectedVersion + 1}`,
        detail: `warnings=${[...new Set(check.warnings.map((w) => w.rule))].join(',')} missing=${check.missing.length}`,
      });
      return { version: input.expectedVersion + 1, check };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', { key: 'recruitment.changed_meanwhile' });
    throw e;
  }
}
