import type { PublicHours, UpcomingClosure } from '@mimamori/core/publicsite/public-hours';
import type { Session } from '@mimamori/core/scheduling/clinic-calendar';
import type { Bilingual, RecruitmentContent } from '@mimamori/core/publicsite/recruitment-page';
import type { SiteContent } from '@mimamori/core/publicsite/site-content';
import type { Weekday } from '@mimamori/core/time/local-date';
import { escapeXml as esc } from './escape-xml.ts';

/**
 * The clinic's public pages as complete HTML documents: they show without JavaScript, are
 * indexable, and load one small inline style (allowed by its hash in the page's CSP). The server
 * loads the model and sends the page; everything here is pure.
 */
export type PublicLang = 'ja' | 'en';

export interface PublicClinic {
  readonly content: SiteContent;
  readonly hours: PublicHours;
  readonly phone: string;
  readonly address: string | null;
  /** Published recruitment pages: program id and title. */
  readonly recruitments: ReadonlyArray<{ readonly programId: string; readonly title: Bilingual }>;
}

export interface PublicPageOptions {
  readonly lang: PublicLang;
  /** Absolute base URL of the site (canonical links), without a trailing slash. */
  readonly baseUrl: string;
}

/** The style of every public page: phone first, system fonts, the patient pages' colours. */
export const PUBLIC_SITE_CSS = `*,*::before,*::after{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f6f7f5;color:#1f2a30;font-family:system-ui,-apple-system,'Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans CJK JP','Noto Sans JP',Meiryo,sans-serif;font-size:17px;line-height:1.7}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.page{max-width:760px;margin:0 auto;background:#fff;min-height:100vh}
.top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;padding:10px 16px;border-bottom:3px solid #2f7a5f}
.top a.brand{color:#225c47;font-weight:700;text-decoration:none;word-break:keep-all;overflow-wrap:anywhere}
.lang a{display:inline-block;min-height:40px;min-width:44px;padding:8px 10px;border:1px solid #2f7a5f;color:#225c47;text-decoration:none;font-size:.85rem;line-height:1.4}
.lang a[aria-current]{background:#225c47;color:#fff}
main{padding:8px 16px 24px}
h1{font-size:1.45rem;line-height:1.35;margin:16px 0 4px;color:#1b4d3b;word-break:keep-all;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid #d5ddd8;color:#1b4d3b}
.tag{margin:0 0 12px;color:#4a5a60;font-size:.95rem}
.notice{background:#fff6df;border-left:4px solid #b7791f;padding:8px 12px}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}
.btn{display:inline-block;min-height:48px;padding:12px 18px;border-radius:8px;background:#225c47;color:#fff;text-decoration:none;font-weight:700}
.btn.secondary{background:#fff;color:#225c47;border:2px solid #225c47}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border:1px solid #cfd8d3;padding:6px 4px;text-align:center}
@media (max-width:480px){table{font-size:.78rem;line-height:1.35}th,td{padding:4px 1px}}
thead th{background:#eef4f0}
td.closed{color:#8a2a1b;font-weight:700}
.muted{color:#4a5a60;font-size:.9rem}
ul.plain{padding-left:1.2em}
p.text{white-space:pre-line;margin:0 0 8px}
dl.items dt{font-weight:700;margin-top:12px;color:#1b4d3b}
dl.items dd{margin:2px 0 0;white-space:pre-line}
.cost{font-size:1.2rem;font-weight:700}
form.apply label{display:block;font-weight:700;margin-top:14px}
form.apply input[type=text],form.apply input[type=tel],form.apply input[type=email],form.apply input[type=number],form.apply textarea{display:block;width:100%;min-height:48px;padding:10px;font:inherit;border:1px solid #7d8b86;border-radius:6px}
form.apply .check{display:flex;gap:10px;align-items:flex-start;font-weight:400}
form.apply .check input{width:24px;height:24px;margin-top:4px}
form.apply .hint{margin:2px 0 0;color:#4a5a60;font-size:.9rem}
form.apply .err{margin:2px 0 0;color:#a61b1b;font-weight:700}
form.apply button{margin-top:18px;min-height:48px;padding:12px 22px;border:0;border-radius:8px;background:#225c47;color:#fff;font:inherit;font-weight:700}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.errors{border:2px solid #a61b1b;padding:8px 12px;border-radius:6px}
footer{padding:16px;border-top:1px solid #d5ddd8;font-size:.9rem;color:#4a5a60}
footer a{color:#225c47}
a{color:#1d5fae}`;

const T = {
  ja: {
    hours: '診療時間', weekday: { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日' }, am: '午前', pm: '午後', closed: '休診',
    holidays: '祝日は休診です。', holidaysOpen: '祝日も上の時間で診療します。', annual: (f: string, t: string, r: string) => `${r}（${md(f, 'ja')}〜${md(t, 'ja')}）は休診です。`,
    upcoming: '今後の休診日', noneUpcoming: (d: string) => `${d}までに臨時の休診はありません。`, until: (d: string) => `${d}までの予定です。`, special: '臨時の診療日',
    treats: '診療内容', firstVisit: '初めて受診される方（初診）', revisit: '再診の方', webIntake: 'WEB問診について', fees: '自費の料金（税込）',
    access: 'アクセス', map: '地図を開く', phone: '電話', address: '所在地', call: (p: string) => `電話する（${p}）`, signin: '再診の予約・変更（ログイン）',
    recruit: 'プログラム参加者の募集', privacy: 'プライバシーポリシー', home: 'クリニックのご案内', crisis: '命に関わる緊急時は119番へ。',
    notSet: 'このクリニックの案内はまだ公開されていません。お電話でお問い合わせください。',
    items: { treatment: '治療の内容', cost: '費用の総額（税込）', costIncludes: '費用に含まれるもの', risks: '主なリスク・副作用', contact: 'お問い合わせ先', unapprovedStatement: '未承認医薬品等であること', procurement: '入手経路', alternatives: '国内の承認医薬品等の有無', foreignSafety: '諸外国における安全性等に係る情報', reliefSystem: '医薬品副作用被害救済制度について', body: 'そのほか' },
    yen: (n: number) => `${n.toLocaleString('ja-JP')}円`, back: 'クリニックのご案内に戻る', apply: 'お問い合わせ',
  },
  en: {
    hours: 'Opening hours', weekday: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' }, am: 'Morning', pm: 'Afternoon', closed: 'Closed',
    holidays: 'Closed on national holidays.', holidaysOpen: 'Open on national holidays at the hours above.', annual: (f: string, t: string, r: string) => `Closed for ${r} (${md(f, 'en')} – ${md(t, 'en')}).`,
    upcoming: 'Coming closures', noneUpcoming: (d: string) => `No extra closures until ${d}.`, until: (d: string) => `Up to ${d}.`, special: 'Extra opening days',
    treats: 'What we treat', firstVisit: 'Your first visit', revisit: 'Follow-up visits', webIntake: 'The web questionnaire (WEB問診)', fees: 'Self-pay fees (tax included)',
    access: 'Access', map: 'Open the map', phone: 'Phone', address: 'Address', call: (p: string) => `Call (${p})`, signin: 'Book or change a follow-up (sign in)',
    recruit: 'Programs recruiting participants', privacy: 'Privacy policy', home: 'About the clinic', crisis: 'In a life-threatening emergency, call 119.',
    notSet: 'This clinic has not published its page yet. Please phone the clinic.',
    items: { treatment: 'The treatment', cost: 'Total cost (tax included)', costIncludes: 'What the cost includes', risks: 'Main risks and side effects', contact: 'Contact', unapprovedStatement: 'Approval status', procurement: 'How the clinic obtains it', alternatives: 'Approved alternatives in Japan', foreignSafety: 'Safety information from abroad', reliefSystem: 'Relief system for adverse drug reactions', body: 'Also' },
    yen: (n: number) => `¥${n.toLocaleString('en-US')}`, back: 'Back to the clinic page', apply: 'Enquire',
  },
} as const;

function md(mmdd: string, lang: PublicLang): string {
  const [m, d] = mmdd.split('-').map(Number) as [number, number];
  return lang === 'ja' ? `${m}月${d}日` : new Date(Date.UTC(2000, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

function date(d: string, lang: PublicLang): string {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, dd)).getUTCDay();
  if (lang === 'ja') return `${m}月${dd}日（${'日月火水木金土'[wd]}）`;
  return new Date(Date.UTC(y, m - 1, dd)).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}

const sessions = (list: ReadonlyArray<Session>): string => list.map((s) => `${s.start}–${s.end}`).join('<br>');
/** In the weekly table the start and end stand on two lines, so seven days fit a 360 px phone. */
const cell = (list: ReadonlyArray<Session>): string => list.map((s) => `${s.start}<br>–${s.end}`).join('<br>');
const text = (s: string): string => `<p class="text">${esc(s)}</p>`;
const href = (base: string, path: string, lang: PublicLang): string => `${path}${lang === 'en' ? '?lang=en' : ''}`;

function hoursTable(h: PublicHours, lang: PublicLang): string {
  const t = T[lang];
  const days = h.weekly;
  const head = days.map((d) => `<th scope="col">${t.weekday[d.weekday as Weekday]}</th>`).join('');
  const row = (label: string, pick: 'morning' | 'afternoon') =>
    `<tr><th scope="row">${label}</th>${days.map((d) => (d[pick].length > 0 ? `<td>${cell(d[pick])}</td>` : `<td class="closed">${d.open ? '—' : t.closed}</td>`)).join('')}</tr>`;
  return `<div role="region" aria-label="${esc(t.hours)}" tabindex="0" style="overflow-x:auto"><table><caption class="muted" style="text-align:left">${esc(t.hours)}</caption><thead><tr><td></td>${head}</tr></thead><tbody>${row(t.am, 'morning')}${row(t.pm, 'afternoon')}</tbody></table></div>`;
}

function closureLine(c: UpcomingClosure, lang: PublicLang): string {
  const when = c.from === c.to ? date(c.from, lang) : `${date(c.from, lang)} – ${date(c.to, lang)}`;
  const label = lang === 'ja' ? c.label : c.labelEn;
  return `<li>${esc(when)}${label ? `　${esc(label)}` : ''}</li>`;
}

export function shell(o: PublicPageOptions & { title: string; description: string; path: string; clinicName: string; body: string; indexable: boolean }): string {
  const t = T[o.lang];
  const url = (l: PublicLang) => `${o.baseUrl}${o.path}${l === 'en' ? '?lang=en' : ''}`;
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<meta name="description" content="${esc(o.description)}">
<meta name="robots" content="${o.indexable ? 'index, follow' : 'noindex'}">
<link rel="canonical" href="${esc(url(o.lang))}">
<link rel="alternate" hreflang="ja" href="${esc(url('ja'))}">
<link rel="alternate" hreflang="en" href="${esc(url('en'))}">
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<style>${PUBLIC_SITE_CSS}</style>
</head>
<body>
<div class="page">
<header class="top"><a class="brand" href="${href(o.baseUrl, '/p/', o.lang)}">${esc(o.clinicName)}</a>
<nav class="lang" aria-label="Language / 言語"><a href="${esc(`${o.path}`)}" lang="ja" hreflang="ja"${o.lang === 'ja' ? ' aria-current="true"' : ''}>日本語</a><a href="${esc(`${o.path}?lang=en`)}" lang="en" hreflang="en"${o.lang === 'en' ? ' aria-current="true"' : ''}>English</a></nav>
</header>
<main id="main">
${o.body}
</main>
<footer><p>${esc(t.crisis)} <a href="tel:119">119</a></p><p><a href="${href(o.baseUrl, '/p/', o.lang)}">${esc(t.home)}</a> · <a href="${href(o.baseUrl, '/p/privacy', o.lang)}">${esc(t.privacy)}</a></p></footer>
</div>
</body>
</html>`;
}

/** The clinic's public page: name, what it treats, hours from the calendar, closures, visits, fees, access. */
export function renderClinicPage(c: PublicClinic, o: PublicPageOptions): string {
  const t = T[o.lang];
  const k = o.lang;
  const s = c.content;
  const h = c.hours;
  // A clinic that has not entered its phone yet shows no phone (never an empty call button).
  const tel = c.phone.replace(/[^0-9+]/g, '');
  const annual = h.annualClosures.map((a) => `<li>${esc(t.annual(a.from, a.to, a.reason))}</li>`).join('');
  const upcoming = h.upcomingClosures.length > 0 ? `<ul class="plain">${h.upcomingClosures.map((u) => closureLine(u, k)).join('')}</ul><p class="muted">${esc(t.until(date(h.window.to, k)))}</p>` : `<p>${esc(t.noneUpcoming(date(h.window.to, k)))}</p>`;
  const special = h.specialOpenings.length > 0 ? `<h3>${esc(t.special)}</h3><ul class="plain">${h.specialOpenings.map((x) => `<li>${esc(date(x.date, k))}　${sessions(x.sessions)}${x.note ? `　${esc(x.note)}` : ''}</li>`).join('')}</ul>` : '';
  const section = (id: string, title: string, body: string) => (body.trim() === '' ? '' : `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${text(body)}</section>`);
  const recruit = c.recruitments.length > 0
    ? `<section aria-labelledby="recruit"><h2 id="recruit">${esc(t.recruit)}</h2><ul class="plain">${c.recruitments.map((r) => `<li><a href="${href(o.baseUrl, `/p/recruit/${encodeURIComponent(r.programId)}`, k)}">${esc(r.title[k])}</a></li>`).join('')}</ul></section>`
    : '';
  const body = `<h1>${esc(s.clinicName[k])}</h1>
${s.tagline[k] ? `<p class="tag">${esc(s.tagline[k])}</p>` : ''}
${s.notice[k] ? `<p class="notice" role="note">${esc(s.notice[k])}</p>` : ''}
<div class="actions">${tel ? `<a class="btn" href="tel:${esc(tel)}">${esc(t.call(c.phone))}</a>` : ''}<a class="btn secondary" href="/p/signin">${esc(t.signin)}</a></div>
<section aria-labelledby="hours"><h2 id="hours">${esc(t.hours)}</h2>${hoursTable(h, k)}
<ul class="plain"><li>${esc(h.closedOnNationalHolidays ? t.holidays : t.holidaysOpen)}</li>${annual}</ul>
<h3>${esc(t.upcoming)}</h3>${upcoming}${special}</section>
${section('treats', t.treats, s.treats[k])}
${section('first', t.firstVisit, s.firstVisit[k])}
${section('revisit', t.revisit, s.revisit[k])}
${section('intake', t.webIntake, s.webIntake[k])}
${section('fees', t.fees, s.fees[k])}
${recruit}
<section aria-labelledby="access"><h2 id="access">${esc(t.access)}</h2>
<dl class="items">${c.address ? `<dt>${esc(t.address)}</dt><dd>${esc(c.address)}</dd>` : ''}${tel ? `<dt>${esc(t.phone)}</dt><dd><a href="tel:${esc(tel)}">${esc(c.phone)}</a></dd>` : ''}</dl>
${s.access[k] ? text(s.access[k]) : ''}${s.mapUrl ? `<p><a href="${esc(s.mapUrl)}" rel="noopener noreferrer">${esc(t.map)}</a></p>` : ''}</section>`;
  const desc = `${s.clinicName[k]} ${s.tagline[k]}`.trim();
  return shell({ ...o, title: s.clinicName[k], description: desc, path: '/p/', clinicName: s.clinicName[k], body, indexable: true });
}

/** The page shown while no administrator has saved the clinic's page: name and phone only. */
export function renderUnpublishedPage(o: PublicPageOptions & { clinicName: string; phone: string | null }): string {
  const t = T[o.lang];
  const body = `<h1>${esc(o.clinicName)}</h1><p>${esc(t.notSet)}</p>${o.phone ? `<p><a class="btn" href="tel:${esc(o.phone.replace(/[^0-9+]/g, ''))}">${esc(t.call(o.phone))}</a></p>` : ''}<p><a href="/p/signin">${esc(t.signin)}</a></p>`;
  return shell({ ...o, title: o.clinicName, description: o.clinicName, path: '/p/', clinicName: o.clinicName, body, indexable: false });
}

/** The privacy policy page. */
export function renderPrivacyPage(content: SiteContent, o: PublicPageOptions): string {
  const t = T[o.lang];
  const body = `<h1>${esc(t.privacy)}</h1>${text(content.privacy[o.lang])}<p><a href="${href(o.baseUrl, '/p/', o.lang)}">${esc(t.back)}</a></p>`;
  return shell({ ...o, title: `${t.privacy} | ${content.clinicName[o.lang]}`, description: t.privacy, path: '/p/privacy', clinicName: content.clinicName[o.lang], body, indexable: true });
}

/**
 * A program's recruitment page: every 限定解除 item under its own heading, in the order of the
 * guideline, the total cost with what it includes, then the contact.
 */
export function renderRecruitmentPage(r: { readonly programId: string; readonly content: RecruitmentContent; readonly clinicName: Bilingual; readonly applyPath?: string }, o: PublicPageOptions): string {
  const t = T[o.lang];
  const k = o.lang;
  const c = r.content;
  const item = (label: string, v: string) => (v.trim() === '' ? '' : `<dt>${esc(label)}</dt><dd>${esc(v)}</dd>`);
  const cost = c.totalCostYen === null ? '' : `<dt>${esc(t.items.cost)}</dt><dd class="cost">${esc(t.yen(c.totalCostYen))}</dd>`;
  const body = `<h1>${esc(c.title[k])}</h1>
${c.summary[k] ? text(c.summary[k]) : ''}
<dl class="items">
${item(t.items.treatment, c.treatment[k])}
${cost}
${item(t.items.costIncludes, c.costIncludes[k])}
${item(t.items.risks, c.risks[k])}
${c.unapproved ? [item(t.items.unapprovedStatement, c.unapprovedStatement[k]), item(t.items.procurement, c.procurement[k]), item(t.items.alternatives, c.alternatives[k]), item(t.items.foreignSafety, c.foreignSafety[k]), item(t.items.reliefSystem, c.reliefSystem[k])].join('\n') : ''}
${item(t.items.body, c.body[k])}
${item(t.items.contact, c.contact[k])}
</dl>
${r.applyPath ? `<p class="actions"><a class="btn" href="${esc(href(o.baseUrl, r.applyPath, k))}">${esc(t.apply)}</a></p>` : ''}
<p><a href="${href(o.baseUrl, '/p/', k)}">${esc(t.back)}</a></p>`;
  const path = `/p/recruit/${encodeURIComponent(r.programId)}`;
  return shell({ ...o, title: `${c.title[k]} | ${r.clinicName[k]}`, description: c.summary[k] || c.title[k], path, clinicName: r.clinicName[k], body, indexable: true });
}
