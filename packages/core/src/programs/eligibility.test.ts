import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { evaluateEligibility, type EligibilityData } from './eligibility.ts';
import { EXOSOME_PROGRAM, TMS_PROGRAM } from './example-programs.ts';

const adult: EligibilityData = {
  screeningDate: '2026-04-01',
  birthDate: '1990-05-05',
  diagnoses: ['F32.1'],
  scores: { phq9: 14, gad7: 6 },
  exclusions: { pregnancy: false, active_suicidal_intent: false, product_allergy: false },
};

const status = (r: ReturnType<typeof evaluateEligibility>, id: string) => r.criteria.find((c) => c.id === id)?.status;

test('an adult with depression and PHQ-9 14 is eligible; each criterion says why', () => {
  const r = evaluateEligibility(EXOSOME_PROGRAM, adult);
  assert.equal(r.outcome, 'eligible');
  assert.equal(status(r, 'age'), 'met');
  assert.equal(r.criteria.find((c) => c.id === 'age')?.params.age, 35);
  assert.equal(status(r, 'diagnosis'), 'met');
  assert.equal(status(r, 'severity:phq9'), 'met');
  // GAD-7 6 is below 10, but the program needs either scale: the group is still satisfied.
  assert.equal(status(r, 'severity:gad7'), 'not_met');
  assert.equal(status(r, 'exclusion:bipolar'), 'met');
});

test('age is counted on the screening date and bounds are inclusive', () => {
  assert.equal(evaluateEligibility(EXOSOME_PROGRAM, { ...adult, birthDate: '2014-04-01' }).outcome, 'eligible'); // 12 today
  const r = evaluateEligibility(EXOSOME_PROGRAM, { ...adult, birthDate: '2014-04-02' }); // 11 until tomorrow
  assert.equal(r.outcome, 'ineligible');
  assert.equal(status(r, 'age'), 'not_met');
});

test('diagnosis codes match by prefix; an excluding code makes the patient ineligible', () => {
  assert.equal(evaluateEligibility(EXOSOME_PROGRAM, { ...adult, diagnoses: ['F41.1'] }).outcome, 'eligible');
  assert.equal(evaluateEligibility(EXOSOME_PROGRAM, { ...adult, diagnoses: ['F43.1'] }).outcome, 'ineligible');
  const bipolar = evaluateEligibility(EXOSOME_PROGRAM, { ...adult, diagnoses: ['F32.1', 'F31.3'] });
  assert.equal(bipolar.outcome, 'ineligible');
  assert.equal(status(bipolar, 'exclusion:bipolar'), 'not_met');
  assert.equal(bipolar.criteria.find((c) => c.id === 'exclusion:bipolar')?.params.matched, 'F31.3');
});

test('without data a criterion needs the doctor: missing → incomplete, attested → eligible', () => {
  const noData: EligibilityData = { screeningDate: '2026-04-01', birthDate: '1990-05-05', scores: { phq9: 12 } };
  const r = evaluateEligibility(EXOSOME_PROGRAM, noData);
  assert.equal(r.outcome, 'incomplete');
  assert.deepEqual(
    r.criteria.filter((c) => c.status === 'missing_data').map((c) => c.id),
    // GAD-7 is reported as missing, though PHQ-9 alone satisfies the any-of severity group.
    [
      'diagnosis',
      'severity:gad7',
      'exclusion:bipolar',
      'exclusion:psychosis',
      'exclusion:pregnancy',
      'exclusion:active_suicidal_intent',
      'exclusion:product_allergy',
    ],
  );
  const at = '2026-04-01T10:00:00+09:00';
  const attestations = r.criteria
    .filter((c) => c.status === 'missing_data' && c.kind !== 'severity')
    .map((c) => ({ criterionId: c.id, met: true, by: 'dr-sato', at }));
  const ok = evaluateEligibility(EXOSOME_PROGRAM, { ...noData, attestations });
  assert.equal(ok.outcome, 'eligible');
  assert.equal(status(ok, 'diagnosis'), 'attested');
  assert.equal(ok.criteria.find((c) => c.id === 'diagnosis')?.attestedBy, 'dr-sato');
  // A doctor attesting that an exclusion applies makes the patient ineligible.
  const preg = evaluateEligibility(EXOSOME_PROGRAM, {
    ...noData,
    attestations: [...attestations, { criterionId: 'exclusion:pregnancy', met: false, by: 'dr-sato', at }],
  });
  assert.equal(preg.outcome, 'ineligible');
});

test('severity below every threshold is ineligible; all_of needs each', () => {
  assert.equal(evaluateEligibility(EXOSOME_PROGRAM, { ...adult, scores: { phq9: 9, gad7: 9 } }).outcome, 'ineligible');
  assert.equal(evaluateEligibility(EXOSOME_PROGRAM, { ...adult, scores: { phq9: 9 } }).outcome, 'incomplete');
  const tms = { ...adult, exclusions: { metal_or_device: false, pregnancy: false, epilepsy: false } };
  assert.equal(evaluateEligibility(TMS_PROGRAM, { ...tms, scores: { phq9: 10 } }).outcome, 'eligible');
  assert.equal(evaluateEligibility(TMS_PROGRAM, { ...tms, scores: { phq9: 9 } }).outcome, 'ineligible');
});

test('bad input is refused with the field named', () => {
  assert.throws(
    () => evaluateEligibility(EXOSOME_PROGRAM, { ...adult, birthDate: '2026-13-01', diagnoses: ['depression'] }),
    (e: unknown) => e instanceof DomainError && e.code === 'validation' && e.issues.map((d) => d.path).join() === 'birthDate,diagnoses[0]',
  );
});

test("a severity score on a scale outside the patient's age range is not met, with the reason in ja and en", () => {
  const ranges = { phq9: { min: 13 }, gad7: {} };
  // 12 on the screening date: PHQ-9 (13+) cannot decide; GAD-7 6 is below its threshold → ineligible.
  const twelve = evaluateEligibility(EXOSOME_PROGRAM, { ...adult, birthDate: '2014-04-01', scaleAgeRanges: ranges });
  assert.equal(twelve.outcome, 'ineligible');
  const c = twelve.criteria.find((x) => x.id === 'severity:phq9')!;
  assert.equal(c.status, 'not_met');
  assert.equal(c.reason, 'scale_age_out_of_range');
  assert.deepEqual([c.params.age, c.params.ageMin, c.params.ageMax], [12, 13, null]);
  assert.equal(c.message?.ja, 'phq9 は13歳以上の患者さんに使う尺度です（この患者さんは12歳）。この尺度では適格性を判定できません。年齢に合った尺度で評価してください。');
  assert.match(c.message!.en, /validated for ages 13 and over \(this patient is 12\)/);
  // Another scale of the any-of group that fits the age still satisfies it.
  const withGad = evaluateEligibility(EXOSOME_PROGRAM, { ...adult, birthDate: '2014-04-01', scores: { phq9: 14, gad7: 12 }, scaleAgeRanges: ranges });
  assert.equal(withGad.outcome, 'eligible');
  assert.equal(withGad.criteria.find((x) => x.id === 'severity:phq9')?.status, 'not_met');
  // From the 13th birthday the same score counts.
  const thirteen = evaluateEligibility(EXOSOME_PROGRAM, { ...adult, birthDate: '2013-04-01', scaleAgeRanges: ranges });
  assert.equal(thirteen.outcome, 'eligible');
  assert.equal(thirteen.criteria.find((x) => x.id === 'severity:phq9')?.reason, undefined);
});
