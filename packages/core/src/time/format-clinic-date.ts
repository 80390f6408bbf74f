import { weekdayOf, type LocalDate } from './local-date.ts';

const WEEKDAY_JA = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日' } as const;
const WEEKDAY_EN = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as people read it in a message: `12月13日（日）` in Japanese, `Sun 13 Dec` in English.
 * With `year: true` the year leads (`2027年1月11日（月）`, `Mon 11 Jan 2027`).
 *
 * @example
 * formatClinicDate('2026-12-13', 'ja'); // '12月13日（日）'
 * formatClinicDate('2026-12-13', 'en'); // 'Sun 13 Dec'
 */
export function formatClinicDate(date: LocalDate, lang: 'ja' | 'en', o: { readonly year?: boolean } = {}): string {
  const wd = weekdayOf(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (lang === 'en') return `${WEEKDAY_EN[wd]} ${d} ${MONTH_EN[m - 1]}${o.year ? ` ${y}` : ''}`;
  return `${o.year ? `${y}年` : ''}${m}月${d}日（${WEEKDAY_JA[wd]}）`;
}

/**
 * A date and time on the clinic's clock, `2026-12-06 18:00` or `2026-12-06`, in the reader's words:
 * `12月6日（日）18:00`, `Sun 6 Dec 18:00`. Anything else is returned unchanged.
 *
 * @example
 * formatClinicDateTime('2026-12-06 18:00', 'ja'); // '12月6日（日）18:00'
 */
export function formatClinicDateTime(value: string, lang: 'ja' | 'en'): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/.exec(value);
  if (!m) return value;
  const day = formatClinicDate(m[1]!, lang);
  if (!m[2]) return day;
  return lang === 'en' ? `${day} ${m[2]}` : `${day}${m[2]}`;
}
