/**
 * Japanese national holidays (国民の祝日, 振替休日 and 国民の休日) from the table bundled in
 * `@holiday-jp/holiday_jp` (1970–2050). Only its data file is imported: the package's entry point
 * formats `Date` objects in the machine's local zone, which the core must never depend on. The data
 * file is a plain object keyed by `YYYY-MM-DD` with no imports, so it also runs in the browser.
 */
import table from '@holiday-jp/holiday_jp/lib/holidays.js';
import { assertLocalDate, type LocalDate } from '../time/local-date.ts';

/** A national holiday in Japan. */
export interface NationalHoliday {
  readonly date: LocalDate;
  /** Japanese name as published by the Cabinet Office, e.g. `憲法記念日` or `こどもの日 振替休日`. */
  readonly name: string;
  /**
   * English name, from the same table (`@holiday-jp/holiday_jp`, after the Cabinet Office's English
   * list), e.g. `Constitution Memorial Day`; a 振替休日 names the holiday it replaces.
   */
  readonly nameEn: string;
  /** `substitute` = 振替休日 (a holiday moved off a Sunday); `citizens` = 国民の休日 (a day between two holidays). */
  readonly kind: 'holiday' | 'substitute' | 'citizens';
}

/** First and last dates the holiday table covers. Dates outside it have no holidays listed. */
export const JAPANESE_HOLIDAY_TABLE_RANGE = Object.freeze({ from: '1970-01-01', to: '2050-12-31' });

interface Row {
  readonly date: string;
  readonly name: string;
  readonly name_en: string;
}

const rows = table as unknown as Readonly<Record<string, Row>>;

/**
 * The English name of a 振替休日: the table calls every one just "Holiday in lieu"; English pages name
 * the holiday it replaces, as its Japanese name does (`こどもの日 振替休日` → `Children's Day (holiday in lieu)`).
 */
function substituteNameEn(row: Row): string {
  const base = row.name.replace(/\s*振替休日$/, '');
  const ms = Date.parse(`${row.date}T00:00:00Z`);
  for (let back = 1; back <= 3; back++) {
    const earlier = rows[new Date(ms - back * 86_400_000).toISOString().slice(0, 10)];
    if (earlier && earlier.name === base) return `${earlier.name_en} (holiday in lieu)`;
  }
  return row.name_en;
}

function toHoliday(row: Row): NationalHoliday {
  const kind = row.name.includes('振替休日') ? 'substitute' : row.name_en === "Citizen's Holiday" ? 'citizens' : 'holiday';
  // The table names 国民の休日 just 休日; staff know it by its full name.
  return { date: row.date, name: kind === 'citizens' ? '国民の休日' : row.name, nameEn: kind === 'substitute' ? substituteNameEn(row) : row.name_en, kind };
}

/**
 * The national holiday on `date`, if there is one.
 *
 * @example
 * japaneseHoliday('2026-05-06'); // { date: '2026-05-06', name: 'こどもの日 振替休日', nameEn: "Children's Day (holiday in lieu)", kind: 'substitute' }
 * japaneseHoliday('2026-05-07'); // undefined
 */
export function japaneseHoliday(date: LocalDate): NationalHoliday | undefined {
  assertLocalDate(date);
  const row = rows[date];
  return row ? toHoliday(row) : undefined;
}

/**
 * The national holidays from `from` to `to`, both included, in date order.
 *
 * @example
 * japaneseHolidaysBetween('2026-09-19', '2026-09-23').map((h) => h.date);
 * // ['2026-09-21', '2026-09-22', '2026-09-23']
 */
export function japaneseHolidaysBetween(from: LocalDate, to: LocalDate): ReadonlyArray<NationalHoliday> {
  assertLocalDate(from, 'from');
  assertLocalDate(to, 'to');
  return Object.keys(rows)
    .filter((d) => d >= from && d <= to)
    .sort()
    .map((d) => toHoliday(rows[d]));
}
