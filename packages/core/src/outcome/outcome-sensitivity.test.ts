import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { expectClose } from '../stats/fixtures/expect-close.ts';
import { adverseEventTable } from './adverse-event-table.ts';
import { dataCutFiles, type DataCutFileName } from './data-cut.ts';
import { outcomeReport } from './outcome-report.ts';
import { parseDataCut } from './parse-data-cut.ts';
import { perProtocolSet } from './per-protocol-set.ts';
import { tippingPoint } from './tipping-point.ts';

// R reference values: scripts/r/outcome-sensitivity.R (nlme::gls + emmeans with Satterthwaite df
// from the REML likelihood, t.test, table) on the fixture that scripts/r/outcome-report.R writes.
const R = JSON.parse(readFileSync(new URL('./fixtures/cut-small-sensitivity.json', import.meta.url), 'utf8'));
const files = Object.fromEntries(dataCutFiles.map((f) => [f, readFileSync(new URL(`./fixtures/cut-small/${f}`, import.meta.url), 'utf8')])) as Record<DataCutFileName, string>;
const cut = parseDataCut(files);
const report = outcomeReport(cut);

const close = (a: number | null | undefined, e: number, rel: number, label: string) => {
  assert.ok(typeof a === 'number', `${label}: missing`);
  expectClose(a, e, rel, label);
};

test('tipping point: the share missing at the primary visit and the δ at which the 95 % CI reaches 0 agree with R', () => {
  const tp = report.sensitivity.tippingPoint!;
  const r = R.tippingPoint;
  assert.equal(tp.n, r.n);
  assert.equal(tp.missing, r.missing);
  close(tp.fraction, r.fraction, 1e-15, 'fraction');
  assert.equal(tp.conclusion, 'decrease');
  // δ* = −(upper bound)/share: within the tolerance of the primary's estimate, SE and df
  close(tp.delta, r.delta, 1e-5, 'tipping δ');
  const last = tp.grid[tp.grid.length - 1];
  assert.equal(last.delta, tp.delta);
  close(last.estimate, r.atDelta.estimate, 1e-5, 'estimate at δ*');
  assert.ok(Math.abs(last.ci95[1]) < 1e-9, 'the upper bound is 0 at the tipping point');
  close(last.p, 0.05, 1e-6, 'p at δ* is α');
  const five = tp.grid.find((g) => g.delta === 5)!;
  close(five.estimate, r.at5.estimate, 1e-6, 'estimate at δ = 5');
  close(five.ci95[0], r.at5.ci95[0], 1e-5, 'lower at δ = 5');
  close(five.p, r.at5.p, 1e-3, 'p at δ = 5');
  assert.deepEqual(tp.grid.map((g) => g.delta).slice(0, 3), [0, 5, 10], 'round steps from 0');
  assert.equal(tp.grid[0].estimate, report.primary!.estimate);
  assert.equal(tp.beyondScale, false, 'PHQ-9 spans 27 points; δ* ≈ 26.1 is inside it');
});

test('tipping point: the direction follows the conclusion, and nothing is shifted when nobody is missing', () => {
  const up = tippingPoint({ estimate: 3, se: 1, df: 20, n: 10, missing: 5 });
  assert.equal(up.conclusion, 'increase');
  assert.ok(up.delta! < 0);
  expectClose(up.grid.at(-1)!.ci95[0], 0, 1e-9, 'lower bound at δ*');
  const nc = tippingPoint({ estimate: -0.5, se: 1, df: 20, n: 10, missing: 5 });
  assert.equal(nc.conclusion, 'no_change');
  assert.ok(nc.delta! < 0, 'the nearer bound: towards a decrease');
  assert.equal(tippingPoint({ estimate: -10, se: 1, df: 20, n: 10, missing: 1, scaleSpan: 27 }).beyondScale, true);
  assert.equal(nc.beyondScale, null, 'no range given');
  const none = tippingPoint({ estimate: -3, se: 1, df: 20, n: 10, missing: 0 });
  assert.equal(none.delta, null);
  assert.equal(none.grid.length, 1);
});

test('per protocol: the plan definition picks the participants R picks, and the same MMRM agrees with nlme::gls + emmeans', () => {
  const pp = report.sensitivity.perProtocol!;
  const set = perProtocolSet({ participants: cut.participants, exposures: cut.exposures, primary: cut.outcomes.filter((o) => o.scale === 'phq9' && o.visit === 'w8'), definition: cut.plan.perProtocol });
  assert.deepEqual(set.ids, R.perProtocol.ids);
  assert.deepEqual(pp.excluded, R.perProtocol.excluded);
  assert.deepEqual(pp.population, { doses: 4, intervalDays: 14, windowBeforeDays: 2, windowAfterDays: 2, source: 'plan' });
  assert.equal(pp.participants, R.perProtocol.participants);
  R.perProtocol.perVisit.forEach((r: { visit: string; emmeansEstimate: number; emmeansSe: number; df: number; ci95: [number, number]; n: number }, i: number) => {
    const v = pp.perVisit[i];
    assert.equal(v.visit, r.visit);
    close(v.estimate, r.emmeansEstimate, 1e-6, `${r.visit} estimate`);
    close(v.se, r.emmeansSe, 1e-5, `${r.visit} se`);
    close(v.df, r.df, 1e-5, `${r.visit} df`);
    close(v.ci95[0], r.ci95[0], 1e-5, `${r.visit} lo`);
    assert.equal(v.n, r.n, `${r.visit} n (S019's out-of-window week 4 is left out)`);
  });
  assert.equal(pp.visit, 'w8');
  assert.equal(pp.estimate, pp.perVisit[2].estimate);
});

test('per protocol without a definition in the plan: the most doses received, no window check, said to be derived', () => {
  const plan = JSON.parse(files['plan.json']);
  delete plan.perProtocol;
  const r = outcomeReport(parseDataCut({ ...files, 'plan.json': JSON.stringify(plan) }));
  assert.deepEqual(r.sensitivity.perProtocol!.population, { doses: 4, intervalDays: null, windowBeforeDays: 0, windowAfterDays: 0, source: 'derived' });
  assert.equal(r.sensitivity.perProtocol!.excluded.dose_out_of_window, 0);
  assert.ok(r.limitations.some((l) => l.code === 'per_protocol_derived'));
});

test('sensitivity analyses not in the locked plan still run and are labelled post hoc; under a draft plan all are post hoc', () => {
  assert.deepEqual(report.sensitivity.prespecified, { completers: true, paired: true, locf: true, per_protocol: true, tipping_point: true });
  const plan = JSON.parse(files['plan.json']);
  plan.sensitivity = ['completers'];
  const r = outcomeReport(parseDataCut({ ...files, 'plan.json': JSON.stringify(plan) }));
  assert.deepEqual(r.sensitivity.prespecified, { completers: true, paired: false, locf: false, per_protocol: false, tipping_point: false });
  assert.ok(r.sensitivity.tippingPoint && r.sensitivity.perProtocol && r.sensitivity.locf, 'they are computed, labelled post hoc');
  const draft = outcomeReport(parseDataCut({ ...files, 'plan.json': JSON.stringify({ ...plan, lockedAt: null }) }));
  assert.ok(Object.values(draft.sensitivity.prespecified).every((x) => !x));
});

test('plan: a bad per-protocol definition is refused with its path', () => {
  const plan = JSON.parse(files['plan.json']);
  plan.perProtocol = { doses: 0, intervalDays: 'two weeks' };
  assert.throws(() => parseDataCut({ ...files, 'plan.json': JSON.stringify({ ...plan, perProtocol: { intervalDays: 14 } }) }), /perProtocol\.doses: is required/);
  assert.throws(() => parseDataCut({ ...files, 'plan.json': JSON.stringify(plan) }), (e: Error & { issues?: Array<{ path: string }> }) => {
    const paths = (e.issues ?? []).map((i) => i.path);
    return paths.includes('plan.json:perProtocol.doses') && paths.includes('plan.json:perProtocol.intervalDays');
  });
});

test('adverse events by relatedness × grade: participants and events per cell, all and serious, as R tabulates them', () => {
  const t = report.adverseEvents.table;
  for (const [name, table] of [['all', t.all], ['serious', t.serious]] as const) {
    const r = R.aeTable[name];
    const cells: Record<string, { participants: number; events: number }> = {};
    for (const row of table.rows) for (const [g, c] of Object.entries(row.byGrade)) if (c.events) cells[`${row.related}|${g}`] = c;
    const { total, ...rCells } = r;
    assert.deepEqual(cells, rCells, name);
    assert.deepEqual(table.total, total, `${name} total`);
  }
  assert.deepEqual(t.all.grades, ['1', '2', '3']);
  assert.deepEqual(t.all.rows.map((x) => x.related), ['unlikely', 'possible', 'probable', 'definite'], 'in the order of the stored categories');
  // S006 had two grade-1 events (probable, possible): once in each row, once in the grade-1 total
  assert.deepEqual(t.all.byGrade['1'], { participants: 5, events: 6 });
});

test('adverse-event table: unassessed relatedness and unknown grade have their own row and column; a participant counts once per total', () => {
  const t = adverseEventTable([
    { studyId: 'A', day: 1, term: 'x', grade: 1, serious: false, related: null },
    { studyId: 'A', day: 2, term: 'y', grade: null, serious: false, related: 'possible' },
    { studyId: 'B', day: 2, term: 'y', grade: 1, serious: false, related: 'possible' },
  ]);
  assert.deepEqual(t.grades, ['1', 'unknown']);
  assert.deepEqual(t.rows.map((r) => r.related), ['possible', 'not_assessed']);
  assert.deepEqual(t.rows[0].total, { participants: 2, events: 2 });
  assert.deepEqual(t.total, { participants: 2, events: 3 });
  assert.deepEqual(t.byGrade['1'], { participants: 2, events: 2 });
});

test('biomarker trajectories: mean and t-based 95 % CI per visit agree with t.test; individual values by day', () => {
  const bt = report.biomarkerTrajectories;
  assert.deepEqual(bt.map((b) => b.analyte), ['bdnf', 'crp', 'il6']);
  for (const b of bt) {
    assert.deepEqual(b.visits.map((v) => v.visit), ['baseline', 'w8']);
    for (const v of b.visits) {
      const r = R.biomarkers[`${b.analyte}|${v.visit}`];
      assert.equal(v.n, r.n);
      close(v.mean, r.mean, 1e-12, `${b.analyte} ${v.visit} mean`);
      close(v.ci95?.[0], r.ci95[0], 1e-10, `${b.analyte} ${v.visit} lo`);
      close(v.ci95?.[1], r.ci95[1], 1e-10, `${b.analyte} ${v.visit} hi`);
      assert.equal(v.day, r.day);
    }
    assert.equal(b.participants.length, 25);
  }
  assert.equal(bt[0].unit, 'ng/mL');
});
