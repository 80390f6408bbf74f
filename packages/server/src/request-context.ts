import { DomainError } from '@mimamori/core';
import type { Role } from '@mimamori/core';
import { appState, type AppState } from './app-state.ts';
import type { AppDeps } from './context.ts';
import { langOf, type Lang } from './i18n/lang.ts';

/** A signed-in staff member. */
export interface StaffActor {
  readonly kind: 'staff';
  readonly clinicId: string;
  readonly staffId: string;
  readonly role: Role;
  readonly displayName: string;
}

/** A patient (or guardian) in a patient-link session: one patient, one purpose. */
export interface PatientActor {
  readonly kind: 'patient';
  readonly clinicId: string;
  readonly patientId: string;
  /** e.g. `questionnaire`, `intake`, `appointments`. */
  readonly purpose: string;
  /** The one questionnaire / intake this session may open; null for `appointments`. */
  readonly resourceId: string | null;
}

/** A background job acting for a clinic (or for every clinic when `clinicId` is null). */
export interface SystemActor {
  readonly kind: 'system';
  readonly clinicId: string | null;
  /** What the job is (the audit trail records it as the request id `job:<job>`, role `system`). */
  readonly job: string;
}

/** Nobody signed in (a public route: login, setup, a link exchange). */
export interface AnonymousActor {
  readonly kind: 'anonymous';
  readonly clinicId: null;
}

/** Who is acting. The one actor type of the server. */
export type Actor = StaffActor | PatientActor | SystemActor | AnonymousActor;

/** Facts about the request (or job run) for the audit trail and the language of messages. */
export interface RequestMeta {
  readonly requestId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly lang: Lang;
}

/**
 * What a service needs to act: the app's dependencies, its state, who acts, and the request's
 * facts. Routes pass `contextOf(req)`; background jobs pass `systemContext(...)`, so there is one
 * audit path. A `RequestContext` is an `AppDeps`, so helpers that take deps take it as is.
 */
export interface RequestContext extends AppDeps {
  readonly state: AppState;
  readonly actor: Actor;
  readonly meta: RequestMeta;
}

/**
 * What `contextOf` reads of a request: a Fastify request after the auth hooks (`auth/auth-plugin.ts`)
 * has these. Named here rather than as `FastifyRequest`, so this module (and every service type the
 * web imports through `api-types.ts`) type-checks without the server's request augmentation.
 */
export interface ContextSource {
  readonly id: string;
  readonly ip?: string;
  readonly headers: { readonly 'user-agent'?: string; readonly 'accept-language'?: string };
  /** The staff session (`auth/staff-auth.ts`), as far as the actor needs it. */
  readonly staff: { readonly clinicId: string; readonly staffId: string; readonly role: Role; readonly displayName: string } | null;
  /** The patient-link session (`auth/patient-auth.ts`), likewise. */
  readonly patient: { readonly clinicId: string; readonly patientId: string; readonly purpose: string; readonly resourceId: string | null } | null;
}

const built = new WeakMap<ContextSource, { readonly staff: unknown; readonly patient: unknown; readonly ctx: RequestContext }>();

function actorOf(req: ContextSource): Actor {
  const s = req.staff;
  if (s) return { kind: 'staff', clinicId: s.clinicId, staffId: s.staffId, role: s.role, displayName: s.displayName };
  const p = req.patient;
  if (p) return { kind: 'patient', clinicId: p.clinicId, patientId: p.patientId, purpose: p.purpose, resourceId: p.resourceId };
  return { kind: 'anonymous', clinicId: null };
}

/**
 * The request's context, built once per request (and again only if the session changed during it,
 * e.g. after a sign-in). Needs the deps `createApp` made, which carry the app's state.
 */
export function contextOf(deps: AppDeps, req: ContextSource): RequestContext {
  const seen = built.get(req);
  if (seen && seen.staff === req.staff && seen.patient === req.patient) return seen.ctx;
  const ctx: RequestContext = {
    ...deps,
    state: appState(deps),
    actor: actorOf(req),
    meta: {
      requestId: req.id,
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      lang: langOf(req.headers['accept-language']),
    },
  };
  built.set(req, { staff: req.staff, patient: req.patient, ctx });
  return ctx;
}

/** The context of a background job: a system actor, Japanese messages, a request id naming the run. */
export function systemContext(deps: AppDeps, o: { readonly job: string; readonly clinicId?: string | null; readonly runId?: string }): RequestContext {
  return {
    ...deps,
    state: appState(deps),
    actor: { kind: 'system', clinicId: o.clinicId ?? null, job: o.job },
    meta: { requestId: o.runId ?? `job:${o.job}`, ip: null, userAgent: null, lang: 'ja' },
  };
}

/** The same context acting for another actor (e.g. a job acting for one clinic). */
export function withActor(ctx: RequestContext, actor: Actor): RequestContext {
  return { ...ctx, actor };
}

/** The signed-in staff member, or `unauthenticated`. */
export function requireStaff(ctx: RequestContext): StaffActor {
  if (ctx.actor.kind !== 'staff') throw new DomainError('unauthenticated');
  return ctx.actor;
}

/** The patient of this session (with the given purpose when named), or `forbidden`. */
export function requirePatient(ctx: RequestContext, purpose?: string): PatientActor {
  const a = ctx.actor;
  if (a.kind !== 'patient' || (purpose !== undefined && a.purpose !== purpose)) throw new DomainError('forbidden');
  return a;
}

/** The clinic the actor acts for, or `unauthenticated` when none. */
export function actorClinicId(ctx: RequestContext): string {
  const id = ctx.actor.clinicId;
  if (!id) throw new DomainError('unauthenticated');
  return id;
}

/** The actor's id and role as the audit trail writes them. */
export function auditActor(actor: Actor): { readonly actorId: string | null; readonly actorRole: string | null } {
  switch (actor.kind) {
    case 'staff': return { actorId: actor.staffId, actorRole: actor.role };
    case 'patient': return { actorId: null, actorRole: 'patient' };
    case 'system': return { actorId: null, actorRole: 'system' };
    case 'anonymous': return { actorId: null, actorRole: null };
  }
}
