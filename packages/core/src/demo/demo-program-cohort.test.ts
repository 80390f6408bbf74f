import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TMS_PROGRAM } from '../programs/example-programs.ts';
import { clinicDate } from '../time/clinic-date.ts';
import { clinicDay, seedClinicCalendar } from '../scheduling/index.ts';
import { addDays } from '../time/index.ts';
import { demoProgramCohort, type DemoCohort } from './demo-program-cohort.ts';

const calendar = { ...seedClinicCalendar, zone: 'Asia/Tokyo' };
const isOpenDay = (d: string) => clinicDay(calendar, d).open;
const cohort = (today: string, seed = 20261207) => demoProgramCohort({ seed, today, zone: 'Asia/Tokyo', program: TMS_PROGRAM, isOpenDay });

function instants(c: DemoCohort): string[] {
  return c.participants.flatMap((p) => [
    p.screeningAt, ...(p.consentAt ? [p.consentAt] : []), ...p.sessions.flatMap((s) => [s.startedAt, s.endedAt]), ...p.scores.map((s) => s.at),
    ...p.labs.map((l) => l.collectedAt), ...p.adverseEvents.map((a) => a.reportedAt), ...(p.end && 'at' in p.end ? [p.end.at] : []),
  ]);
}

test('the same seed and day give the same cohort; another seed another one', () => {
  assert.deepEqual(cohort('2026-12-07'), cohort('2026-12-07'));
  assert.notDeepEqual(cohort('2026-12-07', 1).participants.map((p) => p.scores), cohort('2026-12-07').participants.map((p) => p.scores));
});

for (const today of ['2026-12-07', '2027-03-21', '2028-08-15']) {
  test(`dated from the demo's today (${today}): everything happened before it, the plan was locked before anyone was screened`, () => {
    const c = cohort(today);
    for (const at of instants(c)) assert.ok(clinicDate(at, 'Asia/Tokyo') < today, `${at} is not before ${today}`);
    const firstScreening = c.participants.map((p) => p.screeningAt).sort()[0]!;
    assert.ok(c.planLockedAt < firstScreening && c.programCreatedAt < c.planLockedAt);
    assert.ok(clinicDate(c.programCreatedAt, 'Asia/Tokyo') >= addDays(today, -450));
    for (const p of c.participants) {
      assert.ok(isOpenDay(clinicDate(p.screeningAt, 'Asia/Tokyo')));
      for (const s of p.sessions) assert.ok(isOpenDay(clinicDate(s.startedAt, 'Asia/Tokyo')), `session on a closed day: ${s.startedAt}`);
    }
  });
}

test('the mix the report needs: ≥ 40 treated, screen failures, decliners, withdrawals (one without data use), losses, two serious events', () => {
  const c = cohort('2026-12-07');
  const treated = c.participants.filter((p) => p.fate === 'treated');
  assert.equal(c.participants.length, 52);
  assert.equal(treated.length, 46);
  assert.equal(c.participants.filter((p) => p.fate === 'screen_failed').length, 4);
  assert.equal(c.participants.filter((p) => p.fate === 'declined').length, 2);
  const ends = treated.map((p) => p.end!);
  assert.equal(ends.filter((e) => e.kind === 'withdrawn').length, 4);
  assert.equal(ends.filter((e) => e.kind === 'withdrawn' && e.dataChoice === 'delete_from_future_exports').length, 1);
  assert.equal(ends.filter((e) => e.kind === 'lost').length, 3);
  assert.ok(ends.filter((e) => e.kind === 'completed').length >= 20);
  const serious = treated.flatMap((p) => p.adverseEvents).filter((a) => a.seriousness.length > 0);
  assert.deepEqual(serious.map((a) => a.relatedness).sort(), ['not_related', 'probable']);
  // No answer owes a safety alert: PHQ-9 item 9 is 0 everywhere.
  for (const s of c.participants.flatMap((p) => p.scores)) if (s.scaleId === 'phq9') assert.equal(s.answers.q9, 0);
  // Names are unique, so each participant is found by name.
  assert.equal(new Set(c.participants.map((p) => p.person.nameKana)).size, 52);
});
