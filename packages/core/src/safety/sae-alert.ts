import { checkInstant } from '../fields/check-date.ts';
import { checkText, createIssues, deepFreeze, fieldError, throwIfIssues } from '../fields/field-issues.ts';
import type { AdverseEvent, CtcaeGrade, SeriousnessCriterion } from './adverse-event.ts';
import { isSerious, isSusar } from './adverse-event.ts';

/**
 * The alert a serious adverse event raises. Like the suicide-item alert it goes to the program's
 * doctors at once and stays on the program dashboard until a doctor reviews it. The server decides
 * who is notified and how; this is the content.
 */
export type SaeAlert = {
  readonly kind: 'serious_adverse_event';
  readonly priority: 'urgent';
  readonly adverseEventId: string;
  readonly enrolmentId: string;
  readonly term: string;
  readonly grade: CtcaeGrade;
  readonly criteria: ReadonlyArray<SeriousnessCriterion>;
  /** Serious, unexpected and possibly related: expedited reporting is likely needed. */
  readonly susar: boolean;
  readonly raisedAt: string;
  /** Message key + params for the notification text (ja/en in the programs catalogue). */
  readonly messageKey: 'safety.sae_alert' | 'safety.susar_alert';
  readonly params: { readonly term: string; readonly grade: number; readonly criteria: string };
  readonly review?: { readonly by: string; readonly at: string; readonly note?: string };
};

/**
 * The alert to raise for an adverse event, or `null` when it is not serious. Call it whenever an
 * AE is recorded or updated (an event can become serious later, e.g. on hospitalisation).
 *
 * @example
 * const alert = saeAlertFor(ae, { raisedAt: '2026-04-08T16:00:00+09:00' });
 * if (alert) notifyDoctors(alert);
 */
export function saeAlertFor(ae: AdverseEvent, opts: { readonly raisedAt: string }): SaeAlert | null {
  if (!isSerious(ae)) return null;
  const susar = isSusar(ae);
  const criteria = ae.seriousness.length > 0 ? ae.seriousness : (['death'] as const);
  return deepFreeze({
    kind: 'serious_adverse_event',
    priority: 'urgent',
    adverseEventId: ae.id,
    enrolmentId: ae.enrolmentId,
    term: ae.term,
    grade: ae.grade,
    criteria,
    susar,
    raisedAt: opts.raisedAt,
    messageKey: susar ? 'safety.susar_alert' : 'safety.sae_alert',
    params: { term: ae.term, grade: ae.grade, criteria: criteria.join(', ') },
  });
}

/**
 * Marks an alert reviewed by a doctor; it then leaves the dashboard's open list. Reviewing twice is
 * refused so the first reviewer stays on record.
 *
 * @example
 * reviewSaeAlert(alert, { by: 'dr-sato', at: '2026-04-08T17:00:00+09:00', note: '入院先に連絡済み' });
 */
export function reviewSaeAlert(alert: SaeAlert, review: { readonly by: string; readonly at: string; readonly note?: string }): SaeAlert {
  if (alert.review) throw fieldError('conflict', 'safety.alert_already_reviewed', 'review', { by: alert.review.by });
  const issues = createIssues();
  const by = checkText(issues, 'by', review.by, { max: 100 });
  const at = checkInstant(issues, 'at', review.at);
  const note = checkText(issues, 'note', review.note, { required: false, max: 4000 });
  throwIfIssues(issues, 'safety.review_invalid');
  return deepFreeze({ ...alert, review: { by: by!, at: at!, ...(note !== undefined ? { note } : {}) } });
}
