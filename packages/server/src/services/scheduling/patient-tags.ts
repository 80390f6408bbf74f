import type { Service } from '@mimamori/core/scheduling/index';
import type { Db } from '@mimamori/storage';
import { appState } from '../../app-state.ts';
import type { AppDeps } from '../../context.ts';
import type { BookingActor } from './scheduling-context.ts';

/** The program tags a patient carries, from the app's tag source (`app-state.ts`). */
export function patientTagsOf(deps: AppDeps, o: { readonly clinicId: string; readonly patientId: string }): Promise<ReadonlyArray<string>> {
  return appState(deps).scheduling.patientTags(deps.db.db, o.clinicId, o.patientId);
}

/**
 * The tags a booking of `service` is checked against, read in the booking's transaction. Staff
 * decide program membership at the desk: their booking of a program service counts as it.
 */
export async function bookingTags(deps: AppDeps, tx: Db, o: { readonly actor: BookingActor; readonly service: Service; readonly patientId: string }): Promise<ReadonlyArray<string>> {
  const { actor, service } = o;
  const tags = await appState(deps).scheduling.patientTags(tx, actor.clinicId, o.patientId);
  if (actor.kind === 'staff' && service.eligibilityTag) return [...tags, service.eligibilityTag];
  return tags;
}
