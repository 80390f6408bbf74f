import type { AdverseEvent } from '../safety/adverse-event.ts';
import { isOpenAdverseEvent, isSerious } from '../safety/adverse-event.ts';
import type { SaeAlert } from '../safety/sae-alert.ts';
import type { AssessmentStatus, ItemStatus } from './assessment-status.ts';
import type { Enrolment, EnrolmentStatus } from './enrolment.ts';
import { ENROLMENT_STATUSES } from './enrolment.ts';
import type { ProgramDefinition } from './program-definition.ts';

/**
 * Pure calculators behind the program dashboard. Storage loads enrolments, schedule statuses
 * (`scheduleStatus`), adverse events and alerts; these functions count. Denominators are explicit
 * so the page can say "3 of 12", never a bare percentage.
 */

export type EnrolmentFunnel = {
  readonly total: number;
  /** Where each enrolment is now. */
  readonly current: Readonly<Record<EnrolmentStatus, number>>;
  /** How many ever reached each stage (a withdrawn patient who was active counts as reached active). */
  readonly reached: Readonly<Record<EnrolmentStatus, number>>;
  /** For withdrawn and lost patients: the stage they left from (the participant-flow diagram needs it). */
  readonly leftFrom: Readonly<Record<'withdrawn' | 'lost_to_follow_up', Readonly<Partial<Record<EnrolmentStatus, number>>>>>;
};

const zeroes = (): Record<EnrolmentStatus, number> =>
  Object.fromEntries(ENROLMENT_STATUSES.map((s) => [s, 0])) as Record<EnrolmentStatus, number>;

/**
 * Counts the enrolment funnel.
 *
 * @example
 * enrolmentFunnel(enrolments).reached.enrolled; // patients who were ever enrolled
 */
export function enrolmentFunnel(enrolments: ReadonlyArray<Pick<Enrolment, 'status' | 'history'>>): EnrolmentFunnel {
  const current = zeroes();
  const reached = zeroes();
  const leftFrom: Record<'withdrawn' | 'lost_to_follow_up', Partial<Record<EnrolmentStatus, number>>> = {
    withdrawn: {},
    lost_to_follow_up: {},
  };
  for (const e of enrolments) {
    current[e.status]++;
    for (const s of new Set(e.history.map((h) => h.to))) reached[s]++;
    if (e.status === 'withdrawn' || e.status === 'lost_to_follow_up') {
      const from = e.history[e.history.length - 1]?.from;
      if (from) leftFrom[e.status][from] = (leftFrom[e.status][from] ?? 0) + 1;
    }
  }
  return Object.freeze({ total: enrolments.length, current, reached, leftFrom });
}

export type VisitProgress = { readonly visitId: string; readonly total: number } & Readonly<Record<AssessmentStatus, number>>;

const STATUSES: ReadonlyArray<AssessmentStatus> = ['upcoming', 'due', 'overdue', 'missed', 'on_track', 'out_of_window'];

/**
 * Assessment status counts per visit window across patients (on track / due / overdue / missed …),
 * in the program's visit order when the program is given.
 *
 * @example
 * assessmentProgress(allPatientsStatuses, EXOSOME_PROGRAM); // [{ visitId: 'screening', on_track: 12, … }, …]
 */
export function assessmentProgress(statuses: ReadonlyArray<ItemStatus>, program?: ProgramDefinition): ReadonlyArray<VisitProgress> {
  const rows = new Map<string, Record<string, number>>();
  for (const v of program?.assessments ?? []) rows.set(v.id, {});
  for (const s of statuses) {
    if (s.kind !== 'assessment' || s.visitId === undefined) continue;
    const row = rows.get(s.visitId) ?? {};
    row[s.status] = (row[s.status] ?? 0) + 1;
    rows.set(s.visitId, row);
  }
  return [...rows].map(([visitId, row]) => {
    const counts = Object.fromEntries(STATUSES.map((k) => [k, row[k] ?? 0])) as Record<AssessmentStatus, number>;
    return { visitId, total: STATUSES.reduce((a, k) => a + counts[k], 0), ...counts };
  });
}

export type Adherence = {
  readonly planned: number;
  /** Sessions whose window has opened by now. */
  readonly dueSoFar: number;
  readonly done: number;
  /** done / planned, `null` when nothing is planned. */
  readonly ofPlanned: number | null;
  /** done / dueSoFar, `null` before the first session is due. */
  readonly ofDueSoFar: number | null;
};

/**
 * Session adherence of one enrolment from its schedule statuses: sessions done (in or out of
 * window) over sessions planned, and over sessions due so far.
 *
 * @example
 * sessionAdherence(statuses); // { planned: 5, dueSoFar: 3, done: 2, ofPlanned: 0.4, ofDueSoFar: 0.667 }
 */
export function sessionAdherence(statuses: ReadonlyArray<ItemStatus>): Adherence {
  const sessions = statuses.filter((s) => s.kind === 'session');
  const done = sessions.filter((s) => s.status === 'on_track' || s.status === 'out_of_window').length;
  const dueSoFar = sessions.filter((s) => s.status !== 'upcoming').length;
  return {
    planned: sessions.length,
    dueSoFar,
    done,
    ofPlanned: sessions.length === 0 ? null : done / sessions.length,
    ofDueSoFar: dueSoFar === 0 ? null : done / dueSoFar,
  };
}

/**
 * Program-level adherence: pooled sessions done over planned, and how many patients completed every
 * planned session.
 *
 * @example
 * programAdherence([sessionAdherence(a), sessionAdherence(b)]); // { patients: 2, planned: 10, done: 8, pooled: 0.8, fullyAdherent: 1 }
 */
export function programAdherence(perPatient: ReadonlyArray<Adherence>): {
  readonly patients: number;
  readonly planned: number;
  readonly done: number;
  readonly pooled: number | null;
  readonly fullyAdherent: number;
} {
  const planned = perPatient.reduce((a, p) => a + p.planned, 0);
  const done = perPatient.reduce((a, p) => a + p.done, 0);
  return {
    patients: perPatient.length,
    planned,
    done,
    pooled: planned === 0 ? null : done / planned,
    fullyAdherent: perPatient.filter((p) => p.planned > 0 && p.done === p.planned).length,
  };
}

export type SafetySummary = {
  readonly adverseEvents: number;
  readonly patientsWithAdverseEvent: number;
  readonly openAdverseEvents: ReadonlyArray<string>;
  readonly seriousAdverseEvents: number;
  readonly openSeriousAdverseEvents: ReadonlyArray<string>;
  /** SAE alerts not yet reviewed by a doctor: they stay on the dashboard until reviewed. */
  readonly unreviewedAlerts: ReadonlyArray<SaeAlert>;
  readonly byGrade: Readonly<Record<1 | 2 | 3 | 4 | 5, number>>;
};

/**
 * Open adverse events, SAEs and unreviewed SAE alerts for the dashboard.
 *
 * @example
 * safetySummary(aes, alerts).unreviewedAlerts.length; // badge count
 */
export function safetySummary(aes: ReadonlyArray<AdverseEvent>, alerts: ReadonlyArray<SaeAlert>): SafetySummary {
  const byGrade = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const ae of aes) byGrade[ae.grade]++;
  return {
    adverseEvents: aes.length,
    patientsWithAdverseEvent: new Set(aes.map((a) => a.enrolmentId)).size,
    openAdverseEvents: aes.filter(isOpenAdverseEvent).map((a) => a.id),
    seriousAdverseEvents: aes.filter(isSerious).length,
    openSeriousAdverseEvents: aes.filter((a) => isSerious(a) && isOpenAdverseEvent(a)).map((a) => a.id),
    unreviewedAlerts: alerts.filter((a) => a.review === undefined),
    byGrade,
  };
}
