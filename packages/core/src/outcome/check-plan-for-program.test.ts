import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXOSOME_PROGRAM } from '../programs/example-programs.ts';
import { checkPlanForProgram } from './check-plan-for-program.ts';

test('a plan that fits the example program has no problems', () => {
  assert.deepEqual(checkPlanForProgram({
    primary: { scale: 'phq9', visit: 'week8' }, visits: ['week2', 'week4', 'week8'], secondary: [{ scale: 'gad7', visit: 'week8' }],
    biomarkers: [{ id: 'bdnf_up', analyte: 'bdnf', sampleType: 'serum', visit: 'week8' }],
  }, EXOSOME_PROGRAM), []);
});

test('every reference the program cannot honour is named with its field and values', () => {
  const issues = checkPlanForProgram({
    primary: { scale: 'phq9', visit: 'week9' },
    visits: ['week2', 'baseline'],
    secondary: [{ scale: 'hamd17', visit: 'week4' }, { scale: 'phq9', visit: 'week9' }],
    biomarkers: [
      { id: 'a', analyte: 'bdnf', sampleType: 'serum', visit: 'week2' },
      { id: 'a', analyte: 'crp', sampleType: 'saliva', visit: 'week8' },
    ],
    severityBands: [{ id: 'mild', min: 10, max: 5 }],
  }, EXOSOME_PROGRAM);
  assert.deepEqual(issues.map((i) => `${i.path} ${i.key}`), [
    'primary.visit plan.field.unknown_visit',
    'secondary[0].scale plan.field.scale_not_at_visit',
    'secondary[0].scale plan.field.scale_no_baseline',
    'secondary[1].visit plan.field.unknown_visit',
    'secondary[1].visit plan.field.secondary_is_primary',
    'visits[1] plan.field.unknown_visit',
    'visits plan.field.visits_without_primary',
    'biomarkers[0].analyte plan.field.analyte_not_at_visit',
    'biomarkers[1].id plan.field.duplicate_id',
    'biomarkers[1].sampleType plan.field.sample_type',
    'severityBands[0].max plan.field.max_below_min',
  ]);
  assert.deepEqual(issues[0]!.params, { visit: 'week9' });
});
