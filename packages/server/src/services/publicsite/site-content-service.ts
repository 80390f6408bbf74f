import { checkSiteContent, type SiteContent } from '@mimamori/core/publicsite/site-content';
import { DomainError } from '@mimamori/core';
import { insertSiteContentVersion, isUniqueViolation, latestSiteContent, listSiteContentVersions } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import { requireStaff, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';

export interface SiteContentForEdit {
  readonly version: number;
  readonly content: SiteContent | null;
  readonly history: ReadonlyArray<{ readonly version: number; readonly createdAt: string; readonly createdBy: string | null }>;
}

/** The latest text of the public pages and the list of saved versions (for the editor). */
export async function getSiteContentForEdit(ctx: RequestContext): Promise<SiteContentForEdit> {
  const a = requireStaff(ctx);
  const [latest, history] = await Promise.all([latestSiteContent(ctx.db.db, a.clinicId), listSiteContentVersions(ctx.db.db, a.clinicId)]);
  return { version: latest?.version ?? 0, content: (latest?.content as SiteContent | undefined) ?? null, history };
}

/**
 * Saves the public pages as a new version (the old ones stay), when nobody saved since
 * `expectedVersion`; audited with the fields that changed.
 */
export async function saveSiteContent(ctx: RequestContext, input: { readonly content: SiteContent; readonly expectedVersion: number }): Promise<{ readonly version: number }> {
  const a = requireStaff(ctx);
  const content = checkSiteContent(input.content);
  try {
    return await writeTx(ctx, async (tx) => {
      const before = await latestSiteContent(tx, a.clinicId);
      const ok = await insertSiteContentVersion(tx, { clinicId: a.clinicId, expectedVersion: input.expectedVersion, content, now: ctx.clock().toISOString(), by: a.staffId });
      if (!ok) throw new DomainError('conflict', { key: 'site.changed_meanwhile' });
      const prev = before?.content as Record<string, unknown> | undefined;
      const changed = Object.keys(content).filter((k) => JSON.stringify(prev?.[k]) !== JSON.stringify((content as unknown as Record<string, unknown>)[k]));
      await audit(ctx, tx, { action: 'site.save', resource: 'site_content', resourceId: String(input.expectedVersion + 1), detail: `changed=${changed.join(',')}` });
      return { version: input.expectedVersion + 1 };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', { key: 'site.changed_meanwhile' });
    throw e;
  }
}
