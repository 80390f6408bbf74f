// The demo clinic's monitor program: a program that has run, whose outcome report can be made at
// once from the demo database, the same each time the demo is seeded on the same day.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeReport } from '@mimamori/core/outcome/outcome-report';
import { parseDataCut } from '@mimamori/core/outcome/parse-data-cut';
import { demoPatients, exportProgramDataCut, seedDemo, verifyAudit } from '../src/index.ts';
import { createTestDb, testDialects, type TestDb } from './test-db.ts';

const NOW = new Date('2026-12-07T01:00:00Z');
const TODAY = '2026-12-07';
const KEY = Buffer.alloc(32, 7);

async function seeded(dialect: 'sqlite' | 'postgres'): Promise<TestDb> {
  const t = await createTestDb(dialect);
  await t.db.transaction().execute((tx) => seedDemo(tx, { now: NOW, today: TODAY, secrets: t.secrets }));
  return t;
}

const cutOf = (t: TestDb, dialect: 'sqlite' | 'postgres') =>
  exportProgramDataCut(t.db, { programId: 'tms-depression', masterKey: KEY, now: NOW, mimamoriVersion: '0.1.0' });

for (const dialect of testDialects()) {
  describe(`demo program (${dialect})`, () => {
    let t: TestDb;
    before(async () => {
      t = await seeded(dialect);
    });
    after(() => t.destroy());

    test('the demo database yields an outcome report of at least 40 treated participants under a plan locked before the first enrolment', async () => {
      const cut = await cutOf(t, dialect);
      const report = outcomeReport(parseDataCut(cut.files));
      const manifest = JSON.parse(cut.files['manifest.json']) as { planLockedBeforeFirstEnrolment: boolean; excludedNoDataUse: number };
      assert.equal(manifest.planLockedBeforeFirstEnrolment, true);
      assert.equal(report.plan.version, 1);
      assert.ok(report.plan.lockedAt && report.plan.lockedAt < '2026-01-01', `locked at ${report.plan.lockedAt}`);
      assert.equal(report.plan.lockedBeforeFirstEnrolment, true);
      assert.equal(report.plan.lockedBeforeCut, true);
      // 52 screened; one withdrew asking that their data not be used: left out, only counted.
      assert.equal(cut.excludedNoDataUse, 1);
      assert.equal(report.flow.excludedNoDataUse, 1);
      assert.equal(report.flow.screened, 51);
      // Before screening: the applications from the program's recruitment page (counts only).
      assert.deepEqual(report.flow.recruitment, { applied: 72, contacted: 60, screeningBooked: 56, open: { new: 3, contacted: 4 }, declined: { beforeVisit: 9, afterBooking: 0 } });
      assert.ok(!cut.files['manifest.json'].includes('見本'), 'no applicant data in the cut');
      assert.ok(report.flow.eligible < report.flow.screened, 'some failed screening');
      assert.ok(report.flow.consented < report.flow.eligible, 'some declined');
      assert.ok(report.flow.dosed >= 40, `dosed ${report.flow.dosed}`);
      assert.ok(report.flow.completed >= 20 && report.flow.completed < report.flow.dosed, `completed ${report.flow.completed}`);
      assert.ok(Object.keys(report.flow.reasons.withdrawn).length + Object.keys(report.flow.reasons.lost).length > 0 || report.flow.visits.some((v) => v.n < report.flow.dosed));
      // Dropout and missed visits: fewer answers at the last visit than treated participants.
      const last = report.flow.visits[report.flow.visits.length - 1]!;
      assert.ok(last.n < report.flow.dosed - 10, `answered at ${last.visit}: ${last.n}`);
      // The primary analysis at week 6, from the MMRM.
      assert.equal(report.primary?.visit, 'week6');
      assert.ok(report.primary!.n >= 35, `n ${report.primary!.n}`);
      assert.ok(report.primary!.estimate < -3 && report.primary!.estimate > -10, `estimate ${report.primary!.estimate}`);
      assert.ok(report.model?.converged);
      // Safety: a serious event with its grade and relatedness, and the mild expected ones.
      assert.ok(report.adverseEvents.participants.k >= 5, `participants with an event: ${report.adverseEvents.participants.k}`);
      assert.ok(report.adverseEvents.serious.some((s) => s.term === '痙攣発作' && s.grade === 3 && s.related === 'probable'), JSON.stringify(report.adverseEvents.serious));
      assert.ok(report.adverseEvents.serious.some((s) => s.related === 'not_related'));
      // Biomarkers: the two pre-specified hypotheses, with their samples.
      const hyp = report.biomarkers.filter((b) => b.prespecified);
      assert.deepEqual(hyp.map((b) => b.id).sort(), ['bdnf_up', 'cortisol_down']);
      for (const b of hyp) assert.ok(b.n >= 30, `${b.id} n ${b.n}`);
      assert.ok(report.medications.participantsWithChange >= 1);
      assert.ok(report.rtm && report.rtm.n >= 40);
    });

    test('every demo participant is a fictitious, marked demo patient; no alert is left open; the audit chain verifies', async () => {
      const patients = await t.db.selectFrom('patients').select(['name_kanji', 'name_kana', 'is_demo']).execute();
      // 52 TMS participants and the exosome program's one (`seed-demo-exosome.ts`).
      assert.equal(patients.length, demoPatients.length + 52 + 1);
      for (const p of patients) {
        assert.equal(p.is_demo, 1);
        assert.match(p.name_kanji, /^見本 /);
      }
      // A front patient is found by kana alone: no participant's name contains a front patient's given name.
      const front = demoPatients.map((p) => p.nameKana.split(' ')[1]!);
      const participants = patients.filter((p) => !demoPatients.some((d) => d.nameKanji === p.name_kanji));
      assert.equal(participants.length, 53);
      for (const p of participants) for (const f of front) assert.ok(!p.name_kana.includes(f), `${p.name_kana} contains ${f}`);
      const open = await t.db.selectFrom('alerts').select('id').where('acknowledged_at', 'is', null).execute();
      assert.equal(open.length, 0, 'every demo alert has been reviewed');
      const serious = await t.db.selectFrom('alerts').select(['kind', 'acknowledged_by']).execute();
      assert.ok(serious.length >= 1 && serious.every((a) => a.kind === 'sae' && a.acknowledged_by));
      const audit = await verifyAudit(t.db);
      assert.ok(audit.ok, JSON.stringify(audit));
    });

    test('the same seed and day give the same data cut, byte for byte', async () => {
      const a = await cutOf(t, dialect);
      const other = await seeded(dialect);
      try {
        const b = await cutOf(other, dialect);
        assert.equal(b.files['manifest.json'], a.files['manifest.json']);
        assert.deepEqual(b.files, a.files);
      } finally {
        await other.destroy();
      }
    });
  });
}
