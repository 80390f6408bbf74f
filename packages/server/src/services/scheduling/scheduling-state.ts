import type { Db, SchedulingConfig } from '@mimamori/storage';
import { answersCache, createCacheGroup, type CachedBody, type MomentCache } from './availability-cache.ts';

/** A clinic's scheduling configuration with the clinic's name and zone. */
export interface ClinicScheduling extends SchedulingConfig {
  readonly clinicName: string;
  readonly zone: string;
}

/** Where a patient's program tags come from (e.g. `program:tms`); the programs feature provides it. */
export type PatientTagSource = (db: Db, clinicId: string, patientId: string) => Promise<ReadonlyArray<string>>;

/**
 * What the scheduling feature keeps between requests. Each app has its own (`createApp` makes it,
 * `app-state.ts`), so two apps in one process share no cached answer and no tag source.
 */
export interface SchedulingState {
  /** Availability answers as sent (`availability-cache.ts`). */
  readonly answers: (key: string, nowMs: number, compute: () => Promise<unknown>) => Promise<CachedBody>;
  /** Clinic configurations for availability reads (`loadClinicSchedulingForRead`). */
  readonly configs: MomentCache<ClinicScheduling>;
  /** Empties both: called after every committed scheduling write. */
  readonly invalidate: () => void;
  /** The program tags a patient carries (for services with an `eligibilityTag`); none without the programs feature. */
  readonly patientTags: PatientTagSource;
}

export function createSchedulingState(o: { readonly patientTags?: PatientTagSource } = {}): SchedulingState {
  const group = createCacheGroup();
  return {
    answers: answersCache(group),
    configs: group.cache<ClinicScheduling>(64),
    invalidate: group.invalidate,
    patientTags: o.patientTags ?? (async () => []),
  };
}
