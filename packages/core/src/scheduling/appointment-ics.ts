/**
 * An RFC 5545 calendar file for one appointment, written by hand so that it stays pure and small.
 * Times are in UTC (`DTSTART:20261202T000000Z`): every calendar app then shows the right local hour
 * without a VTIMEZONE block.
 */
import { parseInstant } from '../time/parse-instant.ts';

/** Options of {@link appointmentIcs}. */
export interface AppointmentIcsOptions {
  /** Stable id of the appointment; the same UID updates the same calendar entry. `@` and a domain are added when missing. */
  readonly uid: string;
  /** ISO instants with offset, or epoch milliseconds. */
  readonly start: string | number;
  readonly end: string | number;
  /** Becomes DTSTAMP (when this file was made). */
  readonly now: string | number;
  readonly clinicName: string;
  /**
   * Title of the entry. Default is discreet — `ご予約（<clinic>）` / `Appointment (<clinic>)` — so a
   * phone's lock screen never shows a treatment. A clinic whose name reveals its specialty should
   * pass a neutral title.
   */
  readonly summary?: string;
  /** Address of the clinic. */
  readonly location?: string;
  /** Free text, e.g. what to bring and the phone number for changes. Keep clinical terms out. */
  readonly description?: string;
  /** Link to the patient's appointment page. */
  readonly url?: string;
  /** Minutes before the start for the reminder alarm; `null` for none. Default 60. */
  readonly alarmMinutesBefore?: number | null;
  /** Increase on each change of the same appointment. Default 0. */
  readonly sequence?: number;
  /** `cancelled` marks the entry as cancelled in the patient's calendar. */
  readonly status?: 'confirmed' | 'cancelled';
  readonly language?: 'ja' | 'en';
  /** Domain for UIDs without one. Default `mimamori.invalid`. */
  readonly uidDomain?: string;
}

const CRLF = '\r\n';

function utc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Escapes an RFC 5545 TEXT value (§3.3.11): backslash, semicolon, comma and newlines.
 *
 * @example
 * escapeIcsText('東京都港区1-2-3, 4F; 受付'); // '東京都港区1-2-3\\, 4F\\; 受付'
 */
export function escapeIcsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line to at most 75 octets per physical line (§3.1), never inside a UTF-8
 * character; continuation lines start with one space.
 *
 * @example
 * foldIcsLine('DESCRIPTION:' + 'あ'.repeat(30)).split('\r\n').length; // 2
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    // Continuation lines carry a leading space, which counts towards their 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/**
 * The .ics text (CRLF line ends) of one appointment: a VCALENDAR with one VEVENT in UTC, a UID,
 * DTSTAMP from `now`, a discreet SUMMARY, LOCATION and a display alarm.
 *
 * @example
 * appointmentIcs({
 *   uid: 'bk_123', clinicName: 'みまもりクリニック', location: '東京都…',
 *   start: '2026-12-02T09:00:00+09:00', end: '2026-12-02T09:15:00+09:00', now: '2026-11-30T10:00:00+09:00',
 * });
 * // 'BEGIN:VCALENDAR\r\n…DTSTART:20261202T000000Z\r\nDTEND:20261202T001500Z\r\n…'
 */
export function appointmentIcs(options: AppointmentIcsOptions): string {
  const toMs = (v: string | number, field: string): number => (typeof v === 'number' ? v : parseInstant(v, field));
  const start = toMs(options.start, 'start');
  const end = toMs(options.end, 'end');
  const stamp = toMs(options.now, 'now');
  const lang = options.language ?? 'ja';
  const summary = options.summary ?? (lang === 'ja' ? `ご予約（${options.clinicName}）` : `Appointment (${options.clinicName})`);
  const uid = options.uid.includes('@') ? options.uid : `${options.uid}@${options.uidDomain ?? 'mimamori.invalid'}`;
  const alarm = options.alarmMinutesBefore === undefined ? 60 : options.alarmMinutesBefore;
  const cancelled = options.status === 'cancelled';

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mimamori//Clinic reservations//JA',
    'CALSCALE:GREGORIAN',
    // A cancellation is METHOD:CANCEL: calendar apps remove the event only then (RFC 5546 §3.2.5).
    cancelled ? 'METHOD:CANCEL' : 'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(uid)}`,
    `DTSTAMP:${utc(stamp)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SEQUENCE:${options.sequence ?? 0}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeIcsText(summary)}`,
  ];
  if (options.location) lines.push(`LOCATION:${escapeIcsText(options.location)}`);
  if (options.description) lines.push(`DESCRIPTION:${escapeIcsText(options.description)}`);
  if (options.url) lines.push(`URL:${options.url}`);
  lines.push('TRANSP:OPAQUE');
  if (alarm !== null && !cancelled) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeIcsText(summary)}`, `TRIGGER:-PT${Math.max(0, Math.round(alarm))}M`, 'END:VALARM');
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
