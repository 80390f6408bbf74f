import { createHash } from 'node:crypto';
import type { BookingActor } from './scheduling-context.ts';

/** Scopes an Idempotency-Key to who sent it, so two users' keys never meet. */
export function scopedKey(actor: BookingActor, key: string): string {
  return `${actor.kind === 'staff' ? actor.staffId : `p:${actor.patientId}`}:${key}`;
}

/** The hash of a request's operation and body, stored beside its key to tell a retry from a reuse. */
export function requestHash(op: string, body: unknown): string {
  return createHash('sha256').update(JSON.stringify([op, body])).digest('hex');
}
