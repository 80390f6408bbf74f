// Date arithmetic on clinic dates (`YYYY-MM-DD`, no zone): done in UTC so the browser's own zone
// never shifts a day.

const DAY_MS = 86_400_000;

function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** `date` plus `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week holding `date` (clinic weeks run Monday to Sunday). */
export function weekStart(date: string): string {
  const dow = new Date(toMs(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, dow === 0 ? -6 : 1 - dow);
}

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toMs(value)) && new Date(toMs(value)).toISOString().startsWith(value);
}

/** "12月2日(水)" / "Wed 2 Dec". */
export function formatDay(date: string, lang: 'ja' | 'en'): string {
  const d = new Date(toMs(date));
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'UTC',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(d);
}

/** The instant of a clinic wall-clock time, for requests (the clinic is in Japan: +09:00, no DST). */
export function clinicInstant(date: string, time: string): string {
  return `${date}T${time}:00+09:00`;
}

/** The clinic's HH:MM of an instant. */
export function clinicTime(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}
