import { DomainError, type Issue } from '../errors/domain-error.ts';
import type { Bilingual } from './recruitment-page.ts';

/**
 * What an administrator writes for the clinic's public pages, in Japanese and English. The hours,
 * closures, phone and address are not here: they come from the scheduling configuration, so the
 * page and booking never disagree.
 */
export interface SiteContent {
  readonly clinicName: Bilingual;
  /** One line under the name (e.g. 児童精神科・精神科・心療内科). */
  readonly tagline: Bilingual;
  /** What the clinic treats. */
  readonly treats: Bilingual;
  /** How to get there (stations, walking time, parking). */
  readonly access: Bilingual;
  /** A map link (https only), or empty. */
  readonly mapUrl: string;
  /** How a first visit works (booked by phone, through staff). */
  readonly firstVisit: Bilingual;
  /** How revisits work (online booking, changes). */
  readonly revisit: Bilingual;
  /** What the WEB問診 is and when it arrives. */
  readonly webIntake: Bilingual;
  /** Self-pay fees (edited text until the price list exists). */
  readonly fees: Bilingual;
  /** The privacy policy, shown on its own page. */
  readonly privacy: Bilingual;
  /** A short notice at the top (closures, changes), or empty. */
  readonly notice: Bilingual;
}

export const SITE_TEXT_FIELDS = ['clinicName', 'tagline', 'treats', 'access', 'firstVisit', 'revisit', 'webIntake', 'fees', 'privacy', 'notice'] as const satisfies ReadonlyArray<keyof SiteContent>;

/** The longest text a field may hold (characters); the privacy policy may be long. */
export const SITE_FIELD_MAX: Readonly<Record<(typeof SITE_TEXT_FIELDS)[number], number>> = {
  clinicName: 100, tagline: 200, treats: 4000, access: 2000, firstVisit: 4000, revisit: 4000, webIntake: 4000, fees: 8000, privacy: 20000, notice: 1000,
};

/**
 * Checks the content an administrator saves: the clinic's name in both languages, each field
 * within its length, and a map link that is `https:`. Throws `validation` with every issue.
 *
 * @example
 * checkSiteContent({ ...content, mapUrl: 'javascript:alert(1)' }); // throws: mapUrl → site.map_url_https
 */
export function checkSiteContent(c: SiteContent): SiteContent {
  const issues: Issue[] = [];
  for (const lang of ['ja', 'en'] as const) {
    if (c.clinicName[lang].trim() === '') issues.push({ path: `clinicName.${lang}`, key: 'site.required' });
    for (const f of SITE_TEXT_FIELDS) {
      if (c[f][lang].length > SITE_FIELD_MAX[f]) issues.push({ path: `${f}.${lang}`, key: 'site.too_long', params: { max: SITE_FIELD_MAX[f] } });
    }
  }
  const url = c.mapUrl.trim();
  if (url !== '' && !/^https:\/\/[^\s<>"']+$/i.test(url)) issues.push({ path: 'mapUrl', key: 'site.map_url_https' });
  if (issues.length > 0) throw new DomainError('validation', { key: 'site.invalid', issues });
  return { ...c, mapUrl: url };
}
