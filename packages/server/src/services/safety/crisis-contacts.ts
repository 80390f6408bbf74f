import { listCrisisContacts, newId, replaceCrisisContacts, type Db } from '@mimamori/storage';
import { defaultCrisisContacts, type CrisisContact } from './default-crisis-contacts.ts';

/*
 * The clinic's crisis contacts belong to safety: the scales, intake and safety pages show them
 * (through `patientCrisisView`), so they live here, below the features that use them. This file
 * and `default-crisis-contacts.ts` stay plain (no request): `api-types.ts` names their types.
 */

/** The clinic's crisis contacts; the national defaults until the clinic saves its own list. */
export async function crisisContactsOf(db: Db, clinicId: string): Promise<{ contacts: CrisisContact[]; isDefault: boolean }> {
  const rows = await listCrisisContacts(db, clinicId);
  if (rows.length === 0) return { contacts: [...defaultCrisisContacts], isDefault: true };
  return {
    isDefault: false,
    contacts: rows.map((r) => ({
      nameJa: r.name_ja, nameEn: r.name_en, phone: r.phone, url: r.url, hoursJa: r.hours_ja, hoursEn: r.hours_en, source: r.source, uncertain: r.uncertain === 1,
      audience: (r.audience === 'adult' || r.audience === 'child' ? r.audience : 'all') as CrisisContact['audience'], checkedOn: r.checked_on,
    })),
  };
}

export async function saveCrisisContacts(db: Db, o: { clinicId: string; contacts: ReadonlyArray<CrisisContact>; staffId: string; now: string }): Promise<void> {
  await replaceCrisisContacts(db, o.clinicId, o.contacts.map((c, i) => ({
    id: newId(), clinic_id: o.clinicId, position: i, name_ja: c.nameJa, name_en: c.nameEn, phone: c.phone, url: c.url, hours_ja: c.hoursJa, hours_en: c.hoursEn,
    source: c.source, uncertain: c.uncertain ? 1 : 0, audience: c.audience, checked_on: c.checkedOn, updated_at: o.now, updated_by: o.staffId,
  })));
}
