import { publicHours, type PublicHours } from '@mimamori/core/publicsite/public-hours';
import type { Bilingual, RecruitmentContent } from '@mimamori/core/publicsite/recruitment-page';
import type { SiteContent } from '@mimamori/core/publicsite/site-content';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { getSchedulingConfig, latestSiteContent, listClinics, listPublishedRecruitmentPages, publishedRecruitmentPage, type ClinicRow } from '@mimamori/storage';
import { DomainError } from '@mimamori/core';
import type { RequestContext } from '../../request-context.ts';

/** How many days ahead the public page lists closures (holidays, the year-end closure, one-day changes). */
export const PUBLIC_CLOSURE_DAYS = 60;

/**
 * The clinic whose public pages this installation serves (an installation serves one clinic): the
 * first clinic that saved its public pages, else the first clinic created. Undefined before setup.
 */
async function publicClinic(ctx: RequestContext): Promise<ClinicRow | undefined> {
  const clinics = await listClinics(ctx.db.db);
  for (const c of clinics) if (await latestSiteContent(ctx.db.db, c.id)) return c;
  return clinics[0];
}

export type PublicClinicView =
  | {
    readonly kind: 'published';
    readonly clinicId: string;
    readonly content: SiteContent;
    readonly hours: PublicHours;
    readonly phone: string;
    readonly address: string | null;
    readonly recruitments: ReadonlyArray<{ readonly programId: string; readonly title: Bilingual }>;
  }
  | { readonly kind: 'unpublished'; readonly clinicName: string; readonly phone: string | null };

/**
 * What the public clinic page shows: the administrator's latest text, the hours and coming
 * closures read from the scheduling configuration for "today" in the clinic's zone, the phone and
 * address booking uses, and the published recruitment pages. Reads no patient data: not audited.
 */
export async function getPublicClinic(ctx: RequestContext): Promise<PublicClinicView> {
  const clinic = await publicClinic(ctx);
  if (!clinic) throw new DomainError('not_found', { key: 'site.no_clinic' });
  const db = ctx.db.db;
  const [site, config, pages] = await Promise.all([
    latestSiteContent(db, clinic.id),
    getSchedulingConfig(db, clinic.id, clinic.timeZone),
    listPublishedRecruitmentPages(db, clinic.id),
  ]);
  if (!site || !config) return { kind: 'unpublished', clinicName: clinic.name, phone: config?.clinicPhone ?? null };
  const today = clinicDate(ctx.clock().getTime(), clinic.timeZone);
  return {
    kind: 'published',
    clinicId: clinic.id,
    content: site.content as SiteContent,
    hours: publicHours(config.calendar, { today, days: PUBLIC_CLOSURE_DAYS }),
    phone: config.clinicPhone,
    address: config.clinicAddress,
    recruitments: pages.map((p) => ({ programId: p.programId, title: (p.content as RecruitmentContent).title })),
  };
}

/** The published recruitment page of a program, with the clinic's name; `not_found` otherwise. */
export async function getPublicRecruitment(ctx: RequestContext, input: { readonly programId: string }): Promise<{ readonly version: number; readonly content: RecruitmentContent; readonly clinicName: Bilingual }> {
  const clinic = await publicClinic(ctx);
  if (!clinic) throw new DomainError('not_found', { key: 'recruitment.not_found' });
  const page = await publishedRecruitmentPage(ctx.db.db, clinic.id, input.programId);
  if (!page) throw new DomainError('not_found', { key: 'recruitment.not_found' });
  const site = await latestSiteContent(ctx.db.db, clinic.id);
  const clinicName = site ? (site.content as SiteContent).clinicName : { ja: clinic.name, en: clinic.name };
  return { version: page.version, content: page.content as RecruitmentContent, clinicName };
}
