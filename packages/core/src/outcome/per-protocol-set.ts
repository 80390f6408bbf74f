import type { PerProtocolDefinition } from './analysis-plan.ts';
import type { CutExposure, CutOutcome, CutParticipant } from './data-cut.ts';

/** Why a dosed participant is not per protocol (the first reason that applies). */
export type PerProtocolExclusion = 'fewer_doses' | 'dose_out_of_window' | 'primary_visit_missing' | 'primary_visit_out_of_window';

export interface PerProtocolSet {
  /** The definition applied; `source` says whether it came from the plan or was derived from the data. */
  readonly definition: PerProtocolDefinition & { readonly doses: number; readonly source: 'plan' | 'derived' };
  /** Study ids of the per-protocol participants, in the order of participants.csv. */
  readonly ids: ReadonlyArray<string>;
  /** Dosed participants left out, by reason. */
  readonly excluded: Readonly<Record<PerProtocolExclusion, number>>;
}

/**
 * The per-protocol population among the dosed: participants who received the planned number of
 * doses (each inside its window when the plan gives a dosing interval) and answered the primary
 * scale at the primary visit inside the visit's window. Without a definition in the plan, the
 * planned number of doses is taken as the most doses any dosed participant received, without a
 * window check (`source: 'derived'`, which the report states).
 *
 * @example
 * perProtocolSet({ participants, exposures, primary, definition: { doses: 4, intervalDays: 14, windowBeforeDays: 2, windowAfterDays: 2 } }).ids;
 */
export function perProtocolSet(input: {
  readonly participants: ReadonlyArray<CutParticipant>;
  readonly exposures: ReadonlyArray<CutExposure>;
  /** Rows of the primary scale at the primary visit (one per participant: the first wins). */
  readonly primary: ReadonlyArray<CutOutcome>;
  readonly definition: PerProtocolDefinition | null;
}): PerProtocolSet {
  const dosed = input.participants.filter((p) => p.dosed);
  const doseDays = new Map<string, number[]>();
  for (const e of input.exposures) {
    const l = doseDays.get(e.studyId) ?? [];
    l.push(e.day);
    doseDays.set(e.studyId, l);
  }
  const received = (p: CutParticipant) => p.doses ?? doseDays.get(p.studyId)?.length ?? 0;
  const planned = input.definition?.doses ?? Math.max(0, ...dosed.map(received));
  const def = {
    doses: planned,
    intervalDays: input.definition?.intervalDays ?? null,
    windowBeforeDays: input.definition?.windowBeforeDays ?? 0,
    windowAfterDays: input.definition?.windowAfterDays ?? 0,
    source: input.definition?.doses ? ('plan' as const) : ('derived' as const),
  };
  const primary = new Map<string, CutOutcome>();
  for (const o of input.primary) if (!primary.has(o.studyId)) primary.set(o.studyId, o);
  const excluded: Record<PerProtocolExclusion, number> = { fewer_doses: 0, dose_out_of_window: 0, primary_visit_missing: 0, primary_visit_out_of_window: 0 };
  const ids: string[] = [];
  for (const p of dosed) {
    const reason = ((): PerProtocolExclusion | null => {
      if (received(p) < planned) return 'fewer_doses';
      if (def.intervalDays !== null) {
        const days = [...(doseDays.get(p.studyId) ?? [])].sort((a, b) => a - b).slice(0, planned);
        if (days.length < planned) return 'fewer_doses';
        const late = days.some((d, k) => d < k * def.intervalDays! - def.windowBeforeDays || d > k * def.intervalDays! + def.windowAfterDays);
        if (late) return 'dose_out_of_window';
      }
      const o = primary.get(p.studyId);
      if (!o || o.total === null) return 'primary_visit_missing';
      if (o.inWindow === false) return 'primary_visit_out_of_window';
      return null;
    })();
    if (reason) excluded[reason]++;
    else ids.push(p.studyId);
  }
  return { definition: def, ids, excluded };
}
