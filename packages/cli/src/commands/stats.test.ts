import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../main.ts';

const fixtures = new URL('../../../core/src/stats/fixtures/', import.meta.url).pathname;

async function run(args: string[], cwd = fixtures): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, env: {}, cwd });
  return { code, out, err };
}

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

function tmpCsv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-stats-'));
  writeFileSync(join(dir, 'd.csv'), text);
  return dir;
}

test('stats paired prints one JSON object that agrees with R (sleepstudy day 0 vs 9, wide CSV)', async () => {
  const rows = readFileSync(join(fixtures, 'sleepstudy.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const wide = new Map<string, { d0?: string; d9?: string }>();
  for (const [id, day, y] of rows) {
    const w = wide.get(id) ?? {};
    if (day === '0') w.d0 = y;
    if (day === '9') w.d9 = y;
    wide.set(id, w);
  }
  const csv = ['id,day0,day9,note', ...[...wide].map(([id, w]) => `${id},${w.d0},${w.d9},x`), '999,NA,300,missing', '998,,,empty'].join('\n');
  const dir = tmpCsv(csv);
  const r = await run(['stats', 'paired', '--csv', 'd.csv', '--before', 'day0', '--after', 'day9'], dir);
  assert.equal(r.code, 0, r.err);
  const got = JSON.parse(r.out);
  const R = JSON.parse(readFileSync(join(fixtures, 'paired_sleepstudy.json'), 'utf8')).sleepstudy_day0_vs_day9;
  assert.equal(got.n, 18);
  assert.equal(got.missing, 2, 'the NA row and the empty row are counted as left out');
  assert.ok(rel(got.meanChange, R.mean_change) < 1e-10);
  assert.ok(rel(got.p, R.t_test.p_two_sided) < 1e-10);
  assert.ok(rel(got.ci95[0], R.t_test.ci95_mean_change[0]) < 1e-10);
  assert.deepEqual(got.wilcoxon.V, 170);
  assert.equal(got.wilcoxon.method, 'exact');
  assert.ok(rel(got.hedgesGz, R.effect_sizes.hedges_gz) < 1e-10);
  assert.deepEqual(Object.keys(got), ['n', 'missing', 'meanChange', 'sdChange', 'ci95', 't', 'df', 'p', 'wilcoxon', 'dz', 'hedgesGz', 'srm']);
});

test('stats proportion prints Wilson and Clopper–Pearson intervals', async () => {
  const r = await run(['stats', 'proportion', '--successes', '7', '--n', '20']);
  assert.equal(r.code, 0, r.err);
  const got = JSON.parse(r.out);
  assert.equal(got.estimate, 0.35);
  const R = JSON.parse(readFileSync(join(fixtures, 'closed-form.json'), 'utf8')).proportions.find((p: { successes: number; n: number }) => p.successes === 7 && p.n === 20);
  assert.ok(rel(got.wilson[1], R.wilson[1]) < 1e-12 && rel(got.clopperPearson[0], R.clopperPearson[0]) < 1e-12);
  const bad = await run(['stats', 'proportion', '--successes', '21', '--n', '20']);
  assert.equal(bad.code, 2);
});

test('stats rci classifies changes by the Jacobson–Truax threshold (lower is better by default)', async () => {
  // before SD: values 10, 20, 30, 40 → SD = 12.909944…; reliability 0.8 → threshold = 1.96·√2·SD·√0.2
  const dir = tmpCsv('pre,post\n10,2\n20,19\n30,45\n40,41\n,5\n');
  const r = await run(['stats', 'rci', '--csv', 'd.csv', '--before', 'pre', '--after', 'post', '--reliability', '0.8'], dir);
  assert.equal(r.code, 0, r.err);
  const got = JSON.parse(r.out);
  const sd = Math.sqrt(((15 ** 2 + 5 ** 2) * 2) / 3);
  assert.ok(rel(got.sd, sd) < 1e-12);
  assert.ok(rel(got.threshold, 1.96 * Math.sqrt(2) * sd * Math.sqrt(0.2)) < 1e-12);
  // threshold ≈ 16.0: −8 unchanged, −1 unchanged, +15 unchanged, +1 unchanged
  assert.deepEqual([got.improved, got.unchanged, got.deteriorated], [0, 4, 0]);
  assert.equal(got.missing, 1, 'the row without a before value is counted as left out');
  const r2 = await run(['stats', 'rci', '--csv', 'd.csv', '--before', 'pre', '--after', 'post', '--reliability', '0.8', '--sd', '5'], dir);
  const g2 = JSON.parse(r2.out);
  // threshold = 1.96·√2·5·√0.2 ≈ 6.2: −8 improved, +15 deteriorated
  assert.deepEqual([g2.improved, g2.unchanged, g2.deteriorated], [1, 2, 1]);
  const r3 = await run(['stats', 'rci', '--csv', 'd.csv', '--before', 'pre', '--after', 'post', '--reliability', '0.8', '--sd', '5', '--higher-is-better'], dir);
  const g3 = JSON.parse(r3.out);
  assert.deepEqual([g3.improved, g3.unchanged, g3.deteriorated], [1, 2, 1]);
  assert.equal(g3.threshold, g2.threshold);
});

test('stats reports unknown columns and non-numeric values with a non-zero exit', async () => {
  const dir = tmpCsv('pre,post\n10,2\n20,abc\n30,45\n');
  const unknown = await run(['stats', 'paired', '--csv', 'd.csv', '--before', 'pre', '--after', 'nope'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown column "nope"/);
  const nonNumeric = await run(['stats', 'paired', '--csv', 'd.csv', '--before', 'pre', '--after', 'post'], dir);
  assert.notEqual(nonNumeric.code, 0);
  assert.match(nonNumeric.err, /non-numeric value "abc"/);
  assert.equal(nonNumeric.out, '');
});

test('stats lmm fits the sleepstudy random-slope model as lme4/lmerTest (tight fit)', async () => {
  const r = await run(['stats', 'lmm', '--csv', 'sleepstudy.csv', '--formula', 'Reaction ~ Days + (Days | Subject)']);
  assert.equal(r.code, 0, r.err);
  const got = JSON.parse(r.out);
  const R = JSON.parse(readFileSync(join(fixtures, 'lmm_sleepstudy.json'), 'utf8')).random_intercept_slope.tight;
  assert.ok(rel(got.fixed.Days.estimate, R.fixed_effects.Days.estimate) < 1e-5);
  assert.ok(rel(got.fixed.Days.se, R.fixed_effects.Days.se) < 1e-5);
  assert.ok(rel(got.fixed.Days.df, R.fixed_effects.Days.df_satterthwaite) < 1e-5);
  assert.ok(rel(got.random.Subject.sd.Days, R.variance_components.Subject.sd.Days) < 1e-4);
  assert.ok(rel(got.remlCriterion, R.REML_criterion) < 1e-8);
  assert.deepEqual(got.ngroups, { Subject: 18 });
  assert.equal(got.nobs, 180);
  assert.equal(got.converged, true);
  for (const k of ['fixed', 'random', 'sigma', 'remlCriterion', 'logLik', 'aic', 'bic', 'nobs', 'ngroups', 'converged']) assert.ok(k in got, k);
});

test('stats lmm honours --levels and --ml (BtheB, reference arm TAU)', async () => {
  const r = await run(['stats', 'lmm', '--csv', 'btheb-long.csv', '--formula', 'bdi ~ bdi.pre + time + treatment + drug + length + (1 | subject)', '--levels', 'treatment=TAU', '--ml']);
  assert.equal(r.code, 0, r.err);
  const got = JSON.parse(r.out);
  const R = JSON.parse(readFileSync(join(fixtures, 'lmm-btheb.json'), 'utf8')).models.intercept_ml;
  assert.deepEqual(Object.keys(got.fixed), Object.keys(R.fixed));
  assert.ok(rel(got.fixed.treatmentBtheB.estimate, R.fixed.treatmentBtheB.estimate) < 1e-5);
  assert.ok(rel(got.logLik, R.logLik) < 1e-8);
  assert.equal(got.remlCriterion, null);
});

test('stats lmm explains a formula it cannot parse, or a model it cannot fit', async () => {
  const bad = await run(['stats', 'lmm', '--csv', 'sleepstudy.csv', '--formula', 'Reaction ~ Days + (Days | Subject']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /cannot parse formula/);
  const noRandom = await run(['stats', 'lmm', '--csv', 'sleepstudy.csv', '--formula', 'Reaction ~ Days']);
  assert.notEqual(noRandom.code, 0);
  assert.match(noRandom.err, /no random-effects term/);
  const dup = await run(['stats', 'lmm', '--csv', 'sleepstudy.csv', '--formula', 'Reaction ~ Days + Days2 + (1 | Subject)']);
  assert.equal(dup.code, 2);
  assert.match(dup.err, /unknown column "Days2"/);
  const dir = tmpCsv('id,t,y\na,0,1\na,1,2\nb,0,3\nb,1,oops\n');
  const nonNum = await run(['stats', 'lmm', '--csv', 'd.csv', '--formula', 'y ~ t + (1 | id)'], dir);
  assert.equal(nonNum.code, 2);
  assert.match(nonNum.err, /non-numeric value "oops"/);
  const collinear = tmpCsv('id,t,t2,y\na,0,0,1\na,1,2,2.5\nb,0,0,3\nb,1,2,3.7\nc,0,0,2\nc,1,2,2.2\n');
  const rank = await run(['stats', 'lmm', '--csv', 'd.csv', '--formula', 'y ~ t + t2 + (1 | id)'], collinear);
  assert.equal(rank.code, 1);
  assert.match(rank.err, /rank deficient/);
});

test('stats lmm refuses data too small for the model instead of printing numbers that look fitted', async () => {
  // Three rows: the case (it used to print converged: true with a df of 5e-9).
  const three = await run(['stats', 'lmm', '--csv', 'd.csv', '--formula', 'y ~ t + (1 | id)'], tmpCsv('id,t,y\na,0,1\na,1,2\nb,0,3\n'));
  assert.equal(three.code, 1);
  assert.equal(three.out, '');
  assert.match(three.err, /3 observations are too few for a model with 2 fixed effects and 2 variance parameters: it needs at least 5/);
  // A random slope per patient with two visits each: as many random effects as observations.
  const slopes = await run(['stats', 'lmm', '--csv', 'd.csv', '--formula', 'y ~ t + (t | id)'], tmpCsv('id,t,y\na,0,1\na,1,2\nb,0,3\nb,1,3.5\nc,0,2\nc,1,2.9\n'));
  assert.equal(slopes.code, 1);
  assert.match(slopes.err, /6 observations for 6 random effects/);
  const oneGroup = await run(['stats', 'lmm', '--csv', 'd.csv', '--formula', 'y ~ t + (1 | id)'], tmpCsv('id,t,y\na,0,1\na,1,2\na,2,3.5\na,3,3.9\na,4,5.2\na,5,6.1\n'));
  assert.equal(oneGroup.code, 1);
  assert.match(oneGroup.err, /needs at least 2 levels \(it has 1\)/);
});

test('stats lmm prints a singular fit with a warning, in the JSON and on stderr', async () => {
  const dir = tmpCsv('g,y\na,0\na,2\nb,1\nb,1\nc,2\nc,0\n');
  const r = await run(['stats', 'lmm', '--csv', 'd.csv', '--formula', 'y ~ 1 + (1 | g)'], dir);
  assert.equal(r.code, 0, r.err);
  const got = JSON.parse(r.out);
  assert.equal(got.random.g.sd['(Intercept)'], 0);
  assert.equal(got.warnings.length, 1);
  assert.match(got.warnings[0], /^singular fit: the random-effect variance of "\(Intercept\)" is estimated at or near 0/);
  assert.match(r.err, /^warning: singular fit/);
  const fine = await run(['stats', 'lmm', '--csv', 'sleepstudy.csv', '--formula', 'Reaction ~ Days + (Days | Subject)']);
  assert.deepEqual(JSON.parse(fine.out).warnings, []);
  assert.equal(fine.err, '');
});

test('stats mmrm prints fixed effects, covariance and visit-wise contrasts as nlme::gls + REML Satterthwaite', async () => {
  const R = JSON.parse(readFileSync(join(fixtures, 'mmrm-btheb.json'), 'utf8'));
  const r = await run(['stats', 'mmrm', '--csv', 'btheb-long.csv', '--formula', R.formula, '--subject', 'subject', '--visit', 'time', '--covariance', 'cs', '--contrast', 'treatment', '--levels', 'treatment=TAU']);
  assert.equal(r.code, 0, r.err);
  const got = JSON.parse(r.out);
  const ref = R.fits.cs;
  assert.ok(rel(got.fixed.treatmentBtheB.estimate, ref.fixed.treatmentBtheB.estimate) < 1e-5);
  assert.ok(rel(got.contrasts['8'].df, ref.contrasts['8'].df) < 1e-5);
  assert.ok(rel(got.contrasts['8'].ci95[1], ref.contrasts['8'].ci95[1]) < 1e-5);
  assert.equal(got.covariance.length, 4);
  assert.equal(got.nobs, ref.nobs);
  const bad = await run(['stats', 'mmrm', '--csv', 'btheb-long.csv', '--formula', R.formula, '--subject', 'subject', '--visit', 'time', '--covariance', 'toeplitz']);
  assert.equal(bad.code, 2);
  const small = await run(['stats', 'mmrm', '--csv', 'd.csv', '--formula', 'y ~ arm + factor(visit)', '--subject', 'id', '--visit', 'visit'], tmpCsv('id,visit,y,arm\na,1,1,c\na,2,2,c\nb,1,3,t\nb,2,3.5,t\nc,1,2,c\n'));
  assert.equal(small.code, 1);
  assert.equal(small.out, '');
  assert.match(small.err, /5 observations are too few .* it needs at least 7/);
});

test('every stats analysis has --help', async () => {
  const top = await run(['stats', '--help']);
  assert.equal(top.code, 0);
  for (const name of ['lmm', 'mmrm', 'paired', 'proportion', 'rci']) {
    const r = await run(['stats', name, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, new RegExp(`mimamori stats ${name}`));
  }
});
