import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { chiSquareTest } from './chi-square-test.ts';
import { completePairs } from './complete-pairs.ts';
import { pearsonCorrelation, spearmanCorrelation } from './correlation.ts';
import { describe as describeValues } from './descriptives.ts';
import { differenceOfProportions } from './difference-of-proportions.ts';
import { fisherExact } from './fisher-exact.ts';
import { mannWhitney } from './mann-whitney.ts';
import { benjaminiHochberg, holm } from './p-adjust.ts';
import { pairedAnalysis } from './paired-analysis.ts';
import { poissonRateCi, ruleOfThree } from './poisson-ci.ts';
import { proportionCi } from './proportion-ci.ts';
import { twoSampleTTest } from './t-test.ts';
import { wilcoxonSignedRank } from './wilcoxon-signed-rank.ts';
import { expectAllClose, expectClose } from './fixtures/expect-close.ts';

const TOL = 1e-10;
const R = JSON.parse(readFileSync(new URL('./fixtures/closed-form.json', import.meta.url), 'utf8'));
const sleep = JSON.parse(readFileSync(new URL('./fixtures/paired_sleepstudy.json', import.meta.url), 'utf8')).sleepstudy_day0_vs_day9;

function sleepColumns(): { before: number[]; after: number[] } {
  const rows = readFileSync(new URL('./fixtures/sleepstudy.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const by = (day: string) => new Map(rows.filter((r) => r[1] === day).map((r) => [r[0].replaceAll('"', ''), Number(r[2])]));
  const d0 = by('0');
  const d9 = by('9');
  const ids = [...d0.keys()];
  return { before: ids.map((id) => d0.get(id)!), after: ids.map((id) => d9.get(id)!) };
}

test('paired analysis of sleepstudy day 0 vs day 9 agrees with R (exact Wilcoxon)', () => {
  const r = pairedAnalysis(sleepColumns());
  assert.equal(r.n, 18);
  expectClose(r.meanChange, sleep.mean_change, TOL, 'mean change');
  expectClose(r.sdChange, sleep.sd_change, TOL, 'sd change');
  expectClose(r.t, sleep.t_test.t, TOL, 't');
  expectClose(r.p, sleep.t_test.p_two_sided, TOL, 'p');
  expectAllClose(r.ci95, sleep.t_test.ci95_mean_change, TOL, 'ci');
  assert.equal(r.wilcoxon.V, sleep.wilcoxon_signed_rank.V);
  assert.equal(r.wilcoxon.method, 'exact');
  expectClose(r.wilcoxon.p, sleep.wilcoxon_signed_rank.exact_requested.p_two_sided, TOL, 'wilcoxon exact p');
  expectClose(r.dz, sleep.effect_sizes.cohens_dz, TOL, 'dz');
  expectClose(r.hedgesGz, sleep.effect_sizes.hedges_gz, TOL, 'gz');
  expectClose(r.srm, sleep.effect_sizes.standardized_response_mean, TOL, 'srm');
  const d = r.meanChange;
  assert.ok(d > 0, 'change is after − before');
  const approx = wilcoxonSignedRank(sleepColumns().after.map((a, i) => a - sleepColumns().before[i]), { exact: false });
  expectClose(approx.p, sleep.wilcoxon_signed_rank.normal_approx_continuity_corrected.p_two_sided, TOL, 'wilcoxon normal p');
});

for (const [key, c] of Object.entries<any>(R.paired)) {
  test(`paired analysis agrees with R: ${c.label}`, () => {
    const r = pairedAnalysis({ before: c.before, after: c.after });
    assert.equal(r.n, c.n);
    for (const k of ['meanChange', 'sdChange', 't', 'df', 'p', 'dz', 'hedgesGz', 'srm'] as const) expectClose(r[k], c[k], TOL, `${key} ${k}`);
    expectAllClose(r.ci95, c.ci95, TOL, `${key} ci`);
    assert.equal(r.wilcoxon.V, c.wilcoxon.V);
    expectClose(r.wilcoxon.p, c.wilcoxon.p, TOL, `${key} wilcoxon p`);
    const exactR = c.wilcoxon.method.includes('exact');
    assert.equal(r.wilcoxon.method === 'exact', exactR, `${key}: method ${r.wilcoxon.method} vs R's ${c.wilcoxon.method}`);
    if (!exactR) {
      const before: number[] = [];
      const after: number[] = [];
      c.before.forEach((b: number | null, i: number) => { if (b !== null && c.after[i] !== null) { before.push(b); after.push(c.after[i]); } });
      const nc = wilcoxonSignedRank(after.map((a, i) => a - before[i]), { correct: false });
      expectClose(nc.p, c.wilcoxon.pNoCorrection, TOL, `${key} wilcoxon p without correction`);
    }
  });
}

test('two-sample t (Welch, Student) and Mann–Whitney agree with R', () => {
  for (const [key, c] of Object.entries<any>(R.twoSample)) {
    for (const [name, equalVariance] of [['welch', false], ['student', true]] as const) {
      const r = twoSampleTTest({ x: c.x, y: c.y, equalVariance });
      for (const k of ['estimate', 't', 'df', 'p'] as const) expectClose(r[k], c[name][k], TOL, `${key} ${name} ${k}`);
      expectAllClose(r.ci95, c[name].ci95, TOL, `${key} ${name} ci`);
    }
    const mw = mannWhitney({ x: c.x, y: c.y });
    assert.equal(mw.W, c.mannWhitney.W);
    expectClose(mw.p, c.mannWhitney.p, TOL, `${key} Mann–Whitney p`);
    assert.equal(mw.method === 'exact', c.mannWhitney.method.includes('exact'));
  }
});

test('proportion intervals (Wilson, Clopper–Pearson) agree with R, including 0 and n successes', () => {
  for (const c of R.proportions) {
    const r = proportionCi({ successes: c.successes, n: c.n });
    expectClose(r.estimate, c.estimate, TOL, 'estimate');
    expectAllClose(r.wilson, c.wilson, TOL, `wilson ${c.successes}/${c.n}`);
    expectAllClose(r.clopperPearson, c.clopperPearson, TOL, `clopper-pearson ${c.successes}/${c.n}`);
  }
});

test('difference of proportions agrees with prop.test (with and without Yates)', () => {
  for (const c of R.differenceOfProportions) {
    const r = differenceOfProportions(c);
    expectClose(r.estimate, c.estimate, TOL, 'estimate');
    expectAllClose(r.ci95, c.ci95, TOL, 'ci');
    expectClose(r.chiSquare, c.chiSquare, TOL, 'chi-square');
    expectClose(r.p, c.p, TOL, 'p');
    const rc = differenceOfProportions({ ...c, correct: true });
    expectAllClose(rc.ci95, c.corrected.ci95, TOL, 'corrected ci');
    expectClose(rc.p, c.corrected.p, TOL, 'corrected p');
  }
});

test("Fisher's exact and chi-square tests agree with R", () => {
  for (const c of R.fisher) {
    const r = fisherExact(c.table);
    const label = `fisher ${JSON.stringify(c.table)}`;
    expectClose(r.p, c.p, TOL, label);
    // Against fisher.test's own equations solved to full precision …
    expectClose(r.oddsRatio, c.precise.oddsRatio, 1e-8, `${label} conditional MLE`);
    expectAllClose(r.ci95, c.precise.ci95, 1e-8, `${label} CI`);
    // … and within uniroot's tolerance of what fisher.test prints.
    assert.ok(Math.abs(r.oddsRatio - c.oddsRatio) <= 1e-4 * Math.max(1, c.oddsRatio), `${label} MLE vs fisher.test`);
    r.ci95.forEach((v, i) => assert.ok(Math.abs(v - c.ci95[i]) <= 1e-2 * Math.max(1, c.ci95[i]), `${label} CI vs fisher.test`));
  }
  for (const c of R.chiSquare) {
    const r = chiSquareTest({ table: c.table, correct: c.correct });
    expectClose(r.statistic, c.statistic, TOL, 'chi-square');
    assert.equal(r.df, c.df);
    expectClose(r.p, c.p, TOL, 'chi-square p');
  }
});

test('Pearson and Spearman correlations agree with cor.test', () => {
  const c = R.correlation;
  const p = pearsonCorrelation({ x: c.x, y: c.y });
  for (const k of ['estimate', 't', 'df', 'p'] as const) expectClose(p[k], c.pearson[k], TOL, `pearson ${k}`);
  expectAllClose(p.ci95, c.pearson.ci95, TOL, 'pearson ci');
  const s = spearmanCorrelation({ x: c.x, y: c.y });
  expectClose(s.estimate, c.spearman.estimate, TOL, 'spearman rho');
  expectClose(s.p, c.spearman.p, 1e-9, 'spearman p (ties: t approximation)');
  assert.equal(s.method, 't-approximation');
  for (const e of R.spearmanExact) {
    const r = spearmanCorrelation({ x: e.x, y: e.y });
    assert.equal(r.method, 'exact');
    expectClose(r.estimate, e.estimate, TOL, `spearman rho n=${e.x.length}`);
    expectClose(r.p, e.p, TOL, `spearman exact p n=${e.x.length}`);
  }
});

test('Holm and Benjamini–Hochberg adjustments agree with p.adjust', () => {
  expectAllClose(holm(R.pAdjust.p), R.pAdjust.holm, TOL, 'holm');
  expectAllClose(benjaminiHochberg(R.pAdjust.p), R.pAdjust.BH, TOL, 'BH');
});

test('exact Poisson intervals agree with poisson.test; rule of three', () => {
  for (const c of R.poisson) {
    const r = poissonRateCi({ events: c.events, exposure: c.exposure });
    expectClose(r.rate, c.rate, TOL, 'rate');
    expectAllClose(r.ci95, c.ci95, TOL, `poisson ${c.events}/${c.exposure}`);
  }
  assert.equal(ruleOfThree(300).upper, 0.01);
  assert.ok(Math.abs(ruleOfThree(300).exactUpper - 0.009936) < 1e-5);
});

test('descriptives agree with R and count missing values', () => {
  const c = R.descriptives;
  const r = describeValues(c.values);
  assert.equal(r.n, c.n);
  assert.equal(r.nMissing, c.nMissing);
  for (const k of ['mean', 'sd', 'median', 'q1', 'q3', 'iqr'] as const) expectClose(r[k], c[k], TOL, k);
});

test('bad input is refused, not computed', () => {
  assert.throws(() => proportionCi({ successes: 5, n: 3 }), /successes/);
  assert.throws(() => pairedAnalysis({ before: [1, 2], after: [2, 3] }), /at least 3/);
  assert.throws(() => wilcoxonSignedRank([0, 0, 0]), /zero/);
});

test('complete pairs keep rows with both values and count the rows left out', () => {
  assert.deepEqual(completePairs({ before: [10, null, 12, 14, NaN], after: [8, 9, null, 11, 3] }), { before: [10, 14], after: [8, 11], missing: 3 });
  const paired = pairedAnalysis({ before: [10, 12, 15, null, 9], after: [8, 9, 11, 7, null] });
  assert.equal(paired.n, 3);
  assert.equal(paired.missing, 2);
});
