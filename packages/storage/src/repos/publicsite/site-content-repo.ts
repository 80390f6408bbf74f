import type { Db } from '../db.ts';

export interface SiteContentVersion {
  readonly version: number;
  readonly content: unknown;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

/** The latest version of the clinic's public pages, or undefined when none was saved. */
export async function latestSiteContent(db: Db, clinicId: string): Promise<SiteContentVersion | undefined> {
  const r = await db.selectFrom('site_content_versions').selectAll().where('clinic_id', '=', clinicId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r ? { version: r.version, content: JSON.parse(r.content_json), createdAt: r.created_at, createdBy: r.created_by } : undefined;
}

/** Every saved version, newest first, without their content (the history list). */
export async function listSiteContentVersions(db: Db, clinicId: string): Promise<Array<Omit<SiteContentVersion, 'content'>>> {
  const rows = await db.selectFrom('site_content_versions').select(['version', 'created_at', 'created_by']).where('clinic_id', '=', clinicId).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by }));
}

/**
 * Saves a new version when `expectedVersion` is still the latest (0 for the first); false when
 * someone saved in between (the primary key refuses the same version twice).
 */
export async function insertSiteContentVersion(db: Db, o: { clinicId: string; expectedVersion: number; content: unknown; now: string; by: string | null }): Promise<boolean> {
  const latest = await latestSiteContent(db, o.clinicId);
  if ((latest?.version ?? 0) !== o.expectedVersion) return false;
  await db.insertInto('site_content_versions').values({ clinic_id: o.clinicId, version: o.expectedVersion + 1, content_json: JSON.stringify(o.content), created_at: o.now, created_by: o.by }).execute();
  return true;
}
