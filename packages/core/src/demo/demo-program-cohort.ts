import type { ProgramDefinition } from '../programs/program-definition.ts';
import { proposeSchedule, type ScheduledItem } from '../programs/propose-schedule.ts';
import { addDays, daysBetween, zonedToInstant } from '../time/index.ts';

/**
 * The fictitious participants of the demo clinic's monitor program: a program that has run for
 * about fourteen months, so that the outcome report has something real to say. Everything is drawn
 * from one seeded generator and dated from `today`, so the same seed and day give the same cohort,
 * and no date is a constant the calendar will pass. The story of each participant is told here;
 * the demo seeding (`storage/src/admin/seed-demo-program.ts`) turns it into validated records.
 *
 * Who is in it (with the default 52 screened): 4 screen failures (3 below the PHQ-9 threshold, 1
 * with bipolar disorder), 2 who declined after the explanation, and 46 who consented and were
 * treated — of whom one withdrew after a seizure (a serious adverse event, probably related),
 * three withdrew for other reasons (one of them asking that their data not be used), three were
 * lost to follow-up, and the rest completed the 24-week follow-up or are still in it. Some visits
 * are missed and some answered outside their window.
 */

export interface DemoCohortOptions {
  readonly seed: number;
  /** The demo's today (clinic date): every event lies before it. */
  readonly today: string;
  readonly zone: string;
  /** The program (TMS or infusion) the cohort follows; its schedule places sessions and visits. */
  readonly program: ProgramDefinition;
  readonly isOpenDay: (date: string) => boolean;
  /** How many people are screened (default 52); from 12 up. */
  readonly participants?: number;
}

export type DemoFate = 'screen_failed' | 'declined' | 'treated';
export type DemoEnd =
  | { readonly kind: 'completed'; readonly at: string }
  | { readonly kind: 'ongoing' }
  | { readonly kind: 'withdrawn'; readonly at: string; readonly reason: string; readonly dataChoice: 'keep' | 'delete_from_future_exports' }
  | { readonly kind: 'lost'; readonly at: string; readonly reason: string };

export interface DemoScore {
  readonly scaleId: 'phq9' | 'gad7';
  /** The program visit the answer belongs to (`screening`, `baseline`, `week2`, …). */
  readonly visitId: string;
  readonly at: string;
  /** Item answers (`q1` …); PHQ-9 item 9 is always 0, so no demo answer owes a safety alert. */
  readonly answers: Readonly<Record<string, number>>;
  readonly source: 'staff' | 'patient_link';
}

export interface DemoAdverseEvent {
  readonly term: string;
  readonly onsetDate: string;
  readonly endDate?: string;
  readonly grade: 1 | 2 | 3;
  readonly seriousness: ReadonlyArray<'hospitalisation'>;
  readonly relatedness: 'not_related' | 'unlikely' | 'possible' | 'probable' | 'definite';
  readonly expectedness: 'expected' | 'unexpected';
  /** The program's expected event it matches (`ProgramSafety.expectedAdverseEvents`). */
  readonly expectedEventId?: string;
  readonly actionTaken: 'none' | 'session_postponed' | 'treatment_withdrawn';
  readonly outcome: 'recovered';
  readonly sessionNumber?: number;
  readonly reportedAt: string;
}

export interface DemoMedication {
  readonly genericName: string;
  readonly dose: number;
  readonly unit: 'mg';
  readonly frequency: 'once_daily' | 'at_bedtime';
  readonly startDate?: string;
  readonly changes: ReadonlyArray<{ readonly date: string; readonly dose: number }>;
}

export interface DemoLab {
  readonly analyte: 'bdnf' | 'cortisol';
  readonly value: number;
  readonly unit: string;
  readonly sampleType: 'serum';
  readonly collectedAt: string;
  readonly visitId: string;
  readonly assay: string;
}

export interface DemoParticipant {
  /** 0-based position; also what makes the participant's record ids stable. */
  readonly index: number;
  readonly person: { readonly nameKanji: string; readonly nameKana: string; readonly birthDate: string; readonly sex: 'female' | 'male'; readonly phone: string };
  readonly diagnoses: ReadonlyArray<string>;
  readonly screeningAt: string;
  readonly fate: DemoFate;
  /** Why screening failed or the person declined (a reason code). */
  readonly reason?: string;
  readonly declinedAt?: string;
  readonly consentAt?: string;
  readonly consentScopes: ReadonlyArray<'secondary_research' | 'publication'>;
  readonly enrolmentDate?: string;
  readonly enrolledAt?: string;
  readonly sessions: ReadonlyArray<{ readonly number: number; readonly startedAt: string; readonly endedAt: string }>;
  readonly scores: ReadonlyArray<DemoScore>;
  readonly adverseEvents: ReadonlyArray<DemoAdverseEvent>;
  readonly medications: ReadonlyArray<DemoMedication>;
  readonly labs: ReadonlyArray<DemoLab>;
  readonly end?: DemoEnd;
}

export interface DemoCohort {
  /** When the program was defined, and when its analysis plan was written and locked (before anyone was screened). */
  readonly programCreatedAt: string;
  readonly planCreatedAt: string;
  readonly planLockedAt: string;
  readonly participants: ReadonlyArray<DemoParticipant>;
}

/** Mulberry32: a small, fast, seeded generator (the same seed gives the same sequence everywhere). */
function generator(seed: number): { next: () => number; normal: () => number; int: (lo: number, hi: number) => number } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, normal, int };
}

/** Given names (kanji, kana) that no front demo patient or guardian shares, in whole or in part. */
const FEMALE: ReadonlyArray<readonly [string, string]> = [
  ['美咲', 'ミサキ'], ['千尋', 'チヒロ'], ['綾乃', 'アヤノ'], ['智子', 'トモコ'], ['直美', 'ナオミ'], ['久美子', 'クミコ'], ['恵', 'メグミ'],
  ['香織', 'カオリ'], ['沙織', 'サオリ'], ['理恵', 'リエ'], ['詩織', 'シオリ'], ['優子', 'ユウコ'], ['奈々', 'ナナ'], ['舞', 'マイ'],
  ['明美', 'アケミ'], ['涼子', 'リョウコ'], ['静香', 'シズカ'], ['文子', 'フミコ'], ['朋美', 'トモミ'], ['早紀', 'サキ'], ['玲奈', 'レイナ'],
  ['瑞穂', 'ミズホ'], ['晴美', 'ハルミ'], ['典子', 'ノリコ'], ['桃子', 'モモコ'], ['千夏', 'チナツ'], ['純子', 'ジュンコ'], ['陽子', 'ヨウコ'],
  ['真紀', 'マキ'], ['智恵', 'チエ'], ['薫', 'カオル'],
];
const MALE: ReadonlyArray<readonly [string, string]> = [
  ['翔太', 'ショウタ'], ['拓也', 'タクヤ'], ['大輔', 'ダイスケ'], ['直樹', 'ナオキ'], ['和也', 'カズヤ'], ['隆', 'タカシ'], ['修', 'オサム'],
  ['剛', 'ツヨシ'], ['浩二', 'コウジ'], ['健一', 'ケンイチ'], ['雄一', 'ユウイチ'], ['亮', 'リョウ'], ['翼', 'ツバサ'], ['光', 'ヒカル'],
  ['海斗', 'カイト'], ['悠真', 'ユウマ'], ['啓介', 'ケイスケ'], ['達也', 'タツヤ'], ['聡', 'サトシ'], ['学', 'マナブ'], ['稔', 'ミノル'],
  ['勇気', 'ユウキ'], ['智也', 'トモヤ'], ['祐介', 'ユウスケ'], ['徹', 'トオル'],
];

/** Mean change of the PHQ-9 total from baseline at each post-baseline visit of the cohort's story. */
const PHQ_CHANGE: Readonly<Record<string, number>> = { week1: -1.5, week2: -3, week4: -5.5, week6: -7.5, week8: -7.8, week12: -8, week16: -7.6, week24: -7 };

const at = (date: string, hhmm: string, zone: string) => new Date(zonedToInstant({ date, time: hhmm, zone })).toISOString();
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));

/** Spreads `total` over the items (0–3 each) in a seeded way; `fixedZero` items stay 0. */
function itemAnswers(total: number, items: number, rnd: () => number, fixedZero: ReadonlyArray<number> = []): Record<string, number> {
  const v = Array.from({ length: items }, () => 0);
  const free = v.map((_, i) => i).filter((i) => !fixedZero.includes(i));
  let left = Math.min(total, free.length * 3);
  while (left > 0) {
    const open = free.filter((i) => v[i]! < 3);
    const i = open[Math.floor(rnd() * open.length)]!;
    v[i]! += 1;
    left -= 1;
  }
  return Object.fromEntries(v.map((x, i) => [`q${i + 1}`, x]));
}

/**
 * The demo cohort of a program. Pure: the same options give the same cohort.
 *
 * @example
 * const cohort = demoProgramCohort({ seed: 20261207, today: '2026-12-07', zone: 'Asia/Tokyo', program: TMS_PROGRAM, isOpenDay });
 * cohort.participants.filter((p) => p.sessions.length > 0).length; // 46
 */
export function demoProgramCohort(o: DemoCohortOptions): DemoCohort {
  const n = Math.max(12, o.participants ?? 52);
  const g = generator(o.seed);
  const { today, zone, program } = o;
  const openOnOrAfter = (d: string) => {
    let x = d;
    for (let k = 0; k < 30 && !o.isOpenDay(x); k++) x = addDays(x, 1);
    return x;
  };
  const start = addDays(today, -430);
  const programCreatedAt = at(start, '10:00', zone);
  const planCreatedAt = at(addDays(start, 3), '14:00', zone);
  const planLockedAt = at(addDays(start, 5), '17:30', zone);

  // Roles: who fails screening, who declines, and how the treated leave (by position in a seeded shuffle).
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(g.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  type Role = 'low_severity' | 'bipolar' | 'declined' | 'seizure' | 'withdraw_no_data' | 'withdraw_time' | 'withdraw_moved' | 'lost_w4' | 'lost_w6' | 'lost_w12' | 'appendicitis' | 'treated';
  const special: Role[] = ['low_severity', 'low_severity', 'low_severity', 'bipolar', 'declined', 'declined', 'seizure', 'withdraw_no_data', 'withdraw_time', 'withdraw_moved', 'lost_w4', 'lost_w6', 'lost_w12', 'appendicitis'];
  const roleOf = new Map<number, Role>();
  // Screening outcomes anywhere in time; the treated participants' events (a withdrawal at week 12,
  // loss after week 12, a serious event at day 60) among those enrolled early enough to be past them.
  const early = Math.floor(n * 0.6);
  const queue = [...order];
  for (const r of special.slice(0, 6)) roleOf.set(queue.shift()!, r);
  for (const r of special.slice(6)) {
    const k = queue.findIndex((p) => p < early);
    roleOf.set(queue.splice(k, 1)[0]!, r);
  }
  for (const p of queue) roleOf.set(p, 'treated');
  const participants: DemoParticipant[] = [];
  const sessionKind = program.sessions.kind;
  const postVisits = program.assessments.filter((a) => a.anchor === 'first_session' && !a.baseline);
  const labVisit = postVisits.find((v) => v.biomarkers.length > 0);

  const used = { f: 0, m: 0 };
  for (let i = 0; i < n; i++) {
    const role = roleOf.get(i)!;
    const wantFemale = g.next() < 0.62;
    const female = wantFemale ? used.f < FEMALE.length || used.m >= MALE.length : used.m >= MALE.length && used.f < FEMALE.length;
    const [given, givenKana] = female ? FEMALE[used.f++ % FEMALE.length]! : MALE[used.m++ % MALE.length]!;
    const age = g.int(20, 66);
    const screeningDate = openOnOrAfter(addDays(start, 12 + Math.floor((i * 320) / n) + g.int(0, 4)));
    const birthDate = addDays(addDays(screeningDate, -Math.round(age * 365.25)), -g.int(0, 300));
    const person = {
      nameKanji: `見本 ${given}`,
      nameKana: `ミホン ${givenKana}`,
      birthDate,
      sex: female ? ('female' as const) : ('male' as const),
      phone: `090-${7000 + (i % 3000)}-${1000 + ((i * 7919) % 9000)}`,
    };
    const diagnoses = role === 'bipolar' ? ['F31.3'] : [g.next() < 0.6 ? 'F32.1' : 'F33.1'];
    const screeningAt = at(screeningDate, hhmm(10 * 60 + g.int(0, 40) * 5), zone);
    const scores: DemoScore[] = [];
    const score = (scaleId: 'phq9' | 'gad7', visitId: string, when: string, total: number, source: DemoScore['source']) =>
      scores.push({ scaleId, visitId, at: when, answers: scaleId === 'phq9' ? itemAnswers(total, 9, g.next, [8]) : itemAnswers(total, 7, g.next), source });
    const phqScreen = role === 'low_severity' ? g.int(5, 9) : clamp(16.5 + 3.2 * g.normal(), 10, 24);
    const gadScreen = clamp(11 + 3.5 * g.normal(), 3, 21);
    score('phq9', 'screening', screeningAt, phqScreen, 'staff');
    score('gad7', 'screening', screeningAt, gadScreen, 'staff');
    const base: Omit<DemoParticipant, 'fate'> = { index: i, person, diagnoses, screeningAt, consentScopes: [], sessions: [], scores, adverseEvents: [], medications: [], labs: [] };
    if (role === 'low_severity' || role === 'bipolar') {
      participants.push({ ...base, fate: 'screen_failed', reason: role === 'bipolar' ? 'exclusion:bipolar' : 'severity:phq9' });
      continue;
    }
    if (role === 'declined') {
      participants.push({ ...base, fate: 'declined', reason: 'declined_after_explanation', declinedAt: at(openOnOrAfter(addDays(screeningDate, g.int(2, 6))), '16:00', zone) });
      continue;
    }

    // Consent and enrolment a few days after screening; the schedule from the clinic's open days.
    const consentDate = openOnOrAfter(addDays(screeningDate, g.int(1, 6)));
    const consentAt = at(consentDate, '11:00', zone);
    const enrolledAt = at(consentDate, '11:30', zone);
    const schedule = proposeSchedule({ program, enrolmentDate: consentDate, isOpenDay: o.isOpenDay, screeningDate });
    const planned = schedule.items.filter((x) => x.kind === 'session');
    const day0 = schedule.day0;
    const dayOf = (date: string) => daysBetween(day0, date);
    const visitItem = (id: string): ScheduledItem | undefined => schedule.items.find((x) => x.kind === 'assessment' && x.visitId === id);
    // How far the participant gets (in days from the first session) before leaving.
    const seizureSession = 9;
    let stopDay = Number.POSITIVE_INFINITY;
    let end: DemoEnd | undefined;
    const leaveAfter = role === 'seizure' ? seizureSession : role === 'withdraw_no_data' ? 6 : role === 'withdraw_time' ? 14 : undefined;
    if (leaveAfter !== undefined) {
      const d = openOnOrAfter(addDays(planned[leaveAfter - 1]!.date, role === 'seizure' ? 3 : 2));
      stopDay = dayOf(d);
      end = {
        kind: 'withdrawn', at: at(d, '15:00', zone),
        reason: role === 'seizure' ? 'adverse_event' : role === 'withdraw_no_data' ? 'personal_reasons' : 'time_commitment',
        dataChoice: role === 'withdraw_no_data' ? 'delete_from_future_exports' : 'keep',
      };
    }
    if (role === 'withdraw_moved') {
      const w = visitItem('week12') ?? visitItem(postVisits[postVisits.length - 2]!.id)!;
      const d = addDays(w.date, -10);
      stopDay = dayOf(d);
      end = { kind: 'withdrawn', at: at(d, '15:00', zone), reason: 'moved_away', dataChoice: 'keep' };
    }
    const lostAfter = role === 'lost_w4' ? 'week4' : role === 'lost_w6' ? 'week6' : role === 'lost_w12' ? 'week12' : undefined;
    const lastSeen = lostAfter ? visitItem(lostAfter) : undefined;
    if (lastSeen) {
      stopDay = dayOf(lastSeen.windowEnd) + 1;
      const d = addDays(lastSeen.windowEnd, 45);
      end = { kind: 'lost', at: at(d < today ? d : addDays(today, -1), '17:00', zone), reason: 'no_response' };
    }
    const sessions = planned.filter((s) => s.date < today && dayOf(s.date) < stopDay).map((s, k) => {
      const startMin = 9 * 60 + 30 + g.int(0, 16) * 15;
      return { number: k + 1, startedAt: at(s.date, hhmm(startMin), zone), endedAt: at(s.date, hhmm(startMin + (sessionKind === 'tms' ? 40 : 60)), zone) };
    });

    // Baseline on the day of the first session, before it; then the visits of the protocol.
    const baselineAt = at(day0, '09:15', zone);
    const phqBase = clamp(phqScreen - 1.2 + 1.8 * g.normal(), 5, 24);
    const gadBase = clamp(gadScreen - 0.8 + 1.5 * g.normal(), 0, 21);
    if (day0 < today) {
      score('phq9', 'baseline', baselineAt, phqBase, 'staff');
      score('gad7', 'baseline', baselineAt, gadBase, 'staff');
    }
    const u = g.normal() - (lostAfter ? 0.8 : 0);
    let labVisitChange = 0;
    for (const v of postVisits) {
      const item = visitItem(v.id);
      if (!item) continue;
      const roll = g.next();
      // Some visits are missed; a few answered late, outside their window.
      const late = roll > 0.93;
      const missed = roll < 0.07;
      const date = v.inClinic ? item.date : addDays(item.date, late ? v.windowAfterDays + g.int(1, 3) : g.int(-1, 2));
      const mean = PHQ_CHANGE[v.id] ?? -6;
      const phqChange = mean * (1 + 0.35 * u) + 2 * g.normal();
      const gadChange = 0.6 * phqChange + 1.5 * g.normal();
      if (missed || date >= today || dayOf(date) >= stopDay) continue;
      const when = at(date, v.inClinic ? '09:20' : hhmm(19 * 60 + g.int(0, 10) * 15), zone);
      score('phq9', v.id, when, clamp(phqBase + phqChange, 0, 24), v.inClinic ? 'staff' : 'patient_link');
      score('gad7', v.id, when, clamp(gadBase + gadChange, 0, 21), v.inClinic ? 'staff' : 'patient_link');
      if (v === labVisit) labVisitChange = phqChange;
    }
    const lastVisit = postVisits[postVisits.length - 1];
    const lastItem = lastVisit ? visitItem(lastVisit.id) : undefined;
    if (!end && lastItem && addDays(lastItem.windowEnd, 1) < today) end = { kind: 'completed', at: at(addDays(lastItem.windowEnd, 1), '12:00', zone) };
    if (!end) end = { kind: 'ongoing' };

    // Biomarkers: BDNF and cortisol at baseline and at the biomarker visit (when reached).
    const labs: DemoLab[] = [];
    const bdnf0 = Math.max(5, 22 + 5 * g.normal());
    const cort0 = Math.max(3, 13 + 3 * g.normal());
    const assays = { bdnf: 'Human BDNF Quantikine ELISA', cortisol: 'Elecsys Cortisol II' } as const;
    const lab = (analyte: DemoLab['analyte'], value: number, date: string, visitId: string) =>
      labs.push({ analyte, value: Number(value.toFixed(1)), unit: analyte === 'bdnf' ? 'ng/mL' : 'μg/dL', sampleType: 'serum', collectedAt: at(date, '09:05', zone), visitId, assay: assays[analyte] });
    const baselineVisit = program.assessments.find((a) => a.baseline === 'pre_treatment');
    if (day0 < today && baselineVisit?.biomarkers.length) {
      lab('bdnf', bdnf0, day0, baselineVisit.id);
      lab('cortisol', cort0, day0, baselineVisit.id);
    }
    const labItem = labVisit ? visitItem(labVisit.id) : undefined;
    if (labVisit && labItem && labItem.date < today && dayOf(labItem.date) < stopDay && g.next() > 0.1) {
      const improvement = -labVisitChange;
      lab('bdnf', Math.max(3, bdnf0 + 0.8 + 0.3 * improvement + 2.5 * g.normal()), labItem.date, labVisit.id);
      lab('cortisol', Math.max(2, cort0 - 0.6 + 1.8 * g.normal()), labItem.date, labVisit.id);
    }

    // Adverse events: the treatment's common, mild ones, and the two serious ones of the story.
    const aes: DemoAdverseEvent[] = [];
    const sessionDate = (k: number) => planned[Math.min(k, sessions.length) - 1]?.date;
    const report = (d: string) => at(openOnOrAfter(d), '17:00', zone);
    if (sessions.length > 0 && g.next() < 0.32) {
      const k = g.int(1, Math.min(5, sessions.length));
      const d = sessionDate(k)!;
      aes.push({ term: '頭痛', expectedEventId: 'headache', onsetDate: d, endDate: addDays(d, 1), grade: 1, seriousness: [], relatedness: 'probable', expectedness: 'expected', actionTaken: 'none', outcome: 'recovered', sessionNumber: k, reportedAt: report(d) });
    }
    if (sessionKind === 'tms' && sessions.length > 0 && g.next() < 0.2) {
      const k = g.int(1, Math.min(3, sessions.length));
      const d = sessionDate(k)!;
      aes.push({ term: '刺激部位の痛み', expectedEventId: 'scalp_pain', onsetDate: d, endDate: addDays(d, 3), grade: 1, seriousness: [], relatedness: 'definite', expectedness: 'expected', actionTaken: 'none', outcome: 'recovered', sessionNumber: k, reportedAt: report(d) });
    }
    if (sessions.length > 4 && g.next() < 0.06) {
      const d = sessionDate(4)!;
      aes.push({ term: '浮動性めまい', expectedEventId: 'dizziness', onsetDate: d, endDate: d, grade: 1, seriousness: [], relatedness: 'possible', expectedness: 'expected', actionTaken: 'none', outcome: 'recovered', sessionNumber: 4, reportedAt: report(d) });
    }
    if (role === 'seizure') {
      const d = sessionDate(seizureSession)!;
      aes.push({ term: '痙攣発作', expectedEventId: 'seizure', onsetDate: d, endDate: addDays(d, 2), grade: 3, seriousness: ['hospitalisation'], relatedness: 'probable', expectedness: 'expected', actionTaken: 'treatment_withdrawn', outcome: 'recovered', sessionNumber: seizureSession, reportedAt: at(d, '18:00', zone) });
    }
    if (role === 'appendicitis') {
      const d = addDays(day0, 60);
      if (d < addDays(today, -10)) aes.push({ term: '虫垂炎', onsetDate: d, endDate: addDays(d, 6), grade: 3, seriousness: ['hospitalisation'], relatedness: 'not_related', expectedness: 'unexpected', actionTaken: 'none', outcome: 'recovered', reportedAt: report(addDays(d, 2)) });
    }

    // Concomitant medicines: about half take an antidepressant from before; some change during the program.
    const meds: DemoMedication[] = [];
    if (g.next() < 0.5) {
      const [genericName, dose, up] = ([['エスシタロプラムシュウ酸塩', 10, 20], ['セルトラリン塩酸塩', 50, 75], ['ミルタザピン', 15, 30]] as const)[g.int(0, 2)]!;
      const changeDate = addDays(day0, g.int(20, 70));
      const change = g.next() < 0.3 && changeDate < today && dayOf(changeDate) < stopDay;
      meds.push({ genericName, dose, unit: 'mg', frequency: genericName === 'ミルタザピン' ? 'at_bedtime' : 'once_daily', ...(g.next() < 0.7 ? { startDate: addDays(screeningDate, -g.int(90, 900)) } : {}), changes: change ? [{ date: changeDate, dose: up }] : [] });
    }
    const hypnoticStart = addDays(day0, g.int(10, 50));
    if (g.next() < 0.08 && hypnoticStart < today && dayOf(hypnoticStart) < stopDay) {
      meds.push({ genericName: 'レンボレキサント', dose: 5, unit: 'mg', frequency: 'at_bedtime', startDate: hypnoticStart, changes: [] });
    }

    const scopes: Array<'secondary_research' | 'publication'> = g.next() < 0.7 ? ['secondary_research', 'publication'] : g.next() < 0.5 ? ['publication'] : [];
    participants.push({
      ...base, fate: 'treated', consentAt, consentScopes: scopes, enrolmentDate: consentDate, enrolledAt,
      sessions, adverseEvents: aes, medications: meds, labs, end,
    });
  }
  return { programCreatedAt, planCreatedAt, planLockedAt, participants };
}
