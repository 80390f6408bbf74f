import type { Guardian, Patient, PatientInput, Sex } from '../../../shared/api/types.ts';

export interface GuardianValues {
  name: string;
  nameKana: string;
  relation: string;
  phone: string;
  email: string;
}

/** What the form holds: every field as typed text. */
export interface PatientFormValues {
  nameKanji: string;
  nameKana: string;
  birthDate: string;
  sex: Sex | '';
  phone: string;
  email: string;
  postalCode: string;
  address: string;
  notes: string;
  guardians: GuardianValues[];
}

export const EMPTY_GUARDIAN: GuardianValues = { name: '', nameKana: '', relation: '', phone: '', email: '' };

export const EMPTY_PATIENT: PatientFormValues = {
  nameKanji: '',
  nameKana: '',
  birthDate: '',
  sex: '',
  phone: '',
  email: '',
  postalCode: '',
  address: '',
  notes: '',
  guardians: [],
};

export function valuesFromPatient(p: Patient): PatientFormValues {
  return {
    nameKanji: p.nameKanji,
    nameKana: p.nameKana,
    birthDate: p.birthDate,
    sex: p.sex,
    phone: p.phone ?? '',
    email: p.email ?? '',
    postalCode: p.postalCode ?? '',
    address: p.address ?? '',
    notes: p.notes ?? '',
    guardians: p.guardians.map((g) => ({
      name: g.name,
      nameKana: g.nameKana ?? '',
      relation: g.relation,
      phone: g.phone ?? '',
      email: g.email ?? '',
    })),
  };
}

function opt(v: string): string | undefined {
  const s = v.trim();
  return s === '' ? undefined : s;
}

/** The request body: empty optional fields are left out, guardians with no name are dropped. */
export function toPatientInput(v: PatientFormValues): PatientInput {
  const guardians: Guardian[] = v.guardians
    .filter((g) => g.name.trim() !== '' || g.relation.trim() !== '' || g.phone.trim() !== '')
    .map((g) => {
      const out: { name: string; relation: string; nameKana?: string; phone?: string; email?: string } = {
        name: g.name.trim(),
        relation: g.relation.trim(),
      };
      const kana = opt(g.nameKana);
      const phone = opt(g.phone);
      const email = opt(g.email);
      if (kana) out.nameKana = kana;
      if (phone) out.phone = phone;
      if (email) out.email = email;
      return out;
    });
  const input: Record<string, unknown> = {
    nameKanji: v.nameKanji.trim(),
    nameKana: v.nameKana.trim(),
    birthDate: v.birthDate,
    sex: v.sex === '' ? 'unknown' : v.sex,
    guardians,
  };
  for (const k of ['phone', 'email', 'postalCode', 'address', 'notes'] as const) {
    const value = k === 'notes' || k === 'address' ? (v[k].trim() === '' ? undefined : v[k]) : opt(v[k]);
    if (value !== undefined) input[k] = value;
  }
  return input as unknown as PatientInput;
}

/**
 * For an edit: only the fields that changed. A cleared optional field is sent as null, so the
 * server clears it (leaving it out would mean "unchanged").
 */
export function changedFields(before: PatientFormValues, after: PatientFormValues): Record<string, unknown> {
  const a = toPatientInput(after) as unknown as Record<string, unknown>;
  const b = toPatientInput(before) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = a[k] === undefined ? null : a[k];
  }
  return out;
}

/** The contact an application from a recruitment page gives (what the queue shows). */
export interface ApplicationContact {
  readonly name: string;
  readonly phone: string;
  readonly email: string | null;
  readonly guardian: { readonly name: string; readonly phone: string } | null;
}

const KANA_ONLY = /^[\u3041-\u3096\u30a1-\u30fa\u30fc\s\u3000]+$/u;

/**
 * A new patient's form filled from an application's contact, for staff to check and complete:
 * the name (also as kana when it was written in kana only), phone, email and the guardian of a
 * minor. The birth date is left empty (the application gives an age only).
 */
export function valuesFromApplication(a: ApplicationContact): PatientFormValues {
  const name = a.name.trim();
  const kana = KANA_ONLY.test(name) ? name.replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)).replace(/\u3000/g, ' ') : '';
  return {
    ...EMPTY_PATIENT,
    nameKanji: name,
    nameKana: kana,
    phone: a.phone.trim(),
    email: a.email?.trim() ?? '',
    guardians: a.guardian ? [{ ...EMPTY_GUARDIAN, name: a.guardian.name.trim(), phone: a.guardian.phone.trim() }] : [],
  };
}
