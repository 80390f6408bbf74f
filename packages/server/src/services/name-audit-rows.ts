import { hasPermission } from '@mimamori/core';
import { getPatientBriefs, getStaffBriefs } from '@mimamori/storage';
import { requireStaff, type RequestContext } from '../request-context.ts';

interface AuditRowIds {
  readonly resource: string;
  readonly resourceId: string | null;
  readonly patientId: string | null;
}

/**
 * The audit log as people read it: the staff member a row names by their name, and its patient by
 * 診察券番号 and name — only for a reader whose role may see patients (otherwise the id stays).
 * Only the reader's clinic is looked up, so another clinic's id is never named.
 */
export async function nameAuditRows<T extends AuditRowIds>(ctx: RequestContext, rows: ReadonlyArray<T>) {
  const a = requireStaff(ctx);
  const db = ctx.db.db;
  const staffIds = rows.filter((r) => r.resource === 'staff' && r.resourceId).map((r) => r.resourceId!);
  const patientIds = hasPermission(a.role, 'patients:read')
    ? rows.flatMap((r) => [r.patientId, r.resource === 'patient' ? r.resourceId : null]).filter((x): x is string => Boolean(x))
    : [];
  const [staff, patients] = await Promise.all([getStaffBriefs(db, a.clinicId, staffIds), getPatientBriefs(db, a.clinicId, patientIds)]);
  const staffName = new Map(staff.map((s) => [s.id, s.display_name]));
  const patientName = new Map(patients.map((p) => [p.id, `${p.patient_number} ${p.name_kanji}`]));
  const items = rows.map((r) => ({
    ...r,
    resourceName: r.resourceId ? (staffName.get(r.resourceId) ?? (r.resource === 'patient' ? patientName.get(r.resourceId) : undefined) ?? null) : null,
    patientLabel: r.patientId ? (patientName.get(r.patientId) ?? null) : null,
  }));
  return { items, patientsNamed: new Set(items.flatMap((i) => (i.patientLabel ? [i.patientId] : []))).size };
}
