import { ADULT_AGE } from '../patients/patient.ts';
import { clinicDate } from '../time/index.ts';
import type { ConsentRecord } from './consent-record.ts';
import { OWN_CONSENT_FROM_AGE } from './consent-roles-by-age.ts';
import type { ConsentDocument } from './program-types.ts';

/** Why a participant must consent again. */
export type ReconsentReason = 'turned_16' | 'turned_18' | 'document_version';

export type ReconsentItem = {
  readonly reason: ReconsentReason;
  /** The clinic date from which it is due (the birthday, or the day the new document version took effect). */
  readonly dueDate: string;
  /** A stable key of the item (an override names the items it covers). */
  readonly key: string;
  /** For `document_version`: the document and the version now approved. */
  readonly document?: { readonly id: string; readonly version: string };
  /** Due on or before today: doses are refused until it is done (or a doctor overrides it). */
  readonly blocking: boolean;
};

export type ReconsentOptions = {
  readonly birthDate: string;
  /** The participant's consent records (any order). */
  readonly consents: ReadonlyArray<Pick<ConsentRecord, 'role' | 'signedAt' | 'document'>>;
  /** The consent documents of the program's latest version (the approved ones). */
  readonly currentDocuments: ReadonlyArray<Pick<ConsentDocument, 'id' | 'version' | 'role' | 'effectiveFrom'>>;
  /** The clinic's today (YYYY-MM-DD) and time zone (signing dates are counted in it). */
  readonly today: string;
  readonly zone: string;
};

/**
 * The date a person born on `birthDate` reaches `years` (29 February → 1 March in common years,
 * as `ageOn` counts).
 *
 * @example
 * birthdayAt('2010-02-28', 16); // '2026-02-28'
 */
export function birthdayAt(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y + years, m - 1, d));
  // Overflow (29 Feb in a common year) rolls to 1 March, which is what Date.UTC does.
  return dt.toISOString().slice(0, 10);
}

/**
 * What re-consent a participant owes (docs/governance.md):
 * - `turned_16`: first consented before 16 (guardian + assent), now 16 — the minor's own consent
 *   (a `participant` record signed on or after the birthday) is due from the birthday;
 * - `turned_18`: first consented before 18, now 18 — their own adult consent (a `participant`
 *   record signed on or after the 18th birthday) is due from the birthday;
 * - `document_version`: a document they signed has a newer approved version — signing the new
 *   version is due from its `effectiveFrom`.
 * An item is `blocking` once its due date has come (the birthday itself: at 16y0d a dose is
 * refused until the new consent is signed). Items done are left out. Pure: `today` is passed in.
 *
 * @example
 * reconsentDue({ birthDate: '2010-05-10', consents: [...], currentDocuments: program.consentDocuments, today: '2026-05-10', zone: 'Asia/Tokyo' });
 * // [{ reason: 'turned_16', dueDate: '2026-05-10', blocking: true, key: 'turned_16' }]
 */
export function reconsentDue(o: ReconsentOptions): ReadonlyArray<ReconsentItem> {
  if (o.consents.length === 0) return [];
  const signedOn = (c: Pick<ConsentRecord, 'signedAt'>) => clinicDate(c.signedAt, o.zone);
  const first = o.consents.map(signedOn).sort()[0]!;
  const items: ReconsentItem[] = [];
  for (const [reason, years] of [['turned_16', OWN_CONSENT_FROM_AGE], ['turned_18', ADULT_AGE]] as const) {
    const birthday = birthdayAt(o.birthDate, years);
    if (birthday <= first || birthday > o.today) continue;
    const done = o.consents.some((c) => c.role === 'participant' && signedOn(c) >= birthday);
    if (!done) items.push({ reason, dueDate: birthday, key: reason, blocking: true });
  }
  const signed = new Map<string, string[]>();
  for (const c of o.consents) signed.set(c.document.id, [...(signed.get(c.document.id) ?? []), c.document.version]);
  const seen = new Set<string>();
  for (const d of o.currentDocuments) {
    if (seen.has(d.id) || !signed.has(d.id)) continue;
    seen.add(d.id);
    if (signed.get(d.id)!.includes(d.version)) continue;
    items.push({ reason: 'document_version', dueDate: d.effectiveFrom, key: `document_version:${d.id}@${d.version}`, document: { id: d.id, version: d.version }, blocking: d.effectiveFrom <= o.today });
  }
  return items;
}
