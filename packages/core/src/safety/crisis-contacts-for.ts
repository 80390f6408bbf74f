/** Who a crisis contact is for: everyone, adults, or children and adolescents (up to 18). */
export type CrisisAudience = 'all' | 'adult' | 'child';

/**
 * The contacts to show a patient of a given age: children and adolescents (under 18) see the
 * child lines (チャイルドライン is for those up to 18) and the general ones; adults the adult and
 * general ones; an unknown age sees every contact. A child's own lines come first (in the
 * clinic's order), so a young person does not scroll past the adult lists to find them; the
 * panel says "call 119" in its own words whatever the list holds.
 *
 * @example
 * crisisContactsFor([{ audience: 'child', … }, { audience: 'adult', … }, { audience: 'all', … }], 15); // child + all
 */
export function crisisContactsFor<T extends { readonly audience: CrisisAudience }>(contacts: ReadonlyArray<T>, ageYears: number | null): ReadonlyArray<T> {
  if (ageYears === null) return contacts;
  const want: CrisisAudience = ageYears < 18 ? 'child' : 'adult';
  const shown = contacts.filter((c) => c.audience === 'all' || c.audience === want);
  return want === 'child' ? [...shown.filter((c) => c.audience === 'child'), ...shown.filter((c) => c.audience !== 'child')] : shown;
}
