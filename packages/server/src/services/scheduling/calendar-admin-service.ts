import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mimamori/core';
import {
  assertNoConfigIssues, validateBookingPolicy, validateClinicCalendar, validateResource, validateService,
  type BookingPolicy, type ClinicCalendar, type Resource, type Service,
} from '@mimamori/core/scheduling/index';
import { bumpSchedulingVersion, putResource, putService, saveCalendar, savePolicy, type Db } from '@mimamori/storage';
import { auditRequest } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { loadClinicScheduling, writeSchedulingTx, type ClinicScheduling, type SchedulingActor } from './scheduling-context.ts';

export function configView(cfg: ClinicScheduling) {
  return {
    calendar: cfg.calendar,
    policy: cfg.policy,
    clinicPhone: cfg.clinicPhone,
    clinicAddress: cfg.clinicAddress,
    services: cfg.services,
    resources: cfg.resources,
    version: cfg.version,
  };
}

export async function readConfig(deps: AppDeps, actor: SchedulingActor) {
  return configView(await loadClinicScheduling(deps, deps.db.db, actor.clinicId));
}

/** Validates with core, bumps the version (compare-and-swap), writes, audits — one transaction. */
async function edit(
  deps: AppDeps,
  req: FastifyRequest,
  actor: SchedulingActor,
  o: { version: number; action: string; resourceId?: string; write: (tx: Db, cfg: ClinicScheduling) => Promise<void> },
) {
  const now = deps.clock().toISOString();
  await writeSchedulingTx(deps, async (tx) => {
    const cfg = await loadClinicScheduling(deps, tx, actor.clinicId);
    if (!(await bumpSchedulingVersion(tx, { clinicId: actor.clinicId, expectedVersion: o.version, now, by: actor.staffId }))) throw new DomainError('conflict');
    await o.write(tx, cfg);
    await auditRequest(deps, tx, req, { action: o.action, resource: 'scheduling_config', resourceId: o.resourceId ?? actor.clinicId, clinicId: actor.clinicId });
  });
  return readConfig(deps, actor);
}

export function updateCalendar(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, body: Omit<ClinicCalendar, 'zone'> & { version: number }) {
  const { version, ...calendar } = body;
  return edit(deps, req, actor, {
    version,
    action: 'scheduling.calendar.update',
    write: async (tx, cfg) => {
      assertNoConfigIssues(validateClinicCalendar({ ...calendar, zone: cfg.zone }));
      await saveCalendar(tx, actor.clinicId, calendar);
    },
  });
}

export function updatePolicy(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, body: { policy: BookingPolicy; clinicPhone: string; clinicAddress: string | null; version: number }) {
  return edit(deps, req, actor, {
    version: body.version,
    action: 'scheduling.policy.update',
    write: async (tx) => {
      assertNoConfigIssues(validateBookingPolicy(body.policy));
      await savePolicy(tx, actor.clinicId, { policy: body.policy, clinicPhone: body.clinicPhone, clinicAddress: body.clinicAddress });
    },
  });
}

export function upsertService(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, id: string, body: { service: Service; version: number }) {
  if (body.service.id !== id) throw new DomainError('validation', { key: 'booking.service_id_mismatch', details: [{ path: 'service.id', message: 'booking.service_id_mismatch' }] });
  return edit(deps, req, actor, {
    version: body.version,
    action: 'scheduling.service.put',
    resourceId: id,
    write: async (tx) => {
      assertNoConfigIssues(validateService(body.service));
      await putService(tx, { clinicId: actor.clinicId, service: body.service, now: deps.clock().toISOString() });
    },
  });
}

export function upsertResource(deps: AppDeps, req: FastifyRequest, actor: SchedulingActor, id: string, body: { resource: Resource; version: number }) {
  if (body.resource.id !== id) throw new DomainError('validation', { key: 'booking.service_id_mismatch', details: [{ path: 'resource.id', message: 'booking.service_id_mismatch' }] });
  return edit(deps, req, actor, {
    version: body.version,
    action: 'scheduling.resource.put',
    resourceId: id,
    write: async (tx) => {
      assertNoConfigIssues(validateResource(body.resource));
      await putResource(tx, { clinicId: actor.clinicId, resource: body.resource, now: deps.clock().toISOString() });
    },
  });
}
