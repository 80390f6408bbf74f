import type { Issue } from '../errors/domain-error.ts';
import { daysBetween, isLocalDate, type LocalDate } from '../time/local-date.ts';

/**
 * The documents the clinic issues to self-pay patients (文書発行): 診断書, 意見書・証明書, a copy of a
 * referral letter (紹介状の写し), and a medical certificate in English (英文診断書). Each is priced by the
 * price-list item whose event is the kind's charge event (`documentChargeEvent`), so the clinic sets
 * (and changes) the price of each document in its price list.
 */
export const DOCUMENT_KINDS = ['medical_certificate', 'opinion_certificate', 'referral_copy', 'medical_certificate_en'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentChargeEvent = `document_${DocumentKind}`;

/** The price-list event that prices a document kind. */
export function documentChargeEvent(kind: DocumentKind): DocumentChargeEvent {
  return `document_${kind}`;
}

/** The price-list events of every document kind. */
export const DOCUMENT_CHARGE_EVENTS: ReadonlyArray<DocumentChargeEvent> = DOCUMENT_KINDS.map(documentChargeEvent);

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as ReadonlyArray<string>).includes(value);
}

/** How far back a document may be recorded (a document handed over and recorded late). */
export const DOCUMENT_BACKDATE_DAYS = 31;
export const DOCUMENT_NOTE_MAX = 500;

/**
 * The problems with a document to be recorded: a known kind; an issue date that is a real date, not
 * after today (the clinic's date) and not more than `DOCUMENT_BACKDATE_DAYS` before it; a note of at
 * most `DOCUMENT_NOTE_MAX` characters. Empty when it may be recorded.
 */
export function documentIssueProblems(o: { readonly kind: string; readonly issuedDate: string; readonly today: LocalDate; readonly note?: string | null }): Issue[] {
  const issues: Issue[] = [];
  if (!isDocumentKind(o.kind)) issues.push({ path: 'kind', key: 'billing.document_kind' });
  if (!isLocalDate(o.issuedDate)) issues.push({ path: 'issuedDate', key: 'billing.document_date' });
  else if (o.issuedDate > o.today) issues.push({ path: 'issuedDate', key: 'billing.document_future', params: { date: o.today } });
  else if (daysBetween(o.issuedDate, o.today) > DOCUMENT_BACKDATE_DAYS) issues.push({ path: 'issuedDate', key: 'billing.document_too_old', params: { days: DOCUMENT_BACKDATE_DAYS } });
  if ((o.note ?? '').length > DOCUMENT_NOTE_MAX) issues.push({ path: 'note', key: 'billing.document_note', params: { max: DOCUMENT_NOTE_MAX } });
  return issues;
}
