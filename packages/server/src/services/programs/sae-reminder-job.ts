import { clinicDate } from '@mimamori/core/time/clinic-date';
import { enqueueMail, listClinics, listStaff, listStaffChannels, newId } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { systemContext } from '../../request-context.ts';
import { createPeriodicJob, type PeriodicJob } from '../periodic-job.ts';
import { writeTx } from '../write-tx.ts';
import { openSaeTasks } from './sae-clock-service.ts';

/** The job's name in the audit trail (request id `job:sae-reminders`). */
export const SAE_REMINDER_JOB = 'sae-reminders';

/** A reminder goes out from this many days before a deadline (and every day after it, until reported). */
export const SAE_REMIND_DAYS_BEFORE = 3;

/**
 * Once a day per deadline and doctor, while an SAE report is unreported and due within
 * `SAE_REMIND_DAYS_BEFORE` days (or overdue), a mail to every active doctor of the clinic (their
 * alert address, else their account mail) through the outbox. The state lives in the database —
 * the reports recorded and the outbox's dedupe key `sae-reminder:<event>:<recipient>:<day>:<staff>` —
 * so a restart neither loses nor repeats a reminder. Like the alert mails, the text names no patient
 * and no clinical term, only a link. Returns how many mails were queued.
 */
export async function queueSaeReminders(deps: AppDeps): Promise<number> {
  let queued = 0;
  for (const clinic of await listClinics(deps.db.db)) {
    const ctx = systemContext(deps, { job: SAE_REMINDER_JOB, clinicId: clinic.id });
    const now = ctx.clock().toISOString();
    const today = clinicDate(now, clinic.timeZone);
    const tasks = (await openSaeTasks(deps.db.db, { clinicId: clinic.id, zone: clinic.timeZone, today })).filter((t) => t.deadline.daysLeft <= SAE_REMIND_DAYS_BEFORE);
    if (tasks.length === 0) continue;
    const doctors = (await listStaff(deps.db.db, clinic.id)).filter((s) => s.status === 'active' && s.role === 'doctor');
    const channels = await listStaffChannels(deps.db.db, { clinicId: clinic.id });
    for (const task of tasks) {
      const url = `${deps.config.publicUrl}/program-enrolments/${task.enrolmentId}#ae-${task.adverseEventId}`;
      const overdue = task.deadline.daysLeft < 0;
      for (const d of doctors) {
        const to = channels.find((c) => c.staff_id === d.id && c.channel === 'mail')?.address ?? d.email;
        if (!to) continue;
        const sent = await writeTx(ctx, async (tx) => {
          const ok = await enqueueMail(tx, {
            id: newId(), clinicId: clinic.id, patientId: null, kind: 'sae_reminder', to,
            subject: overdue ? '【見守り】重篤な有害事象の報告期限を過ぎています / SAE report overdue' : '【見守り】重篤な有害事象の報告期限が近づいています / SAE report due soon',
            text: [
              `重篤な有害事象の報告期限は ${task.deadline.dueDate} です${overdue ? '（期限を過ぎています）' : ''}。スタッフ画面で報告を記録してください。`,
              url,
              '',
              `A serious adverse event report is due on ${task.deadline.dueDate}${overdue ? ' (overdue)' : ''}. Record the report in the staff app.`,
              url,
            ].join('\n'),
            dedupeKey: `sae-reminder:${task.adverseEventId}:${task.deadline.recipient}:${today}:${d.id}`, notBefore: now, now,
          });
          if (ok) {
            await audit(ctx, tx, { clinicId: clinic.id, action: 'program_sae.remind', resource: 'program_adverse_event', resourceId: task.adverseEventId, patientId: task.patientId, detail: `to=${d.id};recipient=${task.deadline.recipient};due=${task.deadline.dueDate}` });
          }
          return ok;
        });
        if (sent) queued++;
      }
    }
  }
  return queued;
}

/** Checks every hour; the dedupe key makes it one mail per deadline, doctor and day. */
export function createSaeReminderJob(deps: AppDeps, o: { readonly intervalMs?: number; readonly onError?: (err: unknown) => void } = {}): PeriodicJob {
  return createPeriodicJob(() => queueSaeReminders(deps), { intervalMs: o.intervalMs ?? 3_600_000, ...(o.onError ? { onError: o.onError } : {}) });
}
