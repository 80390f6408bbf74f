import type { BookingPolicy, ClinicCalendar, Resource, Service } from '@mimamori/core/scheduling/index';
import { seedBookingPolicy, seedClinicCalendar, seedClinicResources, seedClinicServices } from '@mimamori/core/scheduling/index';
import { lockRows } from '../../dialects/locks.ts';
import type { Db } from '../db.ts';

/** A clinic's whole scheduling configuration, as core types. */
export interface SchedulingConfig {
  readonly clinicId: string;
  readonly calendar: ClinicCalendar;
  readonly policy: BookingPolicy;
  readonly clinicPhone: string;
  readonly clinicAddress: string | null;
  /** Active and inactive services, in admin order. */
  readonly services: ReadonlyArray<Service>;
  readonly resources: ReadonlyArray<Resource>;
  readonly version: number;
}

type CalendarBody = Omit<ClinicCalendar, 'zone'>;

function calendarBody(c: ClinicCalendar | CalendarBody): CalendarBody {
  return { weeklyHours: c.weeklyHours, closedOnNationalHolidays: c.closedOnNationalHolidays, closures: c.closures, overrides: c.overrides };
}

/** Reads the configuration; undefined when the clinic has none yet. `zone` is the clinic's. */
export async function getSchedulingConfig(db: Db, clinicId: string, zone: string): Promise<SchedulingConfig | undefined> {
  const s = await db.selectFrom('scheduling_settings').selectAll().where('clinic_id', '=', clinicId).executeTakeFirst();
  if (!s) return undefined;
  const [services, resources] = await Promise.all([
    db.selectFrom('scheduling_services').select(['data_json', 'active']).where('clinic_id', '=', clinicId).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('scheduling_resources').select(['data_json', 'active']).where('clinic_id', '=', clinicId).orderBy('sort_order').orderBy('id').execute(),
  ]);
  return {
    clinicId,
    calendar: { zone, ...(JSON.parse(s.calendar_json) as CalendarBody) },
    policy: JSON.parse(s.policy_json) as BookingPolicy,
    clinicPhone: s.clinic_phone,
    clinicAddress: s.clinic_address,
    services: services.map((r) => ({ ...(JSON.parse(r.data_json) as Service), active: r.active === 1 })),
    resources: resources.map((r) => ({ ...(JSON.parse(r.data_json) as Resource), active: r.active === 1 })),
    version: s.version,
  };
}

export interface SeedSchedulingOptions {
  readonly clinicId: string;
  readonly now: string;
  readonly clinicPhone?: string;
  readonly clinicAddress?: string | null;
  readonly calendar?: ClinicCalendar | CalendarBody;
  readonly policy?: BookingPolicy;
  readonly services?: ReadonlyArray<Service>;
  readonly resources?: ReadonlyArray<Resource>;
}

/**
 * Gives a clinic a configuration when it has none: the one passed, else the demo clinic's hours,
 * services and resources (the demo and tests; a real clinic starts from `freshClinicCalendar` and no
 * resources). The phone and address are empty unless passed. Idempotent: a clinic
 * that already has a configuration is left alone; returns whether it inserted.
 */
export async function seedSchedulingConfig(db: Db, o: SeedSchedulingOptions): Promise<boolean> {
  const inserted = await db
    .insertInto('scheduling_settings')
    .values({
      clinic_id: o.clinicId,
      calendar_json: JSON.stringify(calendarBody(o.calendar ?? seedClinicCalendar)),
      policy_json: JSON.stringify(o.policy ?? seedBookingPolicy),
      clinic_phone: o.clinicPhone ?? '',
      clinic_address: o.clinicAddress ?? null,
      version: 1,
      updated_at: o.now,
      updated_by: null,
    })
    .onConflict((oc) => oc.column('clinic_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
  const services = o.services ?? seedClinicServices;
  const resources = o.resources ?? seedClinicResources;
  for (const [i, s] of services.entries()) await putService(db, { clinicId: o.clinicId, service: s, sortOrder: i, now: o.now });
  for (const [i, r] of resources.entries()) await putResource(db, { clinicId: o.clinicId, resource: r, sortOrder: i, now: o.now });
  return true;
}

/**
 * Compare-and-swap on the configuration's version; the caller then writes its change in the same
 * transaction. False when someone else changed the configuration first.
 */
export async function bumpSchedulingVersion(db: Db, o: { clinicId: string; expectedVersion: number; now: string; by: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('scheduling_settings')
    .set({ version: o.expectedVersion + 1, updated_at: o.now, updated_by: o.by })
    .where('clinic_id', '=', o.clinicId)
    .where('version', '=', o.expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function saveCalendar(db: Db, clinicId: string, calendar: CalendarBody): Promise<void> {
  await db.updateTable('scheduling_settings').set({ calendar_json: JSON.stringify(calendarBody(calendar)) }).where('clinic_id', '=', clinicId).execute();
}

export async function savePolicy(db: Db, clinicId: string, o: { policy: BookingPolicy }): Promise<void> {
  await db.updateTable('scheduling_settings').set({ policy_json: JSON.stringify(o.policy) }).where('clinic_id', '=', clinicId).execute();
}

/**
 * The clinic's phone and address — the one place they are kept (booking mails, the public page,
 * statements read them here) — and its name on the clinic row.
 */
export async function saveClinicContact(db: Db, o: { clinicId: string; name?: string; phone: string; address: string | null }): Promise<void> {
  if (o.name !== undefined) await db.updateTable('clinics').set({ name: o.name }).where('id', '=', o.clinicId).execute();
  await db.updateTable('scheduling_settings').set({ clinic_phone: o.phone, clinic_address: o.address }).where('clinic_id', '=', o.clinicId).execute();
}

/** Creates or replaces a service (kept in place in the admin order when it exists). */
export async function putService(db: Db, o: { clinicId: string; service: Service; now: string; sortOrder?: number }): Promise<void> {
  const { active, ...data } = o.service;
  const values = { data_json: JSON.stringify(data), active: active === false ? 0 : 1, updated_at: o.now };
  const order = o.sortOrder ?? (await nextSort(db, 'scheduling_services', o.clinicId));
  await db
    .insertInto('scheduling_services')
    .values({ clinic_id: o.clinicId, id: o.service.id, sort_order: order, ...values })
    .onConflict((oc) => oc.columns(['clinic_id', 'id']).doUpdateSet(values))
    .execute();
}

/** Creates or replaces a resource. */
export async function putResource(db: Db, o: { clinicId: string; resource: Resource; now: string; sortOrder?: number }): Promise<void> {
  const { active, ...data } = o.resource;
  const values = { name: o.resource.name, capacity: o.resource.capacity ?? 1, data_json: JSON.stringify(data), active: active === false ? 0 : 1, updated_at: o.now };
  const order = o.sortOrder ?? (await nextSort(db, 'scheduling_resources', o.clinicId));
  await db
    .insertInto('scheduling_resources')
    .values({ clinic_id: o.clinicId, id: o.resource.id, sort_order: order, ...values })
    .onConflict((oc) => oc.columns(['clinic_id', 'id']).doUpdateSet(values))
    .execute();
}

async function nextSort(db: Db, table: 'scheduling_services' | 'scheduling_resources', clinicId: string): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.max('sort_order').as('m')).where('clinic_id', '=', clinicId).executeTakeFirst();
  return Number(r?.m ?? -1) + 1;
}

/**
 * Locks the resource rows a booking is about to take units of, until the transaction ends (in id
 * order, so that two bookings never wait on each other in opposite orders).
 */
export async function lockResources(db: Db, o: { readonly clinicId: string; readonly resourceIds: ReadonlyArray<string> }): Promise<void> {
  if (o.resourceIds.length === 0) return;
  const ids = [...new Set(o.resourceIds)].sort();
  await lockRows(db, db.selectFrom('scheduling_resources').select('id').where('clinic_id', '=', o.clinicId).where('id', 'in', ids).orderBy('id'));
}

/**
 * The appointments still to come (held or confirmed, not yet ended) that one resource is assigned
 * to, earliest first: what deactivating the resource would orphan.
 */
export async function upcomingAppointmentsOfResource(db: Db, o: { readonly clinicId: string; readonly resourceId: string; readonly nowMs: number }): Promise<ReadonlyArray<{ readonly id: string; readonly startMs: number }>> {
  const rows = await db
    .selectFrom('appointments')
    .select(['id', 'start_ms', 'assignments_json'])
    .where('clinic_id', '=', o.clinicId)
    .where('status', 'in', ['held', 'confirmed'])
    .where('end_ms', '>', o.nowMs)
    .where('assignments_json', 'like', `%${o.resourceId}%`)
    .orderBy('start_ms')
    .execute();
  return rows
    .filter((r) => (JSON.parse(r.assignments_json) as ReadonlyArray<{ resourceId?: string }>).some((a) => a.resourceId === o.resourceId))
    .map((r) => ({ id: r.id, startMs: Number(r.start_ms) }));
}

/** How many appointments the clinic has ever had (the walk-through's "first booking"). */
export async function countAppointments(db: Db, clinicId: string): Promise<number> {
  const r = await db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).where('clinic_id', '=', clinicId).executeTakeFirstOrThrow();
  return Number(r.n);
}
