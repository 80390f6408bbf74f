import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors/domain-error.ts';
import { formatMessage } from '../programs/messages.ts';
import { ANALYTES, ANALYTE_IDS, resolveUnit } from './analytes.ts';
import { validateLabResult, type LabResultInput } from './lab-result.ts';
import { flagAgainstRange, resolveReferenceRange } from './reference-range.ts';

const il6: LabResultInput = {
  patientId: 'p-1',
  analyte: 'il6',
  value: 3.2,
  unit: 'pg/mL',
  sampleType: 'serum',
  collectedAt: '2026-04-08T09:10:00+09:00',
  fasting: true,
  assay: 'Elecsys IL-6',
  assayLot: 'L123',
};

function details(fn: () => unknown): Array<{ path: string; message: string; params?: Record<string, unknown> }> {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    assert.equal(e.key, 'labs.result_invalid');
    return e.issues.map((d) => ({ path: d.path, message: d.key, ...(d.params ? { params: d.params } : {}) }));
  }
  assert.fail('expected an error');
}

test('the panel has the eight biomarkers, the two microRNAs and the safety labs, each with a canonical unit among its accepted units', () => {
  assert.deepEqual(ANALYTE_IDS, [
    'il6', 'tnf_alpha', 'crp', 'il10', 'tgf_beta', 'bdnf', 'ngf', 'cortisol', 'mir21', 'mir146a',
    'wbc', 'rbc', 'hemoglobin', 'hematocrit', 'platelets', 'ast', 'alt', 'creatinine',
  ]);
  for (const id of ANALYTE_IDS) assert.equal(ANALYTES[id].units[ANALYTES[id].canonicalUnit], 1, id);
});

test('units are matched however they are typed and converted to the canonical unit', () => {
  assert.equal(resolveUnit('cortisol', 'ug/dl'), 'μg/dL');
  assert.equal(resolveUnit('cortisol', 'µg/dL'), 'μg/dL'); // micro sign U+00B5
  assert.equal(resolveUnit('cortisol', 'mcg/dL'), 'μg/dL');
  assert.equal(resolveUnit('crp', 'MG/L'), 'mg/L');
  const crp = validateLabResult({ ...il6, analyte: 'crp', value: 3, unit: 'mg/L' });
  assert.deepEqual([crp.canonicalValue, crp.canonicalUnit], [0.3, 'mg/dL']);
  const cortisol = validateLabResult({ ...il6, analyte: 'cortisol', value: 331, unit: 'nmol/L' });
  assert.equal(cortisol.canonicalUnit, 'μg/dL');
  assert.ok(Math.abs(cortisol.canonicalValue - 12.0) < 0.01);
  assert.equal(validateLabResult({ ...il6, value: 0.0032, unit: 'ng/mL' }).canonicalValue, 3.2);
});

test('a lab value in an unknown unit is refused, listing the accepted units', () => {
  const d = details(() => validateLabResult({ ...il6, unit: 'mg/dL' }));
  assert.deepEqual(
    d.map((x) => [x.path, x.message]),
    [['unit', 'labs.unknown_unit']],
  );
  assert.equal(
    formatMessage(d[0]!.message, d[0]!.params as never, 'en'),
    'This analyte is not reported in "mg/dL". Accepted units: pg/mL, ng/L, ng/mL.',
  );
});

test('a value outside any possible range is refused (negative, or implausibly large after conversion)', () => {
  assert.deepEqual(
    details(() => validateLabResult({ ...il6, value: -1 })).map((x) => [x.path, x.message]),
    [['value', 'labs.value_negative']],
  );
  // 5 000 ng/mL = 5 000 000 pg/mL: a unit mix-up, above any IL-6 ever reported.
  assert.deepEqual(
    details(() => validateLabResult({ ...il6, value: 5000, unit: 'ng/mL' })).map((x) => [x.path, x.message]),
    [['value', 'labs.value_implausible']],
  );
  assert.deepEqual(
    details(() => validateLabResult({ ...il6, analyte: 'crp', unit: 'mg/dL', value: 250 })).map((x) => x.path),
    ['value'],
  );
});

test('unknown analyte, wrong sample type, missing fasting and a time without offset are named', () => {
  assert.deepEqual(
    details(() => validateLabResult({ ...il6, analyte: 'il-17' })).map((x) => [x.path, x.message]),
    [['analyte', 'labs.unknown_analyte']],
  );
  assert.deepEqual(
    details(() =>
      validateLabResult({
        ...il6,
        analyte: 'crp',
        unit: 'mg/dL',
        sampleType: 'saliva',
        fasting: undefined,
        collectedAt: '2026-04-08T09:10:00',
      }),
    ).map((x) => x.path),
    ['sampleType', 'collectedAt', 'fasting'],
  );
});

test('reference ranges: sourced defaults, clinic settings by assay, censored values', () => {
  const crp = validateLabResult({ ...il6, analyte: 'crp', value: 0.31, unit: 'mg/dL' });
  assert.equal(flagAgainstRange(crp), 'high');
  assert.equal(flagAgainstRange({ ...crp, canonicalValue: 0.1 }), 'normal');
  assert.equal(flagAgainstRange({ ...crp, canonicalValue: 0.02, comparator: '<' }), 'normal');
  const il6r = validateLabResult(il6);
  assert.equal(resolveReferenceRange(il6r)?.assayDependent, true);
  assert.equal(flagAgainstRange({ ...il6r, canonicalValue: 8 }), 'high');
  assert.equal(flagAgainstRange({ ...il6r, canonicalValue: 5000, comparator: '>' }), 'high');
  assert.equal(flagAgainstRange({ ...il6r, canonicalValue: 10, comparator: '<' }), 'indeterminate');
  // BDNF has no shared range until the clinic sets one for its kit.
  const bdnf = validateLabResult({ ...il6, analyte: 'bdnf', value: 22, unit: 'ng/mL', assay: 'Kit A' });
  assert.equal(flagAgainstRange(bdnf), 'no_range');
  const settings = [
    { analyte: 'bdnf', low: 10, high: 40, source: 'kit A insert' },
    { analyte: 'bdnf', assay: 'Kit A', sampleType: 'serum', low: 15, high: 20, source: 'kit A serum' },
  ] as const;
  assert.equal(resolveReferenceRange(bdnf, settings)?.source, 'kit A serum');
  assert.equal(flagAgainstRange(bdnf, settings), 'high');
  assert.equal(flagAgainstRange({ ...bdnf, assay: 'Kit B' }, settings), 'normal');
});
