import { z } from 'zod';
import { DomainError } from '@mimamori/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEtag, type CachedBody } from '../../services/scheduling/availability-cache.ts';
import { acceptsGzip } from '../../http/accepts-gzip.ts';
import { dateSchema, idSchema, text } from '../schemas.ts';

/** An ISO instant; core's parser checks the offset and the calendar (key `instant_invalid`). */
export const instantSchema = z.string().min(10).max(40);
export const localTimeSchema = z.string().regex(/^\d{2}:\d{2}$/, { message: 'time_invalid' });
export const resourceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'invalid_type' });
export { dateSchema, idSchema };

const session = z.strictObject({ start: localTimeSchema, end: localTimeSchema });
const sessions = z.array(session).max(6);
export const weeklyHoursSchema = z.strictObject({
  mon: sessions.optional(), tue: sessions.optional(), wed: sessions.optional(), thu: sessions.optional(),
  fri: sessions.optional(), sat: sessions.optional(), sun: sessions.optional(),
});
const closure = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dates'), from: dateSchema, to: dateSchema, reason: text(100) }),
  z.strictObject({ kind: z.literal('annual'), from: z.string().regex(/^\d{2}-\d{2}$/), to: z.string().regex(/^\d{2}-\d{2}$/), reason: text(100) }),
]);
const override = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('open'), date: dateSchema, sessions, reason: text(100).optional() }),
  z.strictObject({ kind: z.literal('close'), date: dateSchema, start: localTimeSchema.optional(), end: localTimeSchema.optional(), reason: text(100).optional() }),
]);
export const calendarBodySchema = z.strictObject({
  weeklyHours: weeklyHoursSchema,
  closedOnNationalHolidays: z.boolean(),
  closures: z.array(closure).max(200),
  overrides: z.array(override).max(2000),
  version: z.number().int().min(1),
  /** The admin's choice for the appointments the change closes, and the ids they reviewed. */
  closedAppointments: z.strictObject({ action: z.enum(['cancel', 'keep']), ids: z.array(idSchema).max(10_000) }).optional(),
});

const limits = z.strictObject({ minNoticeMinutes: z.number().int(), horizonDays: z.number().int() });
export const policySchema = z.strictObject({
  limits: z.strictObject({ patient: limits, staff: limits }),
  slotStepMinutes: z.number().int(),
  changeCutoff: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('day_before_at'), time: localTimeSchema, daysBefore: z.number().int().optional() }),
    z.strictObject({ kind: z.literal('hours_before'), hours: z.number() }),
  ]),
  holdMinutes: z.number().int(),
});

export const serviceSchema = z.strictObject({
  id: resourceIdSchema,
  name: text(60, { min: 1 }),
  nameEn: text(60, { min: 1 }),
  durationMinutes: z.number().int(),
  requires: z.array(z.strictObject({ role: text(40, { min: 1 }), count: z.number().int().optional() })).max(5),
  bufferBeforeMinutes: z.number().int().optional(),
  bufferAfterMinutes: z.number().int().optional(),
  channel: z.enum(['staff_only', 'patient_online']),
  eligibilityTag: text(60).optional(),
  slotStepMinutes: z.number().int().optional(),
  active: z.boolean().optional(),
  sendsIntake: z.boolean().optional(),
});

export const resourceSchema = z.strictObject({
  id: resourceIdSchema,
  name: text(60, { min: 1 }),
  roles: z.array(text(40, { min: 1 })).min(1).max(10),
  capacity: z.number().int().optional(),
  weeklyHours: weeklyHoursSchema.optional(),
  absences: z.array(z.strictObject({ from: dateSchema, to: dateSchema.optional(), start: localTimeSchema.optional(), end: localTimeSchema.optional(), reason: text(100).optional() })).max(500).optional(),
  active: z.boolean().optional(),
  staffId: idSchema.optional(),
});

export const seriesPatternSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weekly'), perWeek: z.number().int().min(1).max(7), weeks: z.number().int().min(1).max(52),
    weekdays: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).max(7).optional(), makeUp: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('interval'), everyDays: z.number().int().min(1).max(365), count: z.number().int().min(1).max(60), toleranceDays: z.number().int().min(0).max(14).optional() }),
]);

export const doubleBookSchema = z.strictObject({ reason: text(200, { min: 1 }), approvedBy: idSchema });
export const versionSchema = z.number().int().min(1);

const KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** The optional Idempotency-Key header, checked. */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v || !KEY.test(v)) throw new DomainError('validation', { issues: [{ path: 'Idempotency-Key', key: 'invalid_type' }] });
  return v;
}

/** The compact availability answer (core's `CompactAvailability`), for the OpenAPI document. */
export const availabilityResponseSchema = z.object({
  durationMinutes: z.number().int().describe('Length of the service; a slot ends this many minutes after its start.'),
  resourceSets: z.array(z.array(z.string())).describe('Resource ids referenced by the days\' `resources`; empty in answers to patients.'),
  days: z.array(z.object({
    date: z.string().describe('Clinic date YYYY-MM-DD.'),
    offset: z.string().describe('UTC offset of the day\'s times, e.g. +09:00; start = `${date}T${time}:00${offset}`.'),
    times: z.array(z.string()).describe('Free start times HH:MM; a time with another offset (daylight-saving day) carries it: 01:30-08:00.'),
    resources: z.union([z.number().int(), z.array(z.number().int())]).optional()
      .describe('Staff only: index in resourceSets for all times of the day, or one per time.'),
  })),
  closedDates: z.array(z.object({
    date: z.string(),
    reason: z.enum(['weekly', 'national_holiday', 'closure', 'override']),
    holidayName: z.string().optional(),
    holidayNameEn: z.string().optional(),
    closureReason: z.string().optional(),
  })),
  lastBookableDate: z.string(),
});

/**
 * Sends a cached availability answer with its entity tag, or `304 Not Modified` when the client
 * already has it. `no-cache`: the browser keeps it but asks again every time. A client that takes
 * gzip (every browser) gets the compressed bytes made when the answer was cached.
 */
export function sendCachedJson(req: FastifyRequest, reply: FastifyReply, cached: CachedBody): FastifyReply {
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const etag = gzip ? cached.gzipEtag : cached.etag;
  reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
  if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (gzip) reply.header('content-encoding', 'gzip');
  return reply.send(gzip ? cached.gzip : cached.body);
}
