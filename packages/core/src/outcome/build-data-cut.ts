import type { ConcomitantMedication } from '../medication/concomitant-medication.ts';
import type { LabResult } from '../labs/lab-result.ts';
import type { AdverseEvent } from '../safety/adverse-event.ts';
import { mayExport, type ConsentState } from '../programs/consent-state.ts';
import { clinicDate } from '../time/index.ts';
import type { EnrolmentStatus } from '../programs/enrolment.ts';
import type { AssessmentVisit, ProgramDefinition } from '../programs/program-definition.ts';
import { sha256Hex } from '../programs/sha256.ts';
import { canonicalJson } from '../text/canonical-json.ts';
import { daysBetween } from '../time/local-date.ts';
import { instantToZoned } from '../time/instant-to-zoned.ts';
import { parseInstant } from '../time/parse-instant.ts';
import { isTimeZone } from '../time/time-zone.ts';
import type { DataCutFileName, ParticipantStatus } from './data-cut.ts';
import { recruitmentFlow, type RecruitmentApplicationState } from './recruitment-flow.ts';

/** One enrolment as the data cut needs it; identity fields never reach the files. */
export interface CutSourceEnrolment {
  readonly patientId: string;
  readonly status: EnrolmentStatus;
  readonly consent: ConsentState;
  /** Used only to compute the age band at enrolment. */
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly enrolmentDate: string | null;
  readonly createdAt: string;
}

export interface CutSource {
  readonly program: ProgramDefinition;
  readonly enrolments: ReadonlyArray<CutSourceEnrolment>;
  readonly sessions: ReadonlyArray<{ readonly patientId: string; readonly kind: string; readonly sessionNumber: number; readonly startedAt: string }>;
  readonly scores: ReadonlyArray<{ readonly patientId: string; readonly scaleId: string; readonly scaleVersion: string; readonly informant: string; readonly total: number | null; readonly scoredAt: string }>;
  readonly adverseEvents: ReadonlyArray<{ readonly patientId: string; readonly record: AdverseEvent }>;
  readonly medications: ReadonlyArray<ConcomitantMedication>;
  readonly labs: ReadonlyArray<LabResult>;
  /** The keyed pseudonym of a patient in this program (HMAC under the clinic's key, computed by the caller). */
  readonly studyIdOf: (patientId: string) => string;
  readonly zone: string;
  /** The moment of the cut (an instant): visits due after it are not yet missing. */
  readonly cutAt: string;
  /** The analysis plan object; a draft is derived from the program when there is none. */
  readonly plan: unknown | null;
  readonly mimamoriVersion: string;
  /**
   * SHA-256 (hex) of a UTF-8 text, for the manifest; the core's own by default. A caller on a
   * platform with a native implementation passes it (the same digest, faster on large cuts).
   */
  readonly sha256?: (text: string) => string;
  /**
   * The applications sent from the program's recruitment page (status, and whether a screening
   * visit was named on it): only their counts reach the manifest (`recruitment`). Left out or
   * empty: the manifest carries no recruitment stages.
   */
  readonly applications?: ReadonlyArray<RecruitmentApplicationState>;
}

const STATUS: Readonly<Record<EnrolmentStatus, ParticipantStatus>> = {
  screening: 'screening', eligible: 'screening', ineligible: 'screen_failed', consented: 'consented', enrolled: 'consented',
  active: 'ongoing', dosing_stopped: 'ongoing', completed: 'completed', withdrawn: 'withdrawn', lost_to_follow_up: 'lost',
};

function csv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (c: string | number | null) => {
    if (c === null) return '';
    const s = String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

function ageBand(birthDate: string | null, on: string | null): string | null {
  if (!birthDate || !on) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  const lo = Math.floor(age / 10) * 10;
  return age < 18 ? 'under-18' : `${lo}-${lo + 9}`;
}

/**
 * The draft plan when none is stored: the first scale of the pre-treatment baseline, at the first
 * visit from week 8 (else the last), and the per-protocol definition from the program's course.
 */
export function draftPlanFor(program: ProgramDefinition): Record<string, unknown> {
  const base = program.assessments.find((a) => a.baseline === 'pre_treatment');
  const scale = base?.scales[0] ?? program.assessments.flatMap((a) => a.scales)[0] ?? 'phq9';
  const post = program.assessments.filter((a) => a.anchor === 'first_session' && !a.baseline && a.scales.includes(scale));
  const primaryVisit = [...post].sort((a, b) => a.dayOffset - b.dayOffset).find((a) => a.dayOffset >= 56) ?? post[post.length - 1];
  // per protocol: the program's course (windows only for a fixed interval; daily TMS has none)
  const s = program.sessions;
  const perProtocol = s.spacing === 'fixed_interval'
    ? { doses: s.count, intervalDays: s.intervalDays, windowBeforeDays: s.windowBeforeDays, windowAfterDays: s.windowAfterDays }
    : { doses: s.count };
  return { version: 1, lockedAt: null, primary: { scale, visit: primaryVisit?.id ?? 'week8' }, visits: [...post].sort((a, b) => a.dayOffset - b.dayOffset).map((a) => a.id), perProtocol };
}

/**
 * The files of a program's data cut (docs/outcome-report.md), computed purely from the program's
 * records: study ids from `studyIdOf`, days counted from each participant's first dose, dates,
 * names and free text left behind. Consent decides per participant (`mayExport` for the program's
 * own analysis): withdrawn with "do not use my data" → left out and only counted; withdrawn with
 * "keep" → data up to the withdrawal date; not yet consented → a participants row (status only).
 *
 * @example
 * const { files, excludedNoDataUse } = buildDataCut(source);
 * files['outcomes.csv']; // 'study_id,visit,day,nominal_day,in_window,scale,informant,total\n…'
 */
export function buildDataCut(src: CutSource): { readonly files: Record<DataCutFileName, string>; readonly excludedNoDataUse: number } {
  const zone = src.zone;
  const hash = src.sha256 ?? sha256Hex;
  // A large cut converts hundreds of thousands of instants and dates: each once, from a cache.
  const dates = new Map<string, string>();
  const dateOf = (instant: string): string => {
    let d = dates.get(instant);
    if (d === undefined) { d = clinicDate(instant, zone); dates.set(instant, d); }
    return d;
  };
  const EPOCH = '1970-01-01';
  const epochDays = new Map<string, number>();
  const epochDay = (date: string): number => {
    let n = epochDays.get(date);
    if (n === undefined) { n = daysBetween(EPOCH, date); epochDays.set(date, n); }
    return n;
  };
  const cutDate = clinicDate(src.cutAt, zone);
  const visits = src.program.assessments;
  const screeningVisit = visits.find((v) => v.baseline === 'screening');
  const baselineVisit = visits.find((v) => v.baseline === 'pre_treatment');
  const post = visits.filter((v) => v.anchor === 'first_session' && !v.baseline).sort((a, b) => a.dayOffset - b.dayOffset);
  const visitName = (v: AssessmentVisit) => (v === screeningVisit ? 'screening' : v === baselineVisit ? 'baseline' : v.id);
  const participants: Array<Array<string | number | null>> = [];
  const outcomes: Array<Array<string | number | null>> = [];
  const aes: Array<Array<string | number | null>> = [];
  const meds: Array<Array<string | number | null>> = [];
  const labs: Array<Array<string | number | null>> = [];
  const exposures: Array<Array<string | number | null>> = [];
  let excludedNoDataUse = 0;
  const scaleVersions: Record<string, string> = {};
  const byPatient = <T extends { patientId: string }>(xs: ReadonlyArray<T>) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const list = m.get(x.patientId);
      if (list) list.push(x); else m.set(x.patientId, [x]);
    }
    return m;
  };
  const sessionsOf = byPatient(src.sessions);
  const scoresOf = byPatient(src.scores);
  const aesOf = byPatient(src.adverseEvents);
  const medsOf = byPatient(src.medications);
  const labsOf = byPatient(src.labs);

  for (const e of src.enrolments) {
    const status = STATUS[e.status];
    const consentGiven = e.consent.status !== 'not_given';
    if (consentGiven && !mayExport(e.consent, 'program_analysis')) { excludedNoDataUse++; continue; }
    const id = src.studyIdOf(e.patientId);
    const keep = (date: string) => mayExport(e.consent, 'program_analysis', { collectedOn: date }) && date <= cutDate;
    const sessions = consentGiven ? (sessionsOf.get(e.patientId) ?? []).filter((s) => keep(dateOf(s.startedAt))).sort((a, b) => a.startedAt.localeCompare(b.startedAt)) : [];
    const firstDose = sessions.length ? dateOf(sessions[0].startedAt) : null;
    const declined = e.status === 'withdrawn' && !consentGiven;
    const pStatus: ParticipantStatus = declined ? 'declined' : status === 'consented' && firstDose ? 'ongoing' : status;
    const dosed = firstDose !== null;
    participants.push([id, pStatus, dosed ? 1 : 0, pStatus === 'completed' ? 1 : 0, pStatus === 'screen_failed' ? 'ineligible' : null,
      consentGiven ? ageBand(e.birthDate, e.enrolmentDate ?? dateOf(e.createdAt)) : null, consentGiven ? e.sex : null, sessions.length]);
    if (!consentGiven || !firstDose) continue;
    const firstDay = epochDay(firstDose);
    const day = (date: string) => epochDay(date) - firstDay;
    sessions.forEach((s) => exposures.push([id, day(dateOf(s.startedAt)), s.kind, s.sessionNumber]));

    // Scores: baseline = the last before the first dose; screening = the one before that; each
    // later score goes to the nearest visit (the closest to its nominal day wins).
    for (const scale of new Set(visits.flatMap((v) => v.scales))) {
      const mine = (scoresOf.get(e.patientId) ?? []).filter((s) => s.scaleId === scale && s.total !== null && keep(dateOf(s.scoredAt))).sort((a, b) => a.scoredAt.localeCompare(b.scoredAt));
      for (const s of mine) scaleVersions[scale] = s.scaleVersion;
      const pre = mine.filter((s) => day(dateOf(s.scoredAt)) <= 0);
      const rows = new Map<string, { day: number | null; nominal: number | null; inWindow: boolean | null; informant: string; total: number | null; dist: number }>();
      const b = pre[pre.length - 1];
      const sc = pre[pre.length - 2];
      if (b && baselineVisit?.scales.includes(scale)) rows.set('baseline', { day: day(dateOf(b.scoredAt)), nominal: 0, inWindow: true, informant: b.informant, total: b.total, dist: 0 });
      if (sc && screeningVisit?.scales.includes(scale)) rows.set('screening', { day: day(dateOf(sc.scoredAt)), nominal: null, inWindow: true, informant: sc.informant, total: sc.total, dist: 0 });
      const candidates = post.filter((v) => v.scales.includes(scale));
      for (const s of mine.filter((x) => day(dateOf(x.scoredAt)) > 0)) {
        const d = day(dateOf(s.scoredAt));
        const v = [...candidates].sort((x, y) => Math.abs(d - x.dayOffset) - Math.abs(d - y.dayOffset))[0];
        if (!v) continue;
        const dist = Math.abs(d - v.dayOffset);
        const prev = rows.get(v.id);
        if (prev && prev.dist <= dist) continue;
        rows.set(v.id, { day: d, nominal: v.dayOffset, inWindow: d >= v.dayOffset - v.windowBeforeDays && d <= v.dayOffset + v.windowAfterDays, informant: s.informant, total: s.total, dist });
      }
      // a visit whose window closed before the cut (or the withdrawal) without an answer is missing
      const last = e.consent.status === 'withdrawn' ? e.consent.withdrawnOn : cutDate;
      for (const v of candidates) if (!rows.has(v.id) && day(last) > v.dayOffset + v.windowAfterDays) rows.set(v.id, { day: null, nominal: v.dayOffset, inWindow: null, informant: 'self', total: null, dist: 0 });
      for (const v of [screeningVisit, baselineVisit, ...candidates]) {
        if (!v) continue;
        const r = rows.get(visitName(v));
        if (r) outcomes.push([id, visitName(v), r.day, r.nominal, r.inWindow === null ? null : r.inWindow ? 1 : 0, scale, r.informant, r.total]);
      }
    }
    for (const { record: a } of aesOf.get(e.patientId) ?? []) {
      if (!keep(a.onsetDate)) continue;
      aes.push([id, day(a.onsetDate), a.meddraCode ?? a.term, a.grade, a.seriousness.length ? 1 : 0, a.relatedness, a.sessionNumber ?? null]);
    }
    for (const m of medsOf.get(e.patientId) ?? []) {
      const changed = m.changes.some((c) => c.date >= firstDose && keep(c.date)) || (m.startDate !== undefined && m.startDate > firstDose);
      meds.push([id, m.genericName, m.dose, m.unit, m.startDate ? day(m.startDate) : null, m.stopDate && keep(m.stopDate) ? day(m.stopDate) : null, changed ? 1 : 0]);
    }
    for (const l of labsOf.get(e.patientId) ?? []) {
      const date = dateOf(l.collectedAt);
      if (!keep(date)) continue;
      const d = day(date);
      const visit = l.visitId ? (l.visitId === baselineVisit?.id ? 'baseline' : l.visitId === screeningVisit?.id ? 'screening' : l.visitId) : d <= 0 ? 'baseline' : null;
      labs.push([id, l.analyte, l.sampleType, l.canonicalValue, l.canonicalUnit, d, visit, localTime(l.collectedAt, zone)]);
    }
  }
  const sortRows = (rows: Array<Array<string | number | null>>) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const files: Record<string, string> = {
    'participants.csv': csv(['study_id', 'status', 'dosed', 'completed', 'reason', 'age_band', 'sex', 'doses'], sortRows(participants)),
    'outcomes.csv': csv(['study_id', 'visit', 'day', 'nominal_day', 'in_window', 'scale', 'informant', 'total'], sortRows(outcomes)),
    'adverse_events.csv': csv(['study_id', 'day', 'term', 'grade', 'serious', 'related', 'session_number'], sortRows(aes)),
    'medications.csv': csv(['study_id', 'generic_name', 'dose_per_day', 'unit', 'start_day', 'stop_day', 'changed_during_program'], sortRows(meds)),
    'labs.csv': csv(['study_id', 'analyte', 'sample_type', 'value', 'unit', 'day', 'visit', 'time'], sortRows(labs)),
    'exposures.csv': csv(['study_id', 'day', 'kind', 'dose_number'], sortRows(exposures)),
  };
  files['codebook.csv'] = csv(['file', 'column', 'type', 'description'], CODEBOOK);
  const plan = src.plan ?? draftPlanFor(src.program);
  files['plan.json'] = `${JSON.stringify(plan, null, 2)}\n`;
  const planSha256 = hash(canonicalJson(plan));
  files['manifest.json'] = `${JSON.stringify({
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, hash(text)])),
    planSha256,
    program: { id: src.program.id, version: src.program.version },
    scales: scaleVersions,
    mimamoriVersion: src.mimamoriVersion,
    cutAt: src.cutAt,
    excludedNoDataUse,
    planLockedBeforeFirstEnrolment: lockedBeforeFirstEnrolment(plan, src.enrolments),
    ...(src.applications && src.applications.length > 0 ? { recruitment: recruitmentFlow(src.applications) } : {}),
  }, null, 2)}\n`;
  return { files: files as Record<DataCutFileName, string>, excludedNoDataUse };
}

/** `HH:MM` in the zone, by the time module (an `Intl.DateTimeFormat` per row made large cuts slow). */
function localTime(instant: string, zone: string): string | null {
  return isTimeZone(zone) ? instantToZoned(parseInstant(instant), zone).time : null;
}

const CODEBOOK: ReadonlyArray<ReadonlyArray<string>> = [
  ['participants.csv', 'study_id', 'text', 'pseudonymous id, per program (HMAC under the clinic key)'],
  ['participants.csv', 'status', 'code', 'screening, screen_failed, declined, consented, ongoing, completed, withdrawn, lost'],
  ['participants.csv', 'dosed', '0/1', 'received at least one dose'],
  ['participants.csv', 'completed', '0/1', 'completed the program'],
  ['participants.csv', 'reason', 'code', 'coded reason for the status'],
  ['participants.csv', 'age_band', 'code', 'ten-year age band at enrolment'],
  ['participants.csv', 'sex', 'code', 'sex as recorded'],
  ['participants.csv', 'doses', 'integer', 'doses received'],
  ['outcomes.csv', 'visit', 'code', 'screening, baseline (pre-treatment) or the program visit id'],
  ['outcomes.csv', 'day', 'integer', 'day of the answer, from the first dose (day 0)'],
  ['outcomes.csv', 'nominal_day', 'integer', 'day the visit was due'],
  ['outcomes.csv', 'in_window', '0/1', 'answered inside the visit window'],
  ['outcomes.csv', 'scale', 'code', 'scale id'],
  ['outcomes.csv', 'informant', 'code', 'who answered'],
  ['outcomes.csv', 'total', 'number', 'total score; empty when due and not answered'],
  ['adverse_events.csv', 'term', 'code', 'MedDRA code or the recorded CTCAE/MedDRA term'],
  ['adverse_events.csv', 'grade', 'integer', 'CTCAE grade 1-5'],
  ['adverse_events.csv', 'serious', '0/1', 'meets an ICH E2A seriousness criterion'],
  ['adverse_events.csv', 'related', 'code', 'not_related, unlikely, possible, probable, definite'],
  ['medications.csv', 'changed_during_program', '0/1', 'started or changed after the first dose'],
  ['labs.csv', 'value', 'number', 'value in the canonical unit'],
  ['labs.csv', 'time', 'HH:MM', 'local time of collection'],
  ['exposures.csv', 'kind', 'code', 'infusion or TMS session'],
];

/** Whether a locked plan's lock time precedes every enrolment (null for a draft or no enrolments). */
function lockedBeforeFirstEnrolment(plan: unknown, enrolments: ReadonlyArray<CutSourceEnrolment>): boolean | null {
  const lockedAt = (plan as { lockedAt?: unknown } | null)?.lockedAt;
  const dates = enrolments.map((e) => e.enrolmentDate).filter((d): d is string => d !== null).sort();
  if (typeof lockedAt !== 'string' || dates.length === 0) return null;
  // enrolment dates are clinic dates; compare the lock's UTC date conservatively (a lock on the
  // same day as the first enrolment does not count as before it)
  return lockedAt.slice(0, 10) < dates[0];
}
