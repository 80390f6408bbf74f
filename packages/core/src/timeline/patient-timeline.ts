import type { LabResult } from '../labs/lab-result.ts';
import type { ConcomitantMedication } from '../medication/concomitant-medication.ts';
import type { CoIntervention } from '../medication/co-intervention.ts';
import type { AdverseEvent } from '../safety/adverse-event.ts';
import { isSerious } from '../safety/adverse-event.ts';
import type { InfusionRecord } from '../treatment/infusion-record.ts';
import type { TmsRecord } from '../treatment/tms-record.ts';
import { clinicDate } from '../time/index.ts';
import type { Enrolment } from '../programs/enrolment.ts';

/** A scale result as the timeline needs it (the scales module owns the full type). */
export type TimelineScore = {
  readonly id: string;
  readonly scaleId: string;
  readonly total: number;
  readonly completedAt: string;
};

export type TimelineKind = 'enrolment' | 'score' | 'session' | 'adverse_event' | 'medication' | 'co_intervention' | 'lab';

/**
 * One point on the patient's time axis. `date` is the clinic-zone date every entry has; `at` the
 * instant when one is known (AEs and medicine changes are dated by day only). `event` says what
 * happened; `values` carry what the view shows, never more than the caller passed in.
 */
export type TimelineEntry = {
  readonly date: string;
  readonly at?: string;
  readonly kind: TimelineKind;
  readonly refId: string;
  readonly event: string;
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
};

export type PatientTimelineInput = {
  readonly zone: string;
  readonly enrolment?: Enrolment;
  readonly scores?: ReadonlyArray<TimelineScore>;
  readonly sessions?: ReadonlyArray<InfusionRecord | TmsRecord>;
  readonly adverseEvents?: ReadonlyArray<AdverseEvent>;
  readonly medications?: ReadonlyArray<ConcomitantMedication>;
  readonly labs?: ReadonlyArray<LabResult>;
  readonly coInterventions?: ReadonlyArray<CoIntervention>;
};

const ORDER: Readonly<Record<TimelineKind, number>> = { enrolment: 0, session: 1, score: 2, lab: 3, medication: 4, co_intervention: 5, adverse_event: 6 };

/**
 * Merges scores, treatment sessions, adverse events, medicine changes and lab results into one
 * time-ordered list for the doctor's timeline view (dates in the clinic zone; within a day, timed
 * entries by time, then by kind).
 *
 * @example
 * buildPatientTimeline({ zone: 'Asia/Tokyo', scores, sessions, adverseEvents, medications, labs })
 *   .map((e) => `${e.date} ${e.kind} ${e.event}`);
 */
export function buildPatientTimeline(input: PatientTimelineInput): ReadonlyArray<TimelineEntry> {
  const { zone } = input;
  const out: TimelineEntry[] = [];
  for (const h of input.enrolment?.history ?? []) {
    out.push({
      date: clinicDate(h.at, zone),
      at: h.at,
      kind: 'enrolment',
      refId: input.enrolment!.id,
      event: h.to,
      values: { from: h.from, reason: h.reason ?? null },
    });
  }
  for (const s of input.scores ?? []) {
    out.push({
      date: clinicDate(s.completedAt, zone),
      at: s.completedAt,
      kind: 'score',
      refId: s.id,
      event: s.scaleId,
      values: { total: s.total },
    });
  }
  for (const s of input.sessions ?? []) {
    out.push({
      date: clinicDate(s.startedAt, zone),
      at: s.startedAt,
      kind: 'session',
      refId: s.id,
      event: s.kind,
      values:
        s.kind === 'infusion'
          ? { sessionNumber: s.sessionNumber, product: s.product, lot: s.lot, volumeMl: s.volumeMl ?? null }
          : { sessionNumber: s.sessionNumber, protocol: s.protocol, pulses: s.pulses, intensityPercentMt: s.intensityPercentMt },
    });
  }
  for (const ae of input.adverseEvents ?? []) {
    const values = { term: ae.term, grade: ae.grade, serious: isSerious(ae), outcome: ae.outcome };
    out.push({ date: ae.onsetDate, kind: 'adverse_event', refId: ae.id, event: 'onset', values });
    if (ae.endDate) out.push({ date: ae.endDate, kind: 'adverse_event', refId: ae.id, event: 'end', values });
  }
  for (const m of input.medications ?? []) {
    const base = { genericName: m.genericName };
    if (m.startDate) {
      out.push({
        date: m.startDate,
        kind: 'medication',
        refId: m.id,
        event: 'started',
        values: { ...base, dose: m.dose, unit: m.unit, frequency: m.frequency },
      });
    }
    for (const c of m.changes) {
      out.push({
        date: c.date,
        kind: 'medication',
        refId: m.id,
        event: 'changed',
        values: { ...base, dose: c.dose ?? null, unit: c.unit ?? null, frequency: c.frequency ?? null },
      });
    }
    if (m.stopDate) out.push({ date: m.stopDate, kind: 'medication', refId: m.id, event: 'stopped', values: base });
  }
  for (const c of input.coInterventions ?? []) {
    const values = { coKind: c.kind, description: c.description ?? null, provider: c.provider ?? null };
    out.push({ date: c.startDate, kind: 'co_intervention', refId: c.id, event: 'started', values });
    if (c.stopDate) out.push({ date: c.stopDate, kind: 'co_intervention', refId: c.id, event: 'stopped', values });
  }
  (input.labs ?? []).forEach((l, i) =>
    out.push({
      date: clinicDate(l.collectedAt, zone),
      at: l.collectedAt,
      kind: 'lab',
      refId: `${l.patientId}:${l.analyte}:${l.collectedAt}:${i}`,
      event: l.analyte,
      values: { value: l.canonicalValue, unit: l.canonicalUnit, comparator: l.comparator ?? null, sampleType: l.sampleType },
    }),
  );
  const ms = (e: TimelineEntry): number => (e.at === undefined ? Number.POSITIVE_INFINITY : Date.parse(e.at));
  return Object.freeze(out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ms(a) - ms(b) || ORDER[a.kind] - ORDER[b.kind])));
}
