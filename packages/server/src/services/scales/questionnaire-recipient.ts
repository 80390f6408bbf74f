import { ageOn } from '@mimamori/core/patients/patient';

/**
 * Where a questionnaire's link is mailed: the assignment's address, else the patient's. A minor's
 * own questionnaire (informant `self`) is never mailed to an address a guardian also uses — whoever
 * holds the link opens the answers, and an adolescent answers for themselves on their own link.
 * Returns null then: staff who may read the answers hand the link over in person.
 */
export function questionnaireRecipient(o: {
  readonly informant: string;
  readonly assignmentEmail: string | null | undefined;
  readonly patient: { readonly email: string | null; readonly guardians_json: string; readonly birth_date: string } | undefined;
  /** The clinic's date. */
  readonly today: string;
}): string | null {
  const to = o.assignmentEmail ?? o.patient?.email ?? null;
  if (!to || !o.patient || o.informant !== 'self' || ageOn(o.patient.birth_date, o.today) >= 18) return to;
  const guardians = JSON.parse(o.patient.guardians_json) as ReadonlyArray<{ email?: string | null }>;
  const same = (x: string | null | undefined) => (x ?? '').trim().toLowerCase() === to.trim().toLowerCase();
  return guardians.some((g) => same(g.email)) ? null : to;
}
