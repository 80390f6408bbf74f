import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startScreening, transition, type Enrolment, type EnrolmentStatus } from './enrolment.ts';
import { EXOSOME_PROGRAM } from './example-programs.ts';
import { assessmentProgress, enrolmentFunnel, programAdherence, safetySummary, sessionAdherence } from './program-dashboard.ts';
import { proposeSchedule } from './propose-schedule.ts';
import { scheduleStatus } from './assessment-status.ts';
import { validateAdverseEvent, type AdverseEventInput } from '../safety/adverse-event.ts';
import { reviewSaeAlert, saeAlertFor } from '../safety/sae-alert.ts';

let clock = 0;
const at = (): string => new Date(Date.UTC(2026, 3, 1) + clock++ * 60_000).toISOString();
const eligible = { outcome: 'eligible', programId: EXOSOME_PROGRAM.id, programVersion: 1 } as const;

function patient(id: string, path: ReadonlyArray<EnrolmentStatus>): Enrolment {
  let e = startScreening({ id, patientId: id, program: EXOSOME_PROGRAM, at: at(), by: 'dr' });
  for (const to of path)
    e = transition(e, { to, at: at(), by: 'dr', eligibility: eligible, consent: { complete: true }, reason: 'reason' }).enrolment;
  return e;
}

test('the funnel counts current and reached stages, and where withdrawals left from', () => {
  const f = enrolmentFunnel([
    patient('a', []),
    patient('b', ['ineligible']),
    patient('c', ['eligible', 'consented', 'enrolled', 'active']),
    patient('d', ['eligible', 'consented', 'enrolled', 'active', 'withdrawn']),
    patient('e', ['eligible', 'consented', 'enrolled', 'active', 'completed']),
    patient('f', ['eligible', 'withdrawn']),
  ]);
  assert.equal(f.total, 6);
  assert.deepEqual(
    [f.current.screening, f.current.ineligible, f.current.active, f.current.withdrawn, f.current.completed],
    [1, 1, 1, 2, 1],
  );
  assert.deepEqual([f.reached.screening, f.reached.eligible, f.reached.consented, f.reached.enrolled, f.reached.active], [6, 4, 3, 3, 3]);
  assert.deepEqual(f.leftFrom.withdrawn, { active: 1, eligible: 1 });
});

const isOpenDay = (): boolean => true;

test('assessment progress by window and session adherence', () => {
  const p = proposeSchedule({ program: EXOSOME_PROGRAM, enrolmentDate: '2026-04-01', isOpenDay });
  // Patient 1 did everything so far on time; patient 2 missed session 2 and the week-2 scales.
  const now = '2026-05-01T12:00:00+09:00';
  const s1 = scheduleStatus({
    items: p.items,
    completions: { 'session-1': '2026-04-08', 'visit-baseline': '2026-04-08', 'session-2': '2026-04-22', 'visit-week2': '2026-04-22' },
    now,
    zone: 'Asia/Tokyo',
  });
  const s2 = scheduleStatus({
    items: p.items,
    completions: { 'session-1': '2026-04-08', 'visit-baseline': '2026-04-07' },
    now,
    zone: 'Asia/Tokyo',
  });
  const progress = assessmentProgress([...s1, ...s2], EXOSOME_PROGRAM);
  assert.deepEqual(
    progress.map((r) => r.visitId),
    ['screening', 'baseline', 'week2', 'week4', 'week8', 'week12', 'week24'],
  );
  const week2 = progress.find((r) => r.visitId === 'week2')!;
  assert.deepEqual([week2.on_track, week2.missed, week2.total], [1, 1, 2]);
  const week4 = progress.find((r) => r.visitId === 'week4')!;
  assert.equal(week4.upcoming, 2);
  const a1 = sessionAdherence(s1);
  const a2 = sessionAdherence(s2);
  assert.deepEqual([a1.planned, a1.dueSoFar, a1.done, a1.ofPlanned, a1.ofDueSoFar], [5, 2, 2, 0.4, 1]);
  assert.deepEqual([a2.done, a2.ofDueSoFar], [1, 0.5]);
  assert.deepEqual(programAdherence([a1, a2]), { patients: 2, planned: 10, done: 3, pooled: 0.3, fullyAdherent: 0 });
});

test('safety summary: open AEs and SAEs, unreviewed alerts stay until reviewed', () => {
  const base: AdverseEventInput = {
    enrolmentId: 'enr-1',
    term: '頭痛',
    onsetDate: '2026-04-08',
    grade: 1,
    seriousness: [],
    relatedness: 'possible',
    expectedness: 'expected',
    actionTaken: 'none',
    outcome: 'recovering',
    reportedBy: 'ns',
    reportedAt: '2026-04-08T15:00:00+09:00',
  };
  const zone = 'Asia/Tokyo';
  const aes = [
    validateAdverseEvent({ ...base, id: 'ae-1' }, { zone }),
    validateAdverseEvent({ ...base, id: 'ae-2', outcome: 'recovered', endDate: '2026-04-09' }, { zone }),
    validateAdverseEvent({ ...base, id: 'ae-3', enrolmentId: 'enr-2', grade: 3, seriousness: ['hospitalisation'] }, { zone }),
  ];
  const alert = saeAlertFor(aes[2]!, { raisedAt: '2026-04-08T15:10:00+09:00' })!;
  const s = safetySummary(aes, [alert]);
  assert.deepEqual(s.openAdverseEvents, ['ae-1', 'ae-3']);
  assert.deepEqual(s.openSeriousAdverseEvents, ['ae-3']);
  assert.equal(s.patientsWithAdverseEvent, 2);
  assert.equal(s.unreviewedAlerts.length, 1);
  assert.deepEqual(s.byGrade, { 1: 2, 2: 0, 3: 1, 4: 0, 5: 0 });
  const reviewed = reviewSaeAlert(alert, { by: 'dr', at: '2026-04-08T16:00:00+09:00' });
  assert.equal(safetySummary(aes, [reviewed]).unreviewedAlerts.length, 0);
});
