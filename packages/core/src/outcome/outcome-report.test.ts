import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { expectClose } from '../stats/fixtures/expect-close.ts';
import { dataCutFiles, type DataCutFileName } from './data-cut.ts';
import { outcomeReport } from './outcome-report.ts';
import { parseDataCut } from './parse-data-cut.ts';

// R reference values: scripts/r/outcome-report.R (nlme + emmeans, t.test, wilcox.test, prop.test,
// binom.test, p.adjust) on the fixture it writes.
const R = JSON.parse(readFileSync(new URL('./fixtures/cut-small-expected.json', import.meta.url), 'utf8'));
const files = Object.fromEntries(dataCutFiles.map((f) => [f, readFileSync(new URL(`./fixtures/cut-small/${f}`, import.meta.url), 'utf8')])) as Record<DataCutFileName, string>;
const report = outcomeReport(parseDataCut(files));

const close = (a: number | null | undefined, e: number, rel: number, label: string) => {
  assert.ok(typeof a === 'number', `${label}: missing`);
  expectClose(a, e, rel, label);
};
const closeCi = (a: readonly [number, number] | null | undefined, e: [number, number], rel: number, label: string) => {
  assert.ok(a, `${label}: missing`);
  close(a[0], e[0], rel, `${label} lo`);
  close(a[1], e[1], rel, `${label} hi`);
};

test('the MMRM mean change per visit agrees with nlme::gls + emmeans (estimate, SE) and Satterthwaite df', () => {
  assert.deepEqual(report.perVisit.map((v) => v.visit), ['w2', 'w4', 'w8']);
  R.perVisit.forEach((r: { visit: string; estimate: number; se: number; df: number; ci95: [number, number]; p: number; n: number; emmeansEstimate: number; emmeansSe: number }, i: number) => {
    const v = report.perVisit[i];
    close(v.estimate, r.emmeansEstimate, 1e-6, `${r.visit} estimate vs emmeans`);
    close(v.se, r.emmeansSe, 1e-5, `${r.visit} se vs emmeans`);
    close(v.df, r.df, 1e-4, `${r.visit} df`);
    closeCi(v.ci95, r.ci95, 1e-5, `${r.visit} ci95`);
    close(v.p, r.p, 1e-3, `${r.visit} p`);
    assert.equal(v.n, r.n);
  });
  assert.equal(report.primary?.visit, 'w8');
  assert.equal(report.primary, report.perVisit[2]);
});

test('sensitivity: paired t and Wilcoxon among completers and LOCF agree with R', () => {
  const p = report.sensitivity.paired!;
  assert.equal(p.n, R.paired.n);
  close(p.estimate, R.paired.estimate, 1e-12, 'paired estimate');
  closeCi(p.ci95, R.paired.ci95, 1e-10, 'paired ci');
  close(p.p, R.paired.p, 1e-8, 'paired p');
  close(p.wilcoxon.V, R.paired.wilcoxonV, 1e-12, 'V');
  close(p.wilcoxon.p, R.paired.wilcoxonP, 1e-8, 'wilcoxon p');
  const l = report.sensitivity.locf!;
  assert.equal(l.n, R.locf.n);
  close(l.estimate, R.locf.estimate, 1e-12, 'locf');
  closeCi(l.ci95, R.locf.ci95, 1e-10, 'locf ci');
  assert.ok(report.sensitivity.completers, 'the completers-only MMRM is reported');
  assert.ok(report.sensitivity.perProtocol, 'per protocol is reported when the plan names it');
});

test('responders and remitters (missing = non-responder, and completers) with Wilson CIs agree with prop.test', () => {
  for (const [name, mine] of [['responders', report.responders], ['remitters', report.remitters]] as const) {
    for (const set of ['itt', 'completers'] as const) {
      const r = R[name][set];
      assert.equal(mine[set].k, r.k, `${name} ${set} k`);
      assert.equal(mine[set].n, r.n, `${name} ${set} n`);
      closeCi(mine[set].wilson, r.wilson, 1e-10, `${name} ${set}`);
    }
  }
  for (const band of Object.keys(R.responders.byBand)) {
    const r = R.responders.byBand[band];
    if (r.n === 0) continue;
    assert.equal(report.responders.byBand[band].k, r.k, band);
    assert.equal(report.responders.byBand[band].n, r.n, band);
  }
  // the participant with baseline 3 is not in the denominator: 25 dosed, 24 counted
  assert.equal(report.responders.itt.n, 24);
});

test('reliable change, regression to the mean and adverse events agree with R', () => {
  const rc = report.reliableChange!;
  close(rc.threshold, R.reliableChange.threshold, 1e-12, 'threshold');
  assert.deepEqual([rc.improved, rc.unchanged, rc.deteriorated], [R.reliableChange.improved, R.reliableChange.unchanged, R.reliableChange.deteriorated]);
  assert.equal(report.rtm!.n, R.rtm.n);
  close(report.rtm!.estimate, R.rtm.estimate, 1e-12, 'rtm');
  closeCi(report.rtm!.ci95, R.rtm.ci95, 1e-10, 'rtm ci');
  const ae = report.adverseEvents;
  assert.equal(ae.participants.k, R.adverseEvents.participants.k);
  assert.equal(ae.participants.n, R.adverseEvents.participants.n);
  closeCi(ae.participants.clopperPearson, R.adverseEvents.participants.clopperPearson, 1e-9, 'AE participants');
  assert.equal(ae.perDose.k, R.adverseEvents.perDose.k);
  assert.equal(ae.perDose.n, R.adverseEvents.perDose.n);
  closeCi(ae.perDose.clopperPearson, R.adverseEvents.perDose.clopperPearson, 1e-9, 'AE per dose');
  assert.equal(ae.ruleOfThree, null);
  assert.deepEqual(ae.serious.map((s) => s.term), ['syncope']);
});

test('biomarkers: pre-specified hypotheses Holm-adjusted, the rest Benjamini–Hochberg and labelled exploratory', () => {
  for (const id of ['bdnf_up', 'crp_down']) {
    const mine = report.biomarkers.find((b) => b.id === id)!;
    const r = R.biomarkers[id];
    assert.equal(mine.prespecified, true);
    assert.equal(mine.method, 'holm');
    assert.equal(mine.n, r.n);
    close(mine.estimate, r.estimate, 1e-10, `${id} estimate`);
    closeCi(mine.ci95, r.ci95, 1e-9, `${id} ci`);
    close(mine.p, r.p, 1e-8, `${id} p`);
    close(mine.pAdjusted, r.pAdjusted, 1e-8, `${id} holm`);
    close(mine.correlation?.r, r.correlation, 1e-10, `${id} r`);
  }
  const il6 = report.biomarkers.find((b) => b.analyte === 'il6')!;
  assert.equal(il6.prespecified, false);
  assert.equal(il6.method, 'bh');
  close(il6.pAdjusted, R.exploratory.il6.pAdjusted, 1e-8, 'il6 BH');
});

test('flow, plan and limitations come from the data cut and the design', () => {
  assert.deepEqual(
    { screened: report.flow.screened, eligible: report.flow.eligible, consented: report.flow.consented, dosed: report.flow.dosed, completed: report.flow.completed, excluded: report.flow.excludedNoDataUse },
    { screened: 30, eligible: 27, consented: 25, dosed: 25, completed: 19, excluded: 1 },
  );
  assert.deepEqual(report.flow.reasons.notEligible, { ineligible_medication: 1, ineligible_severity: 2 });
  assert.deepEqual(report.flow.visits.map((v) => v.n), R.perVisit.map((v: { n: number }) => v.n));
  assert.equal(report.plan.version, 2);
  assert.equal(report.plan.lockedAt, '2026-04-01T03:00:00Z');
  assert.equal(report.plan.lockedBeforeCut, true);
  const codes = report.limitations.map((l) => l.code);
  assert.ok(codes.includes('no_control') && codes.includes('self_report') && codes.includes('loss_to_follow_up'));
  assert.ok(report.benchmarks.some((b) => b.comparator === 'sham') && report.benchmarks.every((b) => b.source.citation));
});

test('the same data cut always gives the same report', () => {
  assert.equal(JSON.stringify(outcomeReport(parseDataCut(files))), JSON.stringify(report));
});

test('with no adverse events the rule of three gives the upper bound', () => {
  const none = outcomeReport(parseDataCut({ ...files, 'adverse_events.csv': 'study_id,day,term,grade,serious,related\n' }));
  assert.equal(none.adverseEvents.participants.k, 0);
  assert.equal(none.adverseEvents.ruleOfThree, 3 / 25);
  assert.equal(none.adverseEvents.participants.clopperPearson?.[0], 0);
});
