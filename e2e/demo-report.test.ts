// The demo server (`npm run demo`) opens with a monitor program that has run: the researcher gets
// its outcome report straight away from the API, under the plan locked before the first enrolment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs } from './appointments-helpers.ts';
import { startServer, type RunningServer } from './helpers/server.ts';

let server: RunningServer;

before(async () => {
  server = await startServer({ args: ['--demo'] });
});
after(async () => {
  await server?.stop();
});

interface VisitEstimate { visit: string; estimate: number; ci95: [number, number]; n: number }

test('the researcher opens the demo program and gets its outcome report at once', async () => {
  const researcher = await apiAs(server.baseUrl, 'demo.researcher', server.output());
  const report = await researcher<{
    flow: { screened: number; dosed: number; completed: number; excludedNoDataUse: number };
    primary: VisitEstimate;
    plan: { version: number; lockedAt: string; lockedBeforeFirstEnrolment: boolean; lockedBeforeCut: boolean };
    adverseEvents: { participants: { k: number; n: number } };
    biomarkers: Array<{ id: string; prespecified: boolean }>;
  }>('GET', '/api/programs/tms-depression/outcome-report');
  assert.ok(report.flow.dosed >= 40, `dosed ${report.flow.dosed}`);
  assert.equal(report.flow.excludedNoDataUse, 1);
  assert.ok(report.flow.completed > 0 && report.flow.completed < report.flow.dosed);
  assert.deepEqual({ version: report.plan.version, before: report.plan.lockedBeforeFirstEnrolment, cut: report.plan.lockedBeforeCut }, { version: 1, before: true, cut: true });
  assert.equal(report.primary.visit, 'week6');
  assert.ok(report.primary.ci95[1] < 0);
  assert.ok(report.adverseEvents.participants.k > 0);
  assert.deepEqual(report.biomarkers.filter((b) => b.prespecified).map((b) => b.id).sort(), ['bdnf_up', 'cortisol_down']);
  // The same report twice: computed from the same data cut.
  const again = await researcher<{ primary: VisitEstimate }>('GET', '/api/programs/tms-depression/outcome-report');
  assert.deepEqual(again.primary, report.primary);
});
