import { getClinic, getPatient, listDueScaleInstances, type Db } from '@mimamori/storage';
import { clinicDate } from '../../core-imports.ts';
import { questionnaireRecipient } from './questionnaire-recipient.ts';
import type { AppDeps } from '../../context.ts';
import { systemContext } from '../../request-context.ts';
import { createPeriodicJob, type PeriodicJob } from '../periodic-job.ts';
import { writeTx } from '../write-tx.ts';
import { audit } from '../../audit/audit.ts';
import { patientReachable, recordUndeliverable } from '../line/enqueue-patient-message.ts';
import { issueQuestionnaireLink, mailQuestionnaireLink, questionnaireLineHolder, questionnaireMessageKey, REMINDER_LEAD_MS } from './scale-link.ts';

/** The job's name in the audit trail (request id `job:questionnaires`). */
export const QUESTIONNAIRE_JOB = 'questionnaires';

async function alreadyQueued(db: Db, key: string): Promise<boolean> {
  return Boolean(await db.selectFrom('outbox').select('id').where('dedupe_key', '=', key).executeTakeFirst());
}

/**
 * One pass of the questionnaire job: sends (mail and/or LINE, as the patient prefers) the link of every instance whose window has opened and
 * that has not been delivered, and a reminder (with a fresh link) for every open instance whose
 * window closes within `REMINDER_LEAD_MS`. Dedupe keys make each mail once per instance, so passes
 * may overlap or repeat. Returns how many mails were queued.
 */
export async function deliverDueQuestionnaires(deps: AppDeps, o: { limit?: number } = {}): Promise<{ invites: number; reminders: number }> {
  const db = deps.db.db;
  const now = deps.clock();
  const nowIso = now.toISOString();
  let invites = 0;
  let reminders = 0;
  const due = await listDueScaleInstances(db, { now: nowIso, limit: o.limit ?? 200 });
  for (const row of due) {
    const { email, created_by: _createdBy, ...inst } = row;
    const patient = await getPatient(db, inst.clinic_id, inst.patient_id);
    const zone = (await getClinic(db, inst.clinic_id))?.timeZone ?? 'Asia/Tokyo';
    // A minor's own questionnaire never goes to a guardian's address (staff hand it over instead).
    const to = questionnaireRecipient({ informant: inst.informant, assignmentEmail: email, patient, today: clinicDate(now.getTime(), zone) });
    const closesMs = Date.parse(inst.closes_at);
    const wantInvite = !inst.link_sent_at && !(await alreadyQueued(db, questionnaireMessageKey('invite', inst.id)));
    const inReminderWindow = closesMs - now.getTime() <= REMINDER_LEAD_MS && closesMs - Date.parse(inst.opens_at) > REMINDER_LEAD_MS;
    const wantReminder = !wantInvite && inReminderWindow && !(await alreadyQueued(db, questionnaireMessageKey('reminder', inst.id)));
    if (!wantInvite && !wantReminder) continue;
    const ctx = systemContext(deps, { job: QUESTIONNAIRE_JOB, clinicId: inst.clinic_id });
    const kind = wantInvite ? 'invite' : 'reminder';
    const holder = questionnaireLineHolder(inst.informant);
    // No address and no LINE (a minor's own questionnaire with only a guardian's address, say): no
    // link is issued; the outbox shows it once as undeliverable, and staff hand the link over.
    if (!(await patientReachable(db, { clinicId: inst.clinic_id, patientId: inst.patient_id, to, ...(holder ? { holder } : { lineOff: true }) }))) {
      await writeTx(ctx, async (tx) => {
        const subject = (await getClinic(tx, inst.clinic_id))?.name ?? '';
        if (await recordUndeliverable(tx, { clinicId: inst.clinic_id, patientId: inst.patient_id, kind: `questionnaire_${kind}`, subject, dedupeKey: questionnaireMessageKey(kind, inst.id), now: nowIso })) {
          await audit(ctx, tx, { action: 'scale_instance.undeliverable', resource: 'scale_instance', resourceId: inst.id, patientId: inst.patient_id, clinicId: inst.clinic_id, detail: kind });
        }
      });
      continue;
    }
    const sent = await writeTx(ctx, async (tx) => {
      // Re-check inside the transaction: another pass may have delivered it meanwhile.
      const fresh = await tx.selectFrom('scale_instances').selectAll().where('id', '=', inst.id).where('status', '=', 'open').executeTakeFirst();
      if (!fresh) return false;
      const link = await issueQuestionnaireLink(ctx, tx, { inst: fresh, createdBy: null });
      const queued = await mailQuestionnaireLink(ctx, tx, { inst: fresh, to, kind, link });
      if (!queued) throw new RollbackSilently();
      return true;
    }).catch((e: unknown) => {
      if (!(e instanceof RollbackSilently)) throw e;
      return false;
    });
    // Counted after the commit: a retried transaction counts once.
    if (sent && kind === 'invite') invites++;
    else if (sent) reminders++;
  }
  return { invites, reminders };
}

class RollbackSilently extends Error {}

/** Runs `deliverDueQuestionnaires` every `intervalMs` (started by main.ts next to the mail worker). */
export function startQuestionnaireJob(deps: AppDeps, o: { intervalMs?: number; log?: (msg: string) => void } = {}): PeriodicJob {
  const job = createPeriodicJob(() => deliverDueQuestionnaires(deps), {
    intervalMs: o.intervalMs ?? 60_000,
    onError: (e) => o.log?.(`questionnaire job failed: ${e instanceof Error ? e.message : String(e)}`),
  });
  job.start();
  return job;
}
