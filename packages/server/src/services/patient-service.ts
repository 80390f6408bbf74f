import {
  DomainError, checkPatientInput, formatPatientNumber, normalizeKana, clinicDate,
  type Guardian, type Patient, type PatientInput, type Sex,
} from '../core-imports.ts';
import {
  findDuplicatePatients, getClinic, getPatient, insertPatient, insertPatientVersion, listPatientVersions, nextCounter,
  searchPatients, updatePatientIfVersion, type Db, type PatientRow,
} from '@mimamori/storage';
import { audit, auditAlone } from '../audit/audit.ts';
import { newId } from '@mimamori/storage';
import type { AppDeps } from '../context.ts';
import { requireStaff, type RequestContext } from '../request-context.ts';
import { writeTx } from './write-tx.ts';

export function toPatient(r: PatientRow): Patient {
  return {
    id: r.id, clinicId: r.clinic_id, patientNumber: r.patient_number, nameKanji: r.name_kanji, nameKana: r.name_kana,
    birthDate: r.birth_date, sex: r.sex as Sex, phone: r.phone, email: r.email, postalCode: r.postal_code, address: r.address,
    notes: r.notes, guardians: JSON.parse(r.guardians_json) as Guardian[], isDemo: r.is_demo === 1, version: r.version,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function summaryOf(p: Patient) {
  return { id: p.id, patientNumber: p.patientNumber, nameKanji: p.nameKanji, nameKana: p.nameKana, birthDate: p.birthDate, sex: p.sex, phone: p.phone, isDemo: p.isDemo };
}

function editable(p: Patient) {
  return { nameKanji: p.nameKanji, nameKana: p.nameKana, birthDate: p.birthDate, sex: p.sex, phone: p.phone, email: p.email, postalCode: p.postalCode, address: p.address, notes: p.notes, guardians: p.guardians };
}

async function clinicToday(ctx: AppDeps, db: Db, clinicId: string): Promise<string> {
  const clinic = await getClinic(db, clinicId);
  return clinicDate(ctx.clock().getTime(), clinic?.timeZone ?? 'Asia/Tokyo');
}

/** Parses the one search box: a birth date, a number (診察券番号 or phone digits), or a name in kana/kanji. */
export function parseSearch(q: string): { kana?: string; name?: string; patientNumber?: string; phoneDigits?: string; birthDate?: string } {
  const s = q.normalize('NFKC').trim();
  if (!s) return {};
  const date = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(s);
  if (date && Number(date[2]) >= 1 && Number(date[2]) <= 12 && Number(date[3]) >= 1 && Number(date[3]) <= 31) {
    const iso = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
    return { birthDate: iso, ...(/^\d{8}$/.test(s) ? { phoneDigits: s } : {}) };
  }
  const digits = s.replace(/[\s\-‐－ー()]/g, '');
  if (/^\+?\d+$/.test(digits)) {
    const d = digits.replace(/^\+?81/, '0');
    return {
      ...(d.length <= 6 ? { patientNumber: formatPatientNumber(Number(d)) } : {}),
      ...(d.length >= 3 ? { phoneDigits: d } : {}),
    };
  }
  return { kana: normalizeKana(s), name: s };
}

/**
 * Registers a patient (診察券番号 from the clinic's counter) with the first version of their record.
 * Unless acknowledged, possible duplicates (same kana and birth date, or phone) stop it with a 409
 * whose `extra.duplicates` lists them.
 */
export async function createPatient(ctx: RequestContext, input: PatientInput & { acknowledgeDuplicates?: boolean }, opts: { isDemo?: boolean } = {}): Promise<Patient> {
  const a = requireStaff(ctx);
  const db = ctx.db.db;
  const today = await clinicToday(ctx, db, a.clinicId);
  const n = checkPatientInput(input, { today });
  return writeTx(ctx, async (tx) => {
    if (!input.acknowledgeDuplicates) {
      const dups = await findDuplicatePatients(tx, { clinicId: a.clinicId, kana: n.nameKanaNorm, birthDate: n.birthDate, phoneDigits: n.phoneNorm ?? undefined });
      if (dups.length) {
        throw new DomainError('conflict', { key: 'possible_duplicate', extra: { duplicates: dups.map((d) => summaryOf(toPatient(d))) } });
      }
    }
    const now = ctx.clock().toISOString();
    const number = await nextCounter(tx, a.clinicId, 'patient_number');
    const row: PatientRow = {
      id: newId(), clinic_id: a.clinicId, patient_number: formatPatientNumber(number), name_kanji: n.nameKanji, name_kana: n.nameKana,
      name_kana_norm: n.nameKanaNorm, birth_date: n.birthDate, sex: n.sex, phone: n.phone, phone_norm: n.phoneNorm, email: n.email,
      postal_code: n.postalCode, address: n.address, notes: n.notes, guardians_json: JSON.stringify(n.guardians), is_demo: opts.isDemo ? 1 : 0,
      version: 1, created_at: now, created_by: a.staffId, updated_at: now, updated_by: a.staffId,
    };
    await insertPatient(tx, row);
    const p = toPatient(row);
    await insertPatientVersion(tx, { clinicId: a.clinicId, patientId: p.id, version: 1, data: editable(p), changedAt: now, changedBy: a.staffId });
    await audit(ctx, tx, { action: 'patient.create', resource: 'patient', resourceId: p.id, patientId: p.id });
    return p;
  });
}

export async function updatePatient(ctx: RequestContext, id: string, patch: Partial<PatientInput> & { version: number }): Promise<Patient> {
  const a = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const row = await getPatient(tx, a.clinicId, id);
    if (!row) throw new DomainError('not_found');
    const current = toPatient(row);
    if (current.version !== patch.version) throw new DomainError('conflict', { key: 'patient_version_stale' });
    const today = await clinicToday(ctx, tx, a.clinicId);
    const { version: _v, ...fields } = patch;
    const merged = { ...editable(current), ...fields } as PatientInput;
    const n = checkPatientInput(merged, { today });
    const now = ctx.clock().toISOString();
    const next: Partial<PatientRow> = {
      name_kanji: n.nameKanji, name_kana: n.nameKana, name_kana_norm: n.nameKanaNorm, birth_date: n.birthDate, sex: n.sex,
      phone: n.phone, phone_norm: n.phoneNorm, email: n.email, postal_code: n.postalCode, address: n.address, notes: n.notes,
      guardians_json: JSON.stringify(n.guardians), version: current.version + 1, updated_at: now, updated_by: a.staffId,
    };
    if (!(await updatePatientIfVersion(tx, a.clinicId, id, current.version, next))) throw new DomainError('conflict', { key: 'patient_version_stale' });
    const updated = toPatient({ ...row, ...next } as PatientRow);
    await insertPatientVersion(tx, { clinicId: a.clinicId, patientId: id, version: updated.version, data: editable(updated), changedAt: now, changedBy: a.staffId });
    const changed = Object.keys(fields).filter((k) => JSON.stringify((editable(current) as Record<string, unknown>)[k]) !== JSON.stringify((editable(updated) as Record<string, unknown>)[k]));
    // Field names only: the values are patient data and stay in the versioned history.
    await audit(ctx, tx, { action: 'patient.update', resource: 'patient', resourceId: id, patientId: id, detail: changed.join(',') || 'no_change' });
    return updated;
  });
}

export async function readPatient(ctx: RequestContext, id: string): Promise<Patient> {
  const a = requireStaff(ctx);
  const row = await writeTx(ctx, async (tx) => {
    const found = await getPatient(tx, a.clinicId, id);
    if (found) await audit(ctx, tx, { action: 'patient.read', resource: 'patient', resourceId: id, patientId: id });
    return found;
  });
  if (!row) {
    // Outside any transaction that could roll back: a probe for another clinic's id is kept on record.
    await auditAlone(ctx, { action: 'patient.read', resource: 'patient', resourceId: id, outcome: 'denied', detail: 'not_found' });
    throw new DomainError('not_found');
  }
  return toPatient(row);
}

export async function patientHistory(ctx: RequestContext, id: string) {
  const a = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const row = await getPatient(tx, a.clinicId, id);
    if (!row) throw new DomainError('not_found');
    const versions = await listPatientVersions(tx, a.clinicId, id);
    await audit(ctx, tx, { action: 'patient.history.read', resource: 'patient', resourceId: id, patientId: id });
    let prev: Record<string, unknown> | null = null;
    return versions.map((v) => {
      const data = JSON.parse(v.data_json) as Record<string, unknown>;
      const changes = Object.keys(data)
        .filter((k) => prev === null || JSON.stringify(prev[k]) !== JSON.stringify(data[k]))
        .map((k) => ({ field: k, before: prev === null ? null : (prev[k] ?? null), after: data[k] ?? null }));
      prev = data;
      return { version: v.version, changedAt: v.changed_at, changedBy: { id: v.changed_by ?? '', displayName: v.display_name ?? '' }, changes };
    });
  });
}

export async function searchPatientList(ctx: RequestContext, q: { q?: string; limit: number; offset: number }) {
  const a = requireStaff(ctx);
  return writeTx(ctx, async (tx) => {
    const { rows, total } = await searchPatients(tx, { clinicId: a.clinicId, ...parseSearch(q.q ?? ''), limit: q.limit, offset: q.offset });
    // The search terms themselves may be names: only the fact of a search and its size are logged.
    await audit(ctx, tx, { action: 'patient.search', resource: 'patient', detail: `results=${rows.length}` });
    return { items: rows.map((r) => summaryOf(toPatient(r))), total };
  });
}

export async function duplicateCandidates(ctx: RequestContext, q: { nameKana?: string; birthDate?: string; phone?: string }) {
  const a = requireStaff(ctx);
  const kana = q.nameKana ? normalizeKana(q.nameKana) : undefined;
  const phoneDigits = q.phone ? q.phone.normalize('NFKC').replace(/\D/g, '').replace(/^81/, '0') : undefined;
  return writeTx(ctx, async (tx) => {
    const rows = await findDuplicatePatients(tx, { clinicId: a.clinicId, kana: kana || undefined, birthDate: q.birthDate, phoneDigits });
    await audit(ctx, tx, { action: 'patient.duplicate_check', resource: 'patient', detail: `results=${rows.length}` });
    return { items: rows.map((r) => summaryOf(toPatient(r))) };
  });
}
