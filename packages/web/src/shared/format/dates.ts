import type { Language } from '../api/client.ts';

const CLINIC_ZONE = 'Asia/Tokyo';

/** A date-only value (`YYYY-MM-DD`) for display; it carries no zone, so it is formatted as UTC. */
export function formatDate(value: string | null | undefined, lang: Language): string {
  if (!value) return '';
  const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
  }).format(d);
}

/** An instant for display, in the clinic's zone, as `YYYY-MM-DD HH:mm:ss` (unambiguous in both languages). */
export function formatDateTime(value: string | null | undefined, _lang?: Language): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: CLINIC_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
