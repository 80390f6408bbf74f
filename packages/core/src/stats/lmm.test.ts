import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fitLmm } from './lmm.ts';
import { requireUsableDf } from './satterthwaite.ts';
import { csvColumns } from './fixtures/csv-columns.ts';
import { expectClose } from './fixtures/expect-close.ts';

const read = (f: string) => readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8');
const sleep = csvColumns(read('sleepstudy.csv'));
const sleepR = JSON.parse(read('lmm_sleepstudy.json'));
const btheb = csvColumns(read('btheb-long.csv'));
const bthebR = JSON.parse(read('lmm-btheb.json'));
const unbalanced = csvColumns(read('lmm-unbalanced.csv'));
const unbalancedR = JSON.parse(read('lmm-unbalanced.json'));

const FIXED = 1e-5;
const VC = 1e-4;

for (const [key, formula] of [['random_intercept_slope', 'Reaction ~ Days + (Days | Subject)'], ['random_intercept', 'Reaction ~ Days + (1 | Subject)']] as const) {
  for (const reml of [true, false]) {
    test(`sleepstudy ${formula} (${reml ? 'REML' : 'ML'}) agrees with lme4/lmerTest (tight fit)`, () => {
      const ref = reml ? sleepR[key].tight : sleepR[key].ML_fit.tight;
      const fit = fitLmm({ formula, data: sleep, reml });
      assert.equal(fit.converged, true);
      assert.deepEqual(fit.coefficientNames, Object.keys(ref.fixed_effects));
      for (const [name, fe] of Object.entries<any>(ref.fixed_effects)) {
        expectClose(fit.fixed[name].estimate, fe.estimate, FIXED, `${name} estimate`);
        expectClose(fit.fixed[name].se, fe.se, FIXED, `${name} se`);
        expectClose(fit.fixed[name].t, fe.t, FIXED, `${name} t`);
        if (fe.df_satterthwaite !== undefined) {
          expectClose(fit.fixed[name].df, fe.df_satterthwaite, FIXED, `${name} df`);
          expectClose(fit.fixed[name].p, fe.p_satterthwaite, 1e-4, `${name} p`);
        }
      }
      const vc = ref.variance_components.Subject;
      for (const t of vc.terms) expectClose(fit.random.Subject.sd[t], vc.sd[t], VC, `sd ${t}`);
      if (vc.correlation) expectClose(fit.random.Subject.corr![0][1], vc.correlation.rows[0][1], VC, 'corr');
      else assert.equal(fit.random.Subject.corr, null);
      expectClose(fit.sigma, ref.sigma, VC, 'sigma');
      if (reml) expectClose(fit.remlCriterion!, ref.REML_criterion, 1e-8, 'REML criterion');
      else expectClose(fit.deviance!, ref.deviance_ML, 1e-8, 'ML deviance');
      expectClose(fit.logLik, ref.logLik, 1e-8, 'logLik');
      expectClose(fit.aic, ref.AIC, 1e-8, 'AIC');
      expectClose(fit.bic, ref.BIC, 1e-8, 'BIC');
      assert.equal(fit.nobs, 180);
      assert.deepEqual(fit.ngroups, { Subject: 18 });
    });
  }
}

for (const [key, ref] of Object.entries<any>(bthebR.models)) {
  test(`BtheB ${ref.formula} (${ref.REML ? 'REML' : 'ML'}) agrees with lme4/lmerTest, R's coefficient names`, () => {
    const fit = fitLmm({ formula: ref.formula, data: btheb, reml: ref.REML, levels: { treatment: ['TAU'] } });
    assert.equal(fit.converged, true);
    assert.deepEqual(fit.coefficientNames, Object.keys(ref.fixed));
    for (const [name, fe] of Object.entries<any>(ref.fixed)) {
      for (const k of ['estimate', 'se', 't', 'df'] as const) expectClose(fit.fixed[name][k], fe[k], FIXED, `${key} ${name} ${k}`);
      expectClose(fit.fixed[name].p, fe.p, 1e-6, `${key} ${name} p`);
    }
    for (const [t, v] of Object.entries<any>(ref.random.subject.sd)) expectClose(fit.random.subject.sd[t], v, VC, `${key} sd ${t}`);
    if (ref.random.subject.corr) expectClose(fit.random.subject.corr![0][1], ref.random.subject.corr[0][1], VC, `${key} corr`);
    expectClose(fit.sigma, ref.sigma, VC, `${key} sigma`);
    expectClose(fit.logLik, ref.logLik, 1e-8, `${key} logLik`);
    expectClose(fit.aic, ref.aic, 1e-8, `${key} AIC`);
    expectClose(fit.bic, ref.bic, 1e-8, `${key} BIC`);
    assert.equal(fit.nobs, ref.nobs);
    assert.deepEqual(fit.ngroups, ref.ngroups);
  });
}

// Visits on the days patients came (nearly every patient has their own ZᵢᵀZᵢ, so the random-slope
// fits take the per-patient blocks) and dropout (the random-intercept fit shares blocks by visit count).
for (const [key, ref] of Object.entries<any>(unbalancedR.models)) {
  test(`unbalanced follow-up ${ref.formula} (${ref.REML ? 'REML' : 'ML'}) agrees with lme4/lmerTest`, () => {
    const fit = fitLmm({ formula: ref.formula, data: unbalanced, reml: ref.REML });
    assert.equal(fit.converged, true);
    assert.deepEqual(fit.warnings, []);
    assert.deepEqual(fit.coefficientNames, Object.keys(ref.fixed));
    for (const [name, fe] of Object.entries<any>(ref.fixed)) {
      for (const k of ['estimate', 'se', 't', 'df'] as const) expectClose(fit.fixed[name][k], fe[k], FIXED, `${key} ${name} ${k}`);
      expectClose(fit.fixed[name].p, fe.p, 1e-6, `${key} ${name} p`);
    }
    for (const [t, v] of Object.entries<any>(ref.random.id.sd)) expectClose(fit.random.id.sd[t], v, VC, `${key} sd ${t}`);
    if (ref.random.id.corr) expectClose(fit.random.id.corr![0][1], ref.random.id.corr[0][1], VC, `${key} corr`);
    expectClose(fit.sigma, ref.sigma, VC, `${key} sigma`);
    expectClose(fit.logLik, ref.logLik, 1e-8, `${key} logLik`);
    assert.equal(fit.nobs, ref.nobs);
    assert.deepEqual(fit.ngroups, ref.ngroups);
  });
}

test('an LMM without a random term, or with an unknown column, is refused with the reason', () => {
  assert.throws(() => fitLmm({ formula: 'Reaction ~ Days', data: sleep }), /no random-effects term/);
  assert.throws(() => fitLmm({ formula: 'Reaction ~ Dayz + (1 | Subject)', data: sleep }), /unknown column "Dayz"/);
  assert.throws(() => fitLmm({ formula: 'Reaction ~ Days + (1 | Subject', data: sleep }), /cannot parse formula/);
});

test('a singular fit (between-group variance 0) is reported as singular, with the variance held at 0', () => {
  const data = { g: ['a', 'a', 'b', 'b', 'c', 'c'], y: [0, 2, 1, 1, 2, 0] };
  const fit = fitLmm({ formula: 'y ~ 1 + (1 | g)', data });
  assert.equal(fit.convergence.singular, true);
  assert.equal(fit.random.g.sd['(Intercept)'], 0);
  expectClose(fit.fixed['(Intercept)'].estimate, 1, 1e-12, 'intercept');
  // With the group variance at 0 the model is ordinary least squares: SE = s/√n, df = n − 1.
  expectClose(fit.fixed['(Intercept)'].se, Math.sqrt(0.8 / 6), 1e-8, 'se');
  expectClose(fit.fixed['(Intercept)'].df, 5, 1e-6, 'df');
  assert.equal(fit.converged, true);
  assert.deepEqual(fit.warnings, ['singular fit: the random-effect variance of "(Intercept)" is estimated at or near 0 (a boundary), so the random-effects structure is more than these data support; consider a simpler random term']);
});

test('a fit that needs nothing said has no warnings', () => {
  assert.deepEqual(fitLmm({ formula: 'Reaction ~ Days + (Days | Subject)', data: sleep }).warnings, []);
});

test('data too small for the model are refused, whatever a fit would print', () => {
  // The three rows that used to give converged: true and a df of 5e-9.
  const three = { id: ['a', 'a', 'b'], t: [0, 1, 0], y: [1, 2, 3] };
  assert.throws(() => fitLmm({ formula: 'y ~ t + (1 | id)', data: three }), /3 observations are too few for a model with 2 fixed effects and 2 variance parameters: it needs at least 5/);
  assert.throws(() => fitLmm({ formula: 'y ~ 1 + (1 | id)', data: three }), /needs at least 4/);
  // Five rows are enough for that model (lme4 fits it too).
  const five = fitLmm({ formula: 'y ~ t + (1 | id)', data: { id: ['a', 'a', 'b', 'b', 'b'], t: [0, 1, 0, 1, 2], y: [1, 2, 3, 3.5, 5] } });
  assert.ok(five.fixed.t.df >= 1);
  // As many random effects (3 patients × intercept and slope) as observations: lme4 refuses this too.
  const twoVisits = { id: ['a', 'a', 'b', 'b', 'c', 'c'], t: [0, 1, 0, 1, 0, 1], y: [1, 2.2, 3, 3.5, 2, 2.9] };
  assert.throws(() => fitLmm({ formula: 'y ~ t + (t | id)', data: twoVisits }), /6 observations for 6 random effects/);
  assert.throws(() => fitLmm({ formula: 'y ~ t + (1 | id)', data: { id: ['a', 'a', 'a', 'a', 'a', 'a'], t: [0, 1, 2, 3, 4, 5], y: [1, 2, 3, 4, 5, 7] } }), /needs at least 2 levels \(it has 1\)/);
});

test('a Satterthwaite df below 1 is refused with the coefficient named', () => {
  assert.throws(() => requireUsableDf('t', 5.4e-9), /the Satterthwaite df of "t" is 5\.4e-9, below 1/);
  assert.throws(() => requireUsableDf('t', NaN), /df of "t" is NaN/);
  assert.doesNotThrow(() => requireUsableDf('t', 1.04));
});
