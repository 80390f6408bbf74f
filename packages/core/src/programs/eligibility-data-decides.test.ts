import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { evaluateEligibility } from './eligibility.ts';
import { EXOSOME_PROGRAM } from './example-programs.ts';

const base = { screeningDate: '2026-12-01', birthDate: '1990-05-05', diagnoses: ['F32.1'], exclusions: { pregnancy: false, product_allergy: false } };
const at = '2026-12-01T01:00:00.000Z';

test('with no PHQ-9 or GAD-7 on record the severity criterion waits for a score; ticking it met is refused', () => {
  const r = evaluateEligibility(EXOSOME_PROGRAM, { ...base, scores: {} });
  const sev = r.criteria.filter((c) => c.kind === 'severity');
  assert.ok(sev.length > 0);
  for (const c of sev) {
    assert.equal(c.status, 'missing_data');
    assert.equal(c.reason, 'no_score');
  }
  assert.throws(
    () => evaluateEligibility(EXOSOME_PROGRAM, { ...base, scores: {}, attestations: [{ criterionId: sev[0]!.id, met: true, by: 'd-1', at }] }),
    (e: unknown) => e instanceof DomainError && e.issues.some((i) => i.key === 'programs.eligibility_severity_needs_score'),
  );
  // A score on record decides it.
  const scored = evaluateEligibility(EXOSOME_PROGRAM, { ...base, scores: { phq9: 14 } });
  assert.equal(scored.criteria.find((c) => c.id === 'severity:phq9')!.status, 'met');
});

test('age is decided from the birth date, not attested', () => {
  const r = evaluateEligibility(EXOSOME_PROGRAM, { ...base, scores: { phq9: 14 } });
  const age = r.criteria.find((c) => c.id === 'age')!;
  assert.equal(age.status, 'met');
  assert.equal(age.params.age, 36);
});

test('an open suicide/self-harm alert blocks "no active suicidal intent" until a doctor resolves it', () => {
  const attest = [{ criterionId: 'exclusion:active_suicidal_intent', met: true, by: 'd-1', at }];
  assert.throws(
    () => evaluateEligibility(EXOSOME_PROGRAM, { ...base, scores: { phq9: 14 }, openRiskAlerts: 1, attestations: attest }),
    (e: unknown) => e instanceof DomainError && e.issues.some((i) => i.key === 'programs.eligibility_open_risk_alert' && i.path === 'attestations[0].met'),
  );
  const open = evaluateEligibility(EXOSOME_PROGRAM, { ...base, scores: { phq9: 14 }, openRiskAlerts: 1 });
  const c = open.criteria.find((x) => x.id === 'exclusion:active_suicidal_intent')!;
  assert.equal(c.status, 'missing_data');
  assert.equal(c.reason, 'open_risk_alert');
  assert.equal(open.outcome, 'incomplete');
  // Once the alert is reviewed the doctor's statement counts.
  const after = evaluateEligibility(EXOSOME_PROGRAM, { ...base, scores: { phq9: 14 }, openRiskAlerts: 0, attestations: attest });
  assert.equal(after.outcome, 'eligible');
  // Stating intent (met: false) is never blocked: it excludes.
  const intent = evaluateEligibility(EXOSOME_PROGRAM, { ...base, scores: { phq9: 14 }, openRiskAlerts: 1, attestations: [{ ...attest[0]!, met: false }] });
  assert.equal(intent.criteria.find((x) => x.id === 'exclusion:active_suicidal_intent')!.status, 'not_met');
  assert.equal(intent.outcome, 'ineligible');
});
