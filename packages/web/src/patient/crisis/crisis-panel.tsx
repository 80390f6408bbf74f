/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { CrisisContact as ClinicCrisisContact, PatientCrisisView } from '@mimamori/server/api-types';
import { api } from '../../shared/api/client.ts';
import type { Lang } from '../shared/i18n.ts';
import './crisis-panel.css';

/**
 * A contact as the panel shows it: the server's `CrisisContact`, of which the panel reads the name,
 * number, hours, website and check date (the prefecture's emergency centre has no website, the 119
 * fallback no check date).
 */
export type CrisisContact = Pick<ClinicCrisisContact, 'nameJa' | 'nameEn' | 'phone' | 'hoursJa' | 'hoursEn'> & Partial<Pick<ClinicCrisisContact, 'url' | 'checkedOn'>>;

/** `GET /api/p/crisis-contacts`, as far as the panel reads it. */
type CrisisView = Pick<PatientCrisisView, 'contacts' | 'psychiatricEmergencyCentre' | 'availability'>;

const M = {
  ja: {
    title: 'つらいお気持ちをお伝えいただき、ありがとうございます',
    readNow: 'クリニックのスタッフが確認します。今すぐ危険を感じるときや、ひとりで抱えきれないときは、次の窓口へご連絡ください。',
    notNow: (when: string) => `いまはクリニックの受付時間外で、当番の者もいません。クリニックがこの回答を読むのは ${when} 以降です。それまでの間、つらいときは次の窓口へご連絡ください。`,
    notWatched: 'この回答はクリニックのスタッフがリアルタイムで見ているわけではありません。命の危険を感じるときは、ためらわず 119 に電話してください。',
    centre: '夜間・休日の精神科の救急相談',
    checked: (d: string) => `確認日 ${d}`,
    website: 'ウェブサイトを開く',
  },
  en: {
    title: 'Thank you for telling us how you feel',
    readNow: 'The clinic staff will look at your answers. If you feel in danger now, or it is too much to carry alone, please contact:',
    notNow: (when: string) => `The clinic is closed now and nobody is on call. The clinic will read this answer from ${when}. Until then, if it gets hard, please contact:`,
    notWatched: 'Clinic staff are not watching these answers in real time. If you feel your life is in danger, call 119 now.',
    centre: 'Psychiatric emergency advice at nights and on holidays',
    checked: (d: string) => `checked ${d}`,
    website: 'Open the website',
  },
} as const;

/** `tel:` link for a displayed number: digits, `+` and `#` only (0120-99-7777 → tel:0120997777). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+#]/g, '')}`;
}

function when(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

const FALLBACK: ReadonlyArray<CrisisContact> = [{ nameJa: '救急（命の危険があるとき）', nameEn: 'Emergency ambulance', phone: '119', url: null, hoursJa: '24時間', hoursEn: '24 hours' }];

/**
 * The one crisis panel of the patient pages (intake and questionnaires): the clinic's contacts for
 * the patient's age, the prefecture's psychiatric emergency centre when set, and — when nobody is
 * on call and the clinic is closed — when the clinic will next read the answer. Shown at once
 * after a triggered answer; 119 is shown even when the list cannot be loaded.
 */
export function CrisisPanel({ lang }: { readonly lang: Lang }) {
  const t = M[lang];
  const [view, setView] = useState<CrisisView | null>(null);
  useEffect(() => {
    api<CrisisView>('/api/p/crisis-contacts').then(setView, () => setView({ contacts: [], psychiatricEmergencyCentre: null, availability: { readNow: true, onCallNow: false, nextReadAt: null } }));
  }, []);
  const contacts = view && view.contacts.length ? view.contacts : FALLBACK;
  const a = view?.availability;
  const row = (c: CrisisContact, label?: string) => (
    <li key={c.nameJa + (c.phone ?? '')}>
      <span class="crisis-panel__name">{label ?? (lang === 'en' ? c.nameEn : c.nameJa)}</span>
      {label ? <span>{lang === 'en' ? c.nameEn : c.nameJa}</span> : null}
      {c.phone ? <a class="crisis-panel__tel" href={telHref(c.phone)}>{c.phone}</a> : null}
      {c.url && !c.phone ? <a class="crisis-panel__link" href={c.url} rel="noopener noreferrer" target="_blank">{t.website}</a> : null}
      {(lang === 'en' ? c.hoursEn : c.hoursJa) ? <span class="crisis-panel__hours">{lang === 'en' ? c.hoursEn : c.hoursJa}</span> : null}
      {c.checkedOn ? <span class="crisis-panel__hours">{t.checked(c.checkedOn)}</span> : null}
    </li>
  );
  return (
    <section class="crisis-panel" role="alert" aria-labelledby="crisis-title" data-testid="crisis-contacts">
      <h2 id="crisis-title">{t.title}</h2>
      <p>{a && !a.readNow && a.nextReadAt ? t.notNow(when(a.nextReadAt, lang)) : t.readNow}</p>
      <ul class="crisis-panel__list">
        {view?.psychiatricEmergencyCentre ? row(view.psychiatricEmergencyCentre, t.centre) : null}
        {contacts.map((c) => row(c))}
      </ul>
      <p class="crisis-panel__note">{t.notWatched}</p>
    </section>
  );
}
