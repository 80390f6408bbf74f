import { DomainError } from '@mimamori/core';
import { findAppointmentByIdempotencyKey, lockIdempotencyKey, type AppointmentRow, type Db } from '@mimamori/storage';
import type { RequestContext } from '../../request-context.ts';
import type { AppointmentView } from './appointment-view.ts';
import { requestHash, scopedKey } from './idempotency.ts';
import { insertBooking, type BookInput } from './insert-booking.ts';
import { bookingActor, loadClinicScheduling, writeSchedulingTx, type BookingActor } from './scheduling-context.ts';
import { viewAppointment } from './view-appointment.ts';

/** The booking stored earlier under this key, if any; another body under the same key is a 409. */
async function replay(db: Db, o: { readonly actor: BookingActor; readonly key: string; readonly hash: string }): Promise<AppointmentRow | undefined> {
  const existing = await findAppointmentByIdempotencyKey(db, o.actor.clinicId, o.key);
  if (!existing) return undefined;
  if (existing.request_hash !== o.hash) throw new DomainError('conflict', { key: 'booking.idempotency_mismatch' });
  return existing;
}

/**
 * Books (or holds) one appointment, for staff or for the patient of an `appointments` session
 * (who may book only for themselves). With an idempotency key, the same key and body return the
 * booking made the first time (`created: false`); a different body is a 409.
 */
export async function bookAppointment(ctx: RequestContext, input: BookInput, idempotencyKey?: string): Promise<{ appointment: AppointmentView; created: boolean }> {
  const actor = bookingActor(ctx);
  if (actor.kind === 'patient' && input.patientId !== actor.patientId) throw new DomainError('forbidden');
  const key = idempotencyKey ? scopedKey(actor, idempotencyKey) : null;
  const hash = key ? requestHash('book', input) : null;
  if (key && hash) {
    const prior = await replay(ctx.db.db, { actor, key, hash });
    if (prior) return { appointment: await viewAppointment(ctx, { actor, row: prior }), created: false };
  }
  const nowMs = ctx.clock().getTime();
  const { row, cfg, created } = await writeSchedulingTx(ctx, async (tx) => {
    if (key && hash) {
      // A copy of this request still running finishes first; then its booking is the answer.
      await lockIdempotencyKey(tx, { clinicId: actor.clinicId, key });
      const prior = await replay(tx, { actor, key, hash });
      if (prior) return { row: prior, cfg: undefined, created: false };
    }
    const cfg = await loadClinicScheduling(ctx, tx, actor.clinicId);
    return { row: await insertBooking(ctx, tx, { cfg, actor, input, idempotencyKey: key, hash, nowMs, mail: true }), cfg, created: true };
  });
  return { appointment: await viewAppointment(ctx, { actor, row, ...(cfg ? { cfg } : {}) }), created };
}
