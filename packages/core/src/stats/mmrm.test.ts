import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fitMmrm, type CovarianceStructure } from './mmrm.ts';
import { csvColumns } from './fixtures/csv-columns.ts';
import { expectAllClose, expectClose } from './fixtures/expect-close.ts';

const read = (f: string) => readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8');
const data = csvColumns(read('btheb-long.csv'));
const R = JSON.parse(read('mmrm-btheb.json'));

for (const type of ['us', 'cs', 'ar1'] as const) {
  test(`MMRM (${type}) on BtheB agrees with nlme::gls and REML Satterthwaite df`, () => {
    const ref = R.fits[type];
    const fit = fitMmrm({ formula: R.formula, data, subject: 'subject', visit: 'time', covariance: type as CovarianceStructure, contrast: 'treatment', levels: { treatment: ['TAU'] } });
    assert.equal(fit.converged, true);
    assert.equal(fit.nobs, ref.nobs);
    assert.deepEqual(fit.coefficientNames, Object.keys(ref.fixed));
    for (const [name, fe] of Object.entries<any>(ref.fixed)) {
      for (const k of ['estimate', 'se', 'df'] as const) expectClose(fit.fixed[name][k], fe[k], 1e-5, `${type} ${name} ${k}`);
      expectClose(fit.fixed[name].estimate, fe.glsEstimate, 1e-5, `${type} ${name} vs gls`);
    }
    expectClose(fit.logLik, -ref.minus2REML_here / 2, 1e-9, 'REML logLik');
    ref.covariance.forEach((row: number[], i: number) => expectAllClose(fit.covariance[i], row, 1e-4 * Math.max(...row.map(Math.abs)), `covariance row ${i}`));
    assert.deepEqual(Object.keys(fit.contrasts!), ['2', '3', '5', '8']);
    for (const [v, c] of Object.entries<any>(ref.contrasts)) {
      const got = fit.contrasts![v] as any;
      for (const k of ['estimate', 'se', 'df', 'p'] as const) expectClose(got[k], c[k], 1e-5, `${type} contrast at ${v} ${k}`);
      expectAllClose(got.ci95, c.ci95, 1e-5, `${type} contrast CI at ${v}`);
    }
  });
}

test('MMRM refuses a duplicate visit or an unknown column, with the reason', () => {
  assert.throws(() => fitMmrm({ formula: 'bdi ~ bdi.pre', data, subject: 'subjectx', visit: 'time' }), /unknown column "subjectx"/);
  const dup = { ...data, subject: data.subject.map(() => 1) };
  assert.throws(() => fitMmrm({ formula: 'bdi ~ bdi.pre', data: dup, subject: 'subject', visit: 'time' }), /more than one row/);
});

test('MMRM contrasts for a three-level factor: each level minus the reference, keyed by visit then level', () => {
  // Three arms made from BtheB: split the BtheB arm by drug use.
  const arm = data.treatment.map((t, i) => (t === 'TAU' ? 'TAU' : data.drug[i] === 'Yes' ? 'BtheB+drug' : 'BtheB'));
  const fit = fitMmrm({ formula: 'bdi ~ bdi.pre + arm * factor(time)', data: { ...data, arm }, subject: 'subject', visit: 'time', covariance: 'cs', contrast: 'arm', levels: { arm: ['TAU'] } });
  assert.deepEqual(fit.contrastLevels, ['TAU', 'BtheB', 'BtheB+drug']);
  const at2 = fit.contrasts!['2'] as Record<string, { estimate: number; se: number }>;
  const at8 = fit.contrasts!['8'] as Record<string, { estimate: number; se: number }>;
  assert.deepEqual(Object.keys(at2), ['BtheB', 'BtheB+drug']);
  // With arm × visit interactions, the contrast at the first visit is the arm coefficient, and at
  // a later visit the arm coefficient plus its interaction with that visit.
  expectClose(at2['BtheB+drug'].estimate, fit.fixed['armBtheB+drug'].estimate, 1e-12, 'first visit');
  expectClose(at2['BtheB+drug'].se, fit.fixed['armBtheB+drug'].se, 1e-12, 'first visit se');
  expectClose(at8.BtheB.estimate, fit.fixed.armBtheB.estimate + fit.fixed['armBtheB:factor(time)8'].estimate, 1e-12, 'last visit');
});

test('MMRM on data too small for the model is refused, not printed with a df near 0', () => {
  // Five observations for 3 fixed effects and 3 covariance parameters (it used to print
  // converged: true with a df of 7e-5 for the arm).
  const small = { id: ['a', 'a', 'b', 'b', 'c'], visit: [1, 2, 1, 2, 1], y: [1, 2, 3, 3.5, 2], arm: ['c', 'c', 't', 't', 'c'] };
  assert.throws(() => fitMmrm({ formula: 'y ~ arm + factor(visit)', data: small, subject: 'id', visit: 'visit', covariance: 'us' }), /5 observations are too few for a model with 3 fixed effects and 3 variance parameters: it needs at least 7/);
});
