import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isDomainError } from '../errors/domain-error.ts';
import { cutUnderPlan } from './cut-under-plan.ts';
import { dataCutFiles, type DataCutFileName } from './data-cut.ts';
import { outcomeReport } from './outcome-report.ts';
import { parseDataCut } from './parse-data-cut.ts';

const files = Object.fromEntries(dataCutFiles.map((f) => [f, readFileSync(new URL(`./fixtures/cut-small/${f}`, import.meta.url), 'utf8')])) as Record<DataCutFileName, string>;
const cut = parseDataCut(files); // plan version 2, locked 2026-04-01; cut 2026-06-01
const plan2 = JSON.parse(files['plan.json']) as Record<string, unknown>;

test('a cut reported under its own plan: locked before the cut, pre-specified, no re-analysis note', () => {
  const r = outcomeReport(cut);
  assert.equal(r.plan.version, 2);
  assert.equal(r.plan.lockedBeforeCut, true);
  assert.equal(r.plan.postHoc, false);
  assert.equal(r.plan.cutPlan, null);
  assert.equal(r.sensitivity.prespecified.completers, true);
  assert.ok(r.biomarkers.filter((b) => b.method === 'holm').every((b) => b.prespecified));
});

test('under a plan version locked after the cut: that version, its lock, post hoc everywhere, the same numbers', () => {
  const plan3 = { ...plan2, version: 3, lockedAt: '2026-07-15T02:00:00Z', sensitivity: ['completers', 'locf'] };
  const before = outcomeReport(cut);
  const r = outcomeReport(cutUnderPlan(cut, { plan: plan3, lockedBeforeFirstEnrolment: false }));
  assert.equal(r.plan.version, 3);
  assert.equal(r.plan.lockedAt, '2026-07-15T02:00:00Z');
  assert.equal(r.plan.lockedBeforeCut, false);
  assert.equal(r.plan.lockedBeforeFirstEnrolment, false);
  assert.equal(r.plan.postHoc, true);
  assert.deepEqual(r.plan.cutPlan, { version: 2, sha256: cut.planSha256 });
  assert.notEqual(r.plan.sha256, cut.planSha256);
  // named in plan 3 and still post hoc, because plan 3 was locked with the data in view
  assert.equal(r.sensitivity.prespecified.completers, false);
  assert.ok(r.biomarkers.some((b) => b.method === 'holm'));
  assert.ok(r.biomarkers.every((b) => !b.prespecified));
  assert.ok(r.limitations.some((l) => l.code === 'plan_locked_after_cut'));
  // same primary model and data
  assert.equal(r.primary?.estimate, before.primary?.estimate);
});

test('under an amendment locked before the cut: pre-specified, with the version the cut carried', () => {
  const plan3 = { ...plan2, version: 3, lockedAt: '2026-05-20T00:00:00Z', sensitivity: ['locf'] };
  const r = outcomeReport(cutUnderPlan(cut, { plan: plan3, lockedBeforeFirstEnrolment: null }));
  assert.equal(r.plan.lockedBeforeCut, true);
  assert.equal(r.plan.postHoc, false);
  assert.equal(r.plan.cutPlan?.version, 2);
  assert.equal(r.sensitivity.prespecified.locf, true);
  assert.equal(r.sensitivity.prespecified.completers, false);
});

test('a plan whose primary scale the cut does not have is refused with the reason', () => {
  assert.throws(() => cutUnderPlan(cut, { plan: { ...plan2, version: 3, primary: { scale: 'gad7', visit: 'w8' } }, lockedBeforeFirstEnrolment: null }), (e) => {
    assert.ok(isDomainError(e));
    assert.equal(e.code, 'validation');
    assert.equal(e.key, 'data_cut.plan_scale_missing');
    assert.deepEqual(e.params, { scale: 'gad7', version: 3 });
    return true;
  });
});
