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
