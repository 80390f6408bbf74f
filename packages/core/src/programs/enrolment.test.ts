import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { assertMayDose, nextStatuses, startScreening, transition, type Enrolment } from './enrolment.ts';
import { EXOSOME_PROGRAM, TMS_PROGRAM } from './example-programs.ts';

const by = 'dr-sato';
const eligible = { outcome: 'eligible', programId: EXOSOME_PROGRAM.id, programVersion: 1 } as const;
const t = (h: number): string => `2026-04-01T${String(h).padStart(2, '0')}:00:00+09:00`;

function screening(): Enrolment {
  return startScreening({ id: 'enr-1', patientId: 'p-1', program: EXOSOME_PROGRAM, at: t(9), by });
}

function rejects(fn: () => unknown, code: string, key: string, path: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DomainError);
    assert.equal(e.code, code);
    assert.equal(e.key, key);
    assert.deepEqual(
      e.issues.map((d) => d.path),
      [path],
    );
    return true;
  });
}

test('the happy path: screening → eligible → consented → enrolled → active → completed, every step dated', () => {
  let e = screening();
  e = transition(e, { to: 'eligible', at: t(10), by, eligibility: eligible }).enrolment;
  e = transition(e, { to: 'consented', at: t(11), by: 'p-1', consent: { complete: true } }).enrolment;
  e = transition(e, { to: 'enrolled', at: t(12), by }).enrolment;
  const step = transition(e, { to: 'active', at: t(13), by: 'ns-ito' });
  assert.deepEqual(step.record, { from: 'enrolled', to: 'active', at: t(13), by: 'ns-ito' });
  e = transition(step.enrolment, { to: 'completed', at: t(14), by }).enrolment;
  assert.equal(e.status, 'completed');
  assert.deepEqual(
    e.history.map((h) => h.to),
    ['screening', 'eligible', 'consented', 'enrolled', 'active', 'completed'],
  );
  assert.ok(Object.isFrozen(e.history));
  assert.deepEqual(nextStatuses('completed'), []);
});

test('consent before eligibility is refused', () => {
  rejects(
    () => transition(screening(), { to: 'consented', at: t(10), by, consent: { complete: true } }),
    'invalid_state',
    'enrolment.consent_before_eligibility',
    'to',
  );
});

test('eligible needs a passing evaluation of the same program version; consented needs complete consent', () => {
  rejects(
    () => transition(screening(), { to: 'eligible', at: t(10), by }),
    'invalid_state',
    'enrolment.eligibility_not_shown',
    'eligibility',
  );
  rejects(
    () => transition(screening(), { to: 'eligible', at: t(10), by, eligibility: { ...eligible, outcome: 'incomplete' } }),
    'invalid_state',
    'enrolment.eligibility_not_shown',
    'eligibility',
  );
  rejects(
    () => transition(screening(), { to: 'eligible', at: t(10), by, eligibility: { ...eligible, programId: TMS_PROGRAM.id } }),
    'invalid_state',
    'enrolment.eligibility_not_shown',
    'eligibility',
  );
  const e = transition(screening(), { to: 'eligible', at: t(10), by, eligibility: eligible }).enrolment;
  rejects(
    () => transition(e, { to: 'consented', at: t(11), by, consent: { complete: false } }),
    'invalid_state',
    'enrolment.consent_incomplete',
    'consent',
  );
});

test('ending the journey needs a reason; the reason is kept on the record', () => {
  rejects(() => transition(screening(), { to: 'ineligible', at: t(10), by }), 'validation', 'enrolment.reason_required', 'reason');
  rejects(
    () => transition(screening(), { to: 'withdrawn', at: t(10), by, reason: '   ' }),
    'validation',
    'enrolment.reason_required',
    'reason',
  );
  const r = transition(screening(), { to: 'withdrawn', at: t(10), by, reason: '本人の希望' });
  assert.equal(r.record.reason, '本人の希望');
});

test('no jumps, no way out of a final state, and no step back in time', () => {
  rejects(() => transition(screening(), { to: 'active', at: t(10), by }), 'invalid_state', 'enrolment.transition_not_allowed', 'to');
  const w = transition(screening(), { to: 'withdrawn', at: t(10), by, reason: 'moved away' }).enrolment;
  rejects(() => transition(w, { to: 'screening', at: t(11), by }), 'invalid_state', 'enrolment.transition_not_allowed', 'to');
  rejects(
    () => transition(screening(), { to: 'eligible', at: t(8), by, eligibility: eligible }),
    'invalid_state',
    'enrolment.time_goes_back',
    'at',
  );
  rejects(
    () => transition(screening(), { to: 'eligible', at: '2026-04-01 10:00', by, eligibility: eligible }),
    'validation',
    'enrolment.input_invalid',
    'at',
  );
});

test('dosing a withdrawn (or not yet enrolled) patient is refused', () => {
  rejects(() => assertMayDose('withdrawn'), 'invalid_state', 'enrolment.dosing_not_allowed', 'enrolmentStatus');
  rejects(() => assertMayDose('consented'), 'invalid_state', 'enrolment.dosing_not_allowed', 'enrolmentStatus');
  assertMayDose('enrolled');
  assertMayDose('active');
});

test('dosing_stopped: reached from enrolled or active with a reason, refuses further doses, and still ends in completed / withdrawn / lost', () => {
  let e = screening();
  e = transition(e, { to: 'eligible', at: t(10), by, eligibility: eligible }).enrolment;
  e = transition(e, { to: 'consented', at: t(11), by, consent: { complete: true } }).enrolment;
  e = transition(e, { to: 'enrolled', at: t(12), by }).enrolment;
  e = transition(e, { to: 'active', at: t(13), by }).enrolment;
  assert.throws(() => transition(e, { to: 'dosing_stopped', at: t(14), by }), (err: unknown) => err instanceof DomainError && err.key === 'enrolment.reason_required');
  const stopped = transition(e, { to: 'dosing_stopped', at: t(14), by, reason: 'adverse_event:ae-1' }).enrolment;
  assert.equal(stopped.status, 'dosing_stopped');
  rejects(() => assertMayDose('dosing_stopped'), 'invalid_state', 'enrolment.dosing_stopped', 'enrolmentStatus');
  assert.deepEqual([...nextStatuses('dosing_stopped')], ['completed', 'withdrawn', 'lost_to_follow_up']);
  rejects(() => transition(stopped, { to: 'active', at: t(15), by }), 'invalid_state', 'enrolment.transition_not_allowed', 'to');
  assert.equal(transition(stopped, { to: 'completed', at: t(15), by }).enrolment.status, 'completed');
});
