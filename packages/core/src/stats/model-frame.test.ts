import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseFormula } from './formula.ts';
import { buildModelFrame, sortedLevels } from './model-frame.ts';

const R = JSON.parse(readFileSync(new URL('./fixtures/model-matrix.json', import.meta.url), 'utf8'));

for (const c of R.cases) {
  test(`design matrix of ${c.formula} matches R's model.matrix (names and values)`, () => {
    const frame = buildModelFrame({ formula: parseFormula(c.formula), data: R.data });
    assert.deepEqual(frame.columnNames, c.columns);
    c.rows.forEach((row: number[], i: number) => assert.deepEqual(Array.from(frame.X.slice(i * frame.p, (i + 1) * frame.p)), row, `row ${i}`));
  });
}

test('levels sort as R sorts them; overrides put the reference first', () => {
  assert.deepEqual(sortedLevels(['>6m', '<6m', null]), ['<6m', '>6m']);
  assert.deepEqual(sortedLevels(['b', 'B', 'a', 'A']), ['a', 'A', 'b', 'B']);
  assert.deepEqual(sortedLevels([10, 9, 100]), ['9', '10', '100']);
  const frame = buildModelFrame({ formula: parseFormula('y ~ g'), data: R.data, levels: { g: ['trt'] } });
  assert.deepEqual(frame.columnNames, ['(Intercept)', 'gB', 'gctl']);
});

test('formula errors say what is wrong and where', () => {
  assert.throws(() => parseFormula('y ~ a +'), /cannot parse formula.*expected a term/);
  assert.throws(() => parseFormula('y ~ log(a)'), /unsupported function log\(\)/);
  assert.throws(() => parseFormula('y ~ a + y'), /response "y" also appears/);
  assert.throws(() => buildModelFrame({ formula: parseFormula('y ~ nope'), data: R.data }), /unknown column "nope"/);
  assert.throws(
    () => buildModelFrame({ formula: parseFormula('y ~ a'), data: { y: [1, 2, 3], a: [1, 'x', 3] } }),
    /mixes numbers and text/,
  );
});
