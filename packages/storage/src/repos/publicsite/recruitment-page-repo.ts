import type { Db } from '../db.ts';

export type RecruitmentStatus = 'draft' | 'published' | 'withdrawn';

export interface RecruitmentPageVersion {
  readonly programId: string;
  readonly version: number;
  readonly status: RecruitmentStatus;
  readonly content: unknown;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

type Row = { program_id: string; version: number; status: string; content_json: string; created_at: string; created_by: string | null };
const toVersion = (r: Row): RecruitmentPageVersion => ({
  programId: r.program_id, version: r.version, status: r.status as RecruitmentStatus, content: JSON.parse(r.content_json), createdAt: r.created_at, createdBy: r.created_by,
});

/** The latest version of a program's page (draft or not). */
export async function latestRecruitmentPage(db: Db, clinicId: string, programId: string): Promise<RecruitmentPageVersion | undefined> {
  const r = await db.selectFrom('recruitment_page_versions').selectAll().where('clinic_id', '=', clinicId).where('program_id', '=', programId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r ? toVersion(r) : undefined;
}

/**
 * What the public sees of a program: the latest version that was published or withdrawn, when it
 * is published; drafts saved since do not change the public page.
 */
export async function publishedRecruitmentPage(db: Db, clinicId: string, programId: string): Promise<RecruitmentPageVersion | undefined> {
  const r = await db
    .selectFrom('recruitment_page_versions').selectAll()
    .where('clinic_id', '=', clinicId).where('program_id', '=', programId).where('status', 'in', ['published', 'withdrawn'])
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r && r.status === 'published' ? toVersion(r) : undefined;
}

/** Every program's published page of the clinic (for the public list). */
export async function listPublishedRecruitmentPages(db: Db, clinicId: string): Promise<RecruitmentPageVersion[]> {
  const rows = await db.selectFrom('recruitment_page_versions').selectAll().where('clinic_id', '=', clinicId).where('status', 'in', ['published', 'withdrawn']).orderBy('program_id').orderBy('version', 'desc').execute();
  const seen = new Set<string>();
  const out: RecruitmentPageVersion[] = [];
  for (const r of rows) {
    if (seen.has(r.program_id)) continue;
    seen.add(r.program_id);
    if (r.status === 'published') out.push(toVersion(r));
  }
  return out;
}

/** Saves a new version when `expectedVersion` is still the latest (0 for the first); false otherwise. */
export async function insertRecruitmentPageVersion(
  db: Db,
  o: { clinicId: string; programId: string; expectedVersion: number; status: RecruitmentStatus; content: unknown; now: string; by: string | null },
): Promise<boolean> {
  const latest = await latestRecruitmentPage(db, o.clinicId, o.programId);
  if ((latest?.version ?? 0) !== o.expectedVersion) return false;
  await db
    .insertInto('recruitment_page_versions')
    .values({ clinic_id: o.clinicId, program_id: o.programId, version: o.expectedVersion + 1, status: o.status, content_json: JSON.stringify(o.content), created_at: o.now, created_by: o.by })
    .execute();
  return true;
}
