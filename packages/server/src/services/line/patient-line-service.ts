import type { PatientLineView } from './line-views.ts';
import { DomainError } from '@mimamori/core';
import { parseLinePreference, type LinePreference } from '@mimamori/core/line/index';
import { getLineChannel, getPatient, listLineLinks, setLineLinkPreference, unlinkPatientLine } from '@mimamori/storage';
import { audit, auditAlone } from '../../audit/audit.ts';
import { actorClinicId, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';


function mayAct(ctx: RequestContext, patientId: string): void {
  if (ctx.actor.kind === 'patient' && ctx.actor.patientId !== patientId) throw new DomainError('forbidden');
}

export async function patientLineView(ctx: RequestContext, input: { patientId: string }): Promise<PatientLineView> {
  const clinicId = actorClinicId(ctx);
  mayAct(ctx, input.patientId);
  const db = ctx.db.db;
  if (!(await getPatient(db, clinicId, input.patientId))) throw new DomainError('not_found');
  const [channel, links] = await Promise.all([getLineChannel(db, clinicId), listLineLinks(db, clinicId, input.patientId)]);
  await auditAlone(ctx, { action: 'line.status', resource: 'line_link', patientId: input.patientId });
  const link = links[0];
  return {
    available: channel?.enabled === 1 && Boolean(channel.bot_basic_id),
    linked: link?.status === 'active',
    asGuardian: link?.as_guardian === 1,
    status: link?.status ?? null,
    preference: parseLinePreference(link?.preference),
    linkedAt: link?.linked_at ?? null,
    changedAt: link?.changed_at ?? null,
    displayName: link?.status === 'active' ? link.display_name : null,
    links: links.map((l) => ({ asGuardian: l.as_guardian === 1, status: l.status, preference: l.preference, linkedAt: l.linked_at, changedAt: l.changed_at, displayName: l.display_name })),
  };
}

/** Sets which channels the patient's messages go by while LINE is linked. */
export async function setPatientLinePreference(ctx: RequestContext, input: { patientId: string; preference: LinePreference }): Promise<PatientLineView> {
  const clinicId = actorClinicId(ctx);
  mayAct(ctx, input.patientId);
  await writeTx(ctx, async (tx) => {
    const n = await setLineLinkPreference(tx, { clinicId, patientId: input.patientId, preference: input.preference, now: ctx.clock().toISOString() });
    if (n === 0) throw new DomainError('invalid_state', { key: 'line_not_linked' });
    await audit(ctx, tx, { action: 'line.preference', resource: 'line_link', patientId: input.patientId, detail: input.preference });
  });
  return patientLineView(ctx, input);
}

/** Ends the patient's LINE link (from the patient page or by staff): messages go by mail from now on. */
export async function unlinkPatientLineChannel(ctx: RequestContext, input: { patientId: string }): Promise<PatientLineView> {
  const clinicId = actorClinicId(ctx);
  mayAct(ctx, input.patientId);
  await writeTx(ctx, async (tx) => {
    const n = await unlinkPatientLine(tx, { clinicId, patientId: input.patientId, now: ctx.clock().toISOString() });
    if (n === 0) throw new DomainError('invalid_state', { key: 'line_not_linked' });
    await audit(ctx, tx, { action: 'line.unlink', resource: 'line_link', patientId: input.patientId });
  });
  return patientLineView(ctx, input);
}
