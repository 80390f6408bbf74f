import { DomainError } from '@mimamori/core';
import { checkNewClinic } from '@mimamori/core/clinic/index';
import { freshClinicCalendar } from '@mimamori/core/scheduling/index';
import { DEFAULT_CLINIC_ZONE } from '@mimamori/core/time/index';
import { isUniqueViolation } from '../dialects/database-errors.ts';
import { appendAudit } from '../repos/audit-repo.ts';
import { getClinic, insertClinic, listClinics } from '../repos/clinic-repo.ts';
import type { Db } from '../repos/db.ts';
import { seedSchedulingConfig } from '../repos/scheduling/scheduling-config-repo.ts';
import { newId } from '../security/tokens.ts';

/** A clinic just created. */
export interface CreatedClinic {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
}

/**
 * Creates a clinic with every per-clinic default a new clinic starts from (today: the scheduling
 * configuration's seed), and its first audit row (`clinic.create`, which starts the clinic's own
 * hash chain). The one way a clinic comes to be: the first-run setup and `mimamori clinic add` both
 * call it, in the caller's transaction, so a refused clinic leaves nothing behind.
 *
 * Refuses (DomainError) an empty or over-long name, a malformed id, a name or id another clinic
 * has. Without `id`, the clinic gets a random one.
 */
export async function createClinic(
  db: Db,
  o: { readonly name: string; readonly id?: string; readonly timeZone?: string; readonly now: Date; readonly actorRole?: string },
): Promise<CreatedClinic> {
  const given = checkNewClinic({ name: o.name, ...(o.id !== undefined ? { id: o.id } : {}), timeZone: o.timeZone ?? DEFAULT_CLINIC_ZONE });
  const id = given.id ?? newId();
  const now = o.now.toISOString();
  if (given.id !== undefined && (await getClinic(db, id))) throw taken('id', id);
  if ((await listClinics(db)).some((c) => c.name === given.name)) throw taken('name', given.name);
  try {
    await insertClinic(db, { id, name: given.name, timeZone: given.timeZone, now });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken('id', id);
    throw err;
  }
  // A new clinic starts empty (no hours, no resources, no phone): the setup walk-through asks for its own facts.
  await seedSchedulingConfig(db, { clinicId: id, now, calendar: freshClinicCalendar(given.timeZone), resources: [] });
  await appendAudit(db, {
    at: now, clinicId: id, actorId: null, actorRole: o.actorRole ?? 'cli', action: 'clinic.create', resource: 'clinic', resourceId: id, outcome: 'success',
  });
  return { id, name: given.name, timeZone: given.timeZone };
}

function taken(field: 'id' | 'name', value: string): DomainError {
  const key = `clinic.${field}_taken`;
  return new DomainError('conflict', { key, params: { [field]: value }, issues: [{ path: field, key, params: { [field]: value } }] });
}
