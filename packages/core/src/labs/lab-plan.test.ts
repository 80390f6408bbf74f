import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { createIssues } from '../fields/field-issues.ts';
import { checkLabAgainstPlan, checkLabPlan, type ProgramLabPlanEntry } from '../programs/lab-plan.ts';
import { EXOSOME_PROGRAM } from '../programs/example-programs.ts';
import { analyteCatalogue, analyteLabel, validateCustomAnalyte } from './lab-catalogue.ts';
import { validateLabResult } from './lab-result.ts';

const base = { patientId: 'p-1', value: 12, unit: 'μg/dL', sampleType: 'serum', collectedAt: '2026-12-01T08:30:00+09:00', fasting: true, assay: 'Elecsys Cortisol II' };
const plan: ReadonlyArray<ProgramLabPlanEntry> = [
  { analyte: 'cortisol', sampleType: 'serum', collectionWindow: { from: '07:00', to: '10:00' } },
  { analyte: 'bdnf', sampleType: 'serum' },
];

function issuesOf(fn: () => unknown): Array<{ path: string; key: string }> {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.issues.map((i) => ({ path: i.path, key: i.key }));
    throw e;
  }
  assert.fail('expected a DomainError');
}

test('the built-in catalogue holds the article’s microRNAs and the safety labs, with names in both languages', () => {
  const c = analyteCatalogue();
  for (const id of ['mir21', 'mir146a', 'bdnf', 'il6', 'crp', 'cortisol', 'wbc', 'hemoglobin', 'platelets', 'ast', 'alt', 'creatinine']) assert.ok(c.has(id), id);
  assert.equal(analyteLabel(c, 'il6', 'ja'), 'IL-6（インターロイキン6）');
  assert.equal(analyteLabel(c, 'crp', 'en'), 'CRP (C-reactive protein)');
  assert.equal(c.get('ast')!.category, 'safety');
  assert.deepEqual(c.get('wbc')!.sampleTypes, ['whole_blood']);
});

test('a clinic adds its own analyte; it can then be recorded in its one unit', () => {
  const existing = analyteCatalogue();
  const mine = validateCustomAnalyte({ id: 'mir124', label: { ja: 'miR-124', en: 'miR-124' }, unit: 'copies/μL', sampleTypes: ['plasma'], category: 'biomarker', plausibleMax: 1e8 }, { existing });
  const c = analyteCatalogue([mine]);
  assert.equal(analyteLabel(c, 'mir124', 'ja'), 'miR-124');
  const r = validateLabResult({ ...base, analyte: 'mir124', value: 3200, unit: 'copies/μL', sampleType: 'plasma' }, { catalogue: c });
  assert.equal(r.canonicalValue, 3200);
  // Without the clinic's catalogue the id is unknown.
  assert.deepEqual(issuesOf(() => validateLabResult({ ...base, analyte: 'mir124', unit: 'copies/μL', sampleType: 'plasma' })), [{ path: 'analyte', key: 'labs.unknown_analyte' }]);
});

test('a custom analyte: bad id, taken id, names and sample types are all named at once', () => {
  const issues = issuesOf(() => validateCustomAnalyte({ id: 'IL6!', label: { ja: '' }, unit: '', sampleTypes: [], category: 'x' }, { existing: analyteCatalogue() }));
  assert.deepEqual(issues.map((i) => i.path).sort(), ['category', 'id', 'label.en', 'label.ja', 'sampleTypes', 'unit']);
  assert.deepEqual(issuesOf(() => validateCustomAnalyte({ id: 'bdnf', label: { ja: 'x', en: 'x' }, unit: 'ng/mL', sampleTypes: ['serum'], category: 'biomarker' }, { existing: analyteCatalogue() })),
    [{ path: 'id', key: 'labs.analyte_id_taken' }]);
});

test('a lab result carries processing delay, freeze–thaw count and assay batch, checked', () => {
  const r = validateLabResult({ ...base, analyte: 'bdnf', value: 25, unit: 'ng/mL', processingDelayMinutes: 45, freezeThawCount: 1, assayBatch: 'PLATE-07' });
  assert.equal(r.processingDelayMinutes, 45);
  assert.equal(r.freezeThawCount, 1);
  assert.equal(r.assayBatch, 'PLATE-07');
  assert.deepEqual(issuesOf(() => validateLabResult({ ...base, analyte: 'bdnf', unit: 'ng/mL', processingDelayMinutes: -1, freezeThawCount: 1.5 })).map((i) => i.path).sort(),
    ['freezeThawCount', 'processingDelayMinutes']);
});

test('the program fixes the sample type: plasma BDNF is refused in a serum program', () => {
  const r = validateLabResult({ ...base, analyte: 'bdnf', value: 25, unit: 'ng/mL', sampleType: 'plasma' });
  assert.deepEqual(issuesOf(() => checkLabAgainstPlan(r, plan, { zone: 'Asia/Tokyo' })), [{ path: 'sampleType', key: 'labs.sample_type_not_program' }]);
  checkLabAgainstPlan(validateLabResult({ ...base, analyte: 'bdnf', value: 25, unit: 'ng/mL' }), plan, { zone: 'Asia/Tokyo' });
  // An analyte the plan does not list is not held to it.
  checkLabAgainstPlan(validateLabResult({ ...base, analyte: 'crp', value: 0.1, unit: 'mg/dL', sampleType: 'plasma' }), plan, { zone: 'Asia/Tokyo' });
});

test('cortisol outside the morning window is refused unless confirmed with a reason; the window edges count as inside', () => {
  const at = (collectedAt: string, extra: Record<string, unknown> = {}) => validateLabResult({ ...base, analyte: 'cortisol', collectedAt, ...extra });
  checkLabAgainstPlan(at('2026-12-01T07:00:00+09:00'), plan, { zone: 'Asia/Tokyo' });
  checkLabAgainstPlan(at('2026-12-01T10:00:00+09:00'), plan, { zone: 'Asia/Tokyo' });
  // 01:00 UTC is 10:00 in Tokyo: the clinic's wall clock decides, not the instant's offset.
  checkLabAgainstPlan(at('2026-12-01T01:00:00Z'), plan, { zone: 'Asia/Tokyo' });
  try {
    checkLabAgainstPlan(at('2026-12-01T10:01:00+09:00'), plan, { zone: 'Asia/Tokyo' });
    assert.fail('expected refusal');
  } catch (e) {
    assert.ok(e instanceof DomainError);
    assert.equal(e.key, 'labs.outside_window');
    assert.deepEqual(e.params, { from: '07:00', to: '10:00', time: '10:01' });
    assert.equal(e.extra?.needsConfirmation, true);
  }
  checkLabAgainstPlan(at('2026-12-01T15:00:00+09:00', { windowOverrideReason: '採血が午後になった（患者の都合）' }), plan, { zone: 'Asia/Tokyo' });
});

test('a program’s lab plan: cortisol needs a window, windows run forward, sample types fit the analyte, one entry each', () => {
  const issues = createIssues();
  checkLabPlan(issues, [
    { analyte: 'cortisol', sampleType: 'serum' },
    { analyte: 'bdnf', sampleType: 'serum', collectionWindow: { from: '10:00', to: '08:00' } },
    { analyte: 'wbc', sampleType: 'serum' },
    { analyte: 'bdnf', sampleType: 'plasma' },
    { analyte: 'nope', sampleType: 'serum' },
  ], { catalogue: analyteCatalogue() });
  assert.deepEqual(issues.list.map((i) => `${i.path} ${i.key}`), [
    'labPlan[0].collectionWindow labs.window_required',
    'labPlan[1].collectionWindow.to labs.window_order',
    'labPlan[2].sampleType labs.sample_type_not_allowed',
    'labPlan[3].analyte labs.plan_duplicate',
    'labPlan[4].analyte labs.unknown_analyte',
  ]);
});

test('the example exosome program fixes serum BDNF, plasma microRNAs and a 07:00–10:00 cortisol window', () => {
  const p = EXOSOME_PROGRAM.labPlan!;
  assert.equal(p.find((e) => e.analyte === 'bdnf')!.sampleType, 'serum');
  assert.equal(p.find((e) => e.analyte === 'mir21')!.sampleType, 'plasma');
  assert.deepEqual(p.find((e) => e.analyte === 'cortisol')!.collectionWindow, { from: '07:00', to: '10:00' });
});
