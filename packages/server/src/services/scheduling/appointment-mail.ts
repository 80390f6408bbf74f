import { appointmentIcs, checkOnlineChange } from '@mimamori/core/scheduling/index';
import { instantToZoned } from '@mimamori/core/time/instant-to-zoned';
import { addDays } from '@mimamori/core/time/local-date';
import { zonedToInstant } from '@mimamori/core/time/zoned-to-instant';
import {
  getPatientBriefs, isUniqueViolation, listClinics, listConfirmedStartingBetween, newId, type AppointmentRow, type Db,
} from '@mimamori/storage';
import type { AppDeps } from '../../context.ts';
import { systemContext } from '../../request-context.ts';
import { createPeriodicJob, type PeriodicJob } from '../periodic-job.ts';
import { loadClinicScheduling, type ClinicScheduling } from './scheduling-context.ts';
import { clinicDate } from '@mimamori/core/time/clinic-date';
import { writeTx } from '../write-tx.ts';
import { formatClinicDate, formatClinicDateTime } from '@mimamori/core/time/format-clinic-date';
import { enqueuePatientMessage } from '../line/enqueue-patient-message.ts';

export type AppointmentMailKind = 'confirmation' | 'change' | 'cancellation' | 'reminder';

const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'];

/** `2026年12月2日（水）9:00〜9:15` on the clinic's wall clock. */
export function formatAppointmentTime(o: { readonly startMs: number; readonly endMs: number; readonly zone: string }): string {
  const s = instantToZoned(o.startMs, o.zone);
  const e = instantToZoned(o.endMs, o.zone);
  const [y, m, d] = s.date.split('-').map(Number) as [number, number, number];
  const wd = WEEKDAY_JA[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  const hm = (t: string) => t.replace(/^0/, '');
  return `${y}年${m}月${d}日（${wd}）${hm(s.time)}〜${hm(e.time)}`;
}

/** `2026-12-01 18:00` (clinic time) — for deadlines inside messages in either language. */
export function formatDeadline(ms: number, zone: string): string {
  const z = instantToZoned(ms, zone);
  return `${z.date} ${z.time}`;
}

const SUBJECTS: Readonly<Record<AppointmentMailKind, string>> = {
  confirmation: 'ご予約の確認',
  change: 'ご予約の変更',
  cancellation: 'ご予約のキャンセル',
  reminder: '明日のご予約',
};

const LEADS: Readonly<Record<AppointmentMailKind, string>> = {
  confirmation: '以下の日時でご予約を承りました。',
  change: 'ご予約の日時を以下に変更しました。',
  cancellation: '以下のご予約をキャンセルしました。',
  reminder: '明日のご予約のお知らせです。',
};

const LEADS_EN: Readonly<Record<AppointmentMailKind, string>> = {
  confirmation: 'Your appointment is booked:',
  change: 'Your appointment has been changed to:',
  cancellation: 'This appointment has been cancelled:',
  reminder: 'A reminder of your appointment tomorrow:',
};

/**
 * Queues the mail about one appointment in the caller's transaction (nothing when the patient has
 * no email). Subjects and the calendar entry never name the service: a phone's lock screen shows
 * only "ご予約（クリニック名）". The dedupe key makes each (appointment, version, kind) go out once.
 */
export async function queueAppointmentMail(
  deps: AppDeps,
  db: Db,
  o: { cfg: ClinicScheduling; row: AppointmentRow; kind: AppointmentMailKind; dedupeKey?: string; lead?: string },
): Promise<boolean> {
  const { cfg, row, kind } = o;
  const [patient] = await getPatientBriefs(db, cfg.clinicId, [row.patient_id]);
  if (!patient) return false;
  const now = deps.clock();
  const when = formatAppointmentTime({ startMs: row.start_ms, endMs: row.end_ms, zone: cfg.zone });
  const deadline = checkOnlineChange({ rule: cfg.policy.changeCutoff, appointmentStart: row.start_ms, now: now.getTime(), zone: cfg.zone, clinicPhone: cfg.clinicPhone });
  const signIn = `${deps.config.publicUrl}/p/signin`;
  // A same-day booking may already be past the online deadline: say so instead of promising "online".
  const online = kind !== 'cancellation' && deadline.deadlineMs > now.getTime();
  const at = instantToZoned(row.start_ms, cfg.zone);
  // A clinic that has not entered its phone yet gets no phone line (never a made-up number).
  const phone = cfg.clinicPhone.trim();
  const lines = [
    `${patient.name_kanji} 様`,
    '',
    o.lead ?? LEADS[kind],
    '',
    `日時: ${when}`,
    ...(cfg.clinicAddress ? [`場所: ${cfg.clinicName}（${cfg.clinicAddress}）`] : [`場所: ${cfg.clinicName}`]),
    '',
    ...(kind === 'cancellation'
      ? (phone ? [`ご不明な点はお電話（${phone}）でお問い合わせください。`] : [])
      : [
          // A same-day booking may already be past the online deadline: never offer a time gone by.
          ...(online
            ? [
                `変更・キャンセルは ${formatClinicDateTime(formatDeadline(deadline.deadlineMs, cfg.zone), 'ja')} までオンラインで、それ以降はお電話${phone ? `（${phone}）` : ''}でお願いします。`,
                `オンラインでの変更・キャンセル（ログイン）: ${signIn}`,
              ]
            : [`このご予約の変更・キャンセルは、お電話${phone ? `（${phone}）` : ''}でお願いします。`]),
          'カレンダー用のファイル（.ics）を添付しています。',
        ]),
    '',
    cfg.clinicName,
    '',
    '---',
    LEADS_EN[kind],
    `Date and time: ${formatClinicDate(at.date, 'en', { year: true })} ${at.time} (clinic time)`,
    `Place: ${cfg.clinicName}${cfg.clinicAddress ? ` (${cfg.clinicAddress})` : ''}`,
    ...(kind === 'cancellation'
      ? (phone ? [`Questions: phone ${phone}.`] : [])
      : online
        ? [`Change or cancel online until ${formatClinicDateTime(formatDeadline(deadline.deadlineMs, cfg.zone), 'en')} (clinic time), after that by phone${phone ? ` (${phone})` : ''}.`, `Sign in to change or cancel: ${signIn}`]
        : [`To change or cancel this appointment, please phone${phone ? ` ${phone}` : ' the clinic'}.`]),
  ];
  const ics = appointmentIcs({
    uid: row.id,
    start: row.start_ms,
    end: row.end_ms,
    now: now.getTime(),
    clinicName: cfg.clinicName,
    ...(cfg.clinicAddress ? { location: cfg.clinicAddress } : {}),
    ...(phone ? { description: `変更・キャンセル: ${phone}` } : {}),
    sequence: row.version,
    status: kind === 'cancellation' ? 'cancelled' : 'confirmed',
  });
  return enqueuePatientMessage(db, {
    id: newId(),
    clinicId: cfg.clinicId,
    patientId: row.patient_id,
    kind: `appointment_${kind}`,
    // No address: only LINE can carry it (the channel-choosing function sends no mail then).
    to: patient.email ?? '',
    line: { when, url: kind === 'cancellation' ? null : `${deps.config.publicUrl}/p/appointments` },
    subject: `${SUBJECTS[kind]}（${cfg.clinicName}）`,
    text: lines.join('\n'),
    attachments: [{ filename: 'appointment.ics', contentType: `text/calendar; charset=utf-8; method=${kind === 'cancellation' ? 'CANCEL' : 'PUBLISH'}`, content: ics }],
    dedupeKey: o.dedupeKey ?? `appt:${row.id}:v${row.version}:${kind}`,
    notBefore: now.toISOString(),
    now: now.toISOString(),
  });
}

/** The reminder job's name in the audit trail (request id `job:appointment-reminders`). */
export const REMINDER_JOB = 'appointment-reminders';

/**
 * Queues the day-before reminders: every confirmed appointment on tomorrow's clinic date, once per
 * appointment and start time (the dedupe key), so running it every few minutes — or on two
 * servers — never queues one twice. A moved appointment gets a reminder for its new time.
 * Returns how many were queued.
 */
export async function queueDayBeforeReminders(deps: AppDeps): Promise<number> {
  const db = deps.db.db;
  const now = deps.clock().getTime();
  let queued = 0;
  for (const clinic of await listClinics(db)) {
    const hasConfig = await db.selectFrom('scheduling_settings').select('clinic_id').where('clinic_id', '=', clinic.id).executeTakeFirst();
    if (!hasConfig) continue;
    const tomorrow = addDays(clinicDate(now, clinic.timeZone), 1);
    const fromMs = zonedToInstant({ date: tomorrow, time: '00:00', zone: clinic.timeZone });
    const toMs = zonedToInstant({ date: addDays(tomorrow, 1), time: '00:00', zone: clinic.timeZone });
    const rows = (await listConfirmedStartingBetween(db, { fromMs, toMs })).filter((r) => r.clinic_id === clinic.id);
    if (rows.length === 0) continue;
    const ctx = systemContext(deps, { job: REMINDER_JOB, clinicId: clinic.id });
    const cfg = await loadClinicScheduling(ctx, db, clinic.id);
    for (const row of rows) {
      let ok = false;
      try {
        ok = await writeTx(ctx, (tx) => queueAppointmentMail(ctx, tx, { cfg, row, kind: 'reminder', dedupeKey: `appt-reminder:${row.id}:${row.start_at}` }));
      } catch (err) {
        // Another server queued the same reminder a moment earlier: the unique dedupe key refused ours.
        if (!isUniqueViolation(err)) throw err;
      }
      if (ok) queued++;
    }
  }
  return queued;
}

export type ReminderJob = PeriodicJob;

/** Runs {@link queueDayBeforeReminders} now and then every `intervalMs` (default 10 minutes). */
export function createReminderJob(deps: AppDeps, o: { intervalMs?: number; onError?: (err: unknown) => void } = {}): ReminderJob {
  return createPeriodicJob(() => queueDayBeforeReminders(deps), { intervalMs: o.intervalMs ?? 600_000, onError: o.onError });
}
