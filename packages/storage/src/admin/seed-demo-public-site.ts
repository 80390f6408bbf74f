import { DEMO_RECRUITMENT_PROGRAM_ID, demoRecruitmentContent, demoSiteContent } from '@mimamori/core/publicsite/demo-public-site';
import { appendAudit } from '../repos/audit-repo.ts';
import type { Db } from '../repos/db.ts';
import { getProgramDefinition } from '../repos/programs/program-repo.ts';
import { insertRecruitmentPageVersion, latestRecruitmentPage } from '../repos/publicsite/recruitment-page-repo.ts';
import { insertSiteContentVersion, latestSiteContent } from '../repos/publicsite/site-content-repo.ts';

/**
 * The demo clinic's public pages and, when the demo TMS program exists, its published recruitment
 * page. Idempotent: a clinic that already has them is left alone.
 */
export async function seedDemoPublicSite(db: Db, o: { clinicId: string; now: string }): Promise<void> {
  if (!(await latestSiteContent(db, o.clinicId))) {
    await insertSiteContentVersion(db, { clinicId: o.clinicId, expectedVersion: 0, content: demoSiteContent, now: o.now, by: null });
    await appendAudit(db, { at: o.now, clinicId: o.clinicId, actorId: null, actorRole: 'demo-seed', action: 'site.save', resource: 'site_content', resourceId: '1', outcome: 'success' });
  }
  if ((await getProgramDefinition(db, o.clinicId, DEMO_RECRUITMENT_PROGRAM_ID)) && !(await latestRecruitmentPage(db, o.clinicId, DEMO_RECRUITMENT_PROGRAM_ID))) {
    await insertRecruitmentPageVersion(db, { clinicId: o.clinicId, programId: DEMO_RECRUITMENT_PROGRAM_ID, expectedVersion: 0, status: 'published', content: demoRecruitmentContent, now: o.now, by: null });
    await appendAudit(db, { at: o.now, clinicId: o.clinicId, actorId: null, actorRole: 'demo-seed', action: 'recruitment.publish', resource: 'recruitment_page', resourceId: `${DEMO_RECRUITMENT_PROGRAM_ID}@1`, outcome: 'success' });
  }
}
