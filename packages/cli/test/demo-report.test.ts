// From the demo straight to the outcome report on the command line: seed the demo, list the
// programs, cut the data, report it — as docs/outcome-report.md and README's Demo section say.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/main.ts';

let dir: string;
let run: (...argv: string[]) => Promise<{ code: number; out: string; err: string }>;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'mm-demo-report-'));
  const env = { MIMAMORI_DB: join(dir, 'demo.db'), MIMAMORI_KEY_FILE: join(dir, 'demo.key') };
  run = async (...argv) => {
    let out = '';
    let err = '';
    const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), env, cwd: dir });
    return { code, out, err };
  };
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('seed demo → program list → program export → report: ≥ 40 treated participants under the plan locked before the first enrolment', async () => {
  const seeded = await run('seed', 'demo', '--at', '2026-12-07T10:00:00+09:00');
  assert.equal(seeded.code, 0, seeded.err);
  const list = await run('program', 'list', '--json');
  assert.equal(list.code, 0, list.err);
  assert.deepEqual(JSON.parse(list.out), [
    { id: 'exosome-demo-records', name: 'エクソソーム点滴プログラム（デモ・記録の例）' },
    { id: 'tms-depression', name: 'TMS治療モニタープログラム（うつ）' },
  ]);
  const exported = await run('program', 'export', 'tms-depression', '--out', join(dir, 'cut'), '--at', '2026-12-07T12:00:00+09:00');
  assert.equal(exported.code, 0, exported.err);
  assert.match(exported.out, /51 participant\(s\), 1 left out at their request/);
  const plan = JSON.parse(readFileSync(join(dir, 'cut', 'plan.json'), 'utf8'));
  assert.deepEqual(plan.primary, { scale: 'phq9', visit: 'week6' });
  const r = await run('report', '--data', join(dir, 'cut'), '--format', 'json');
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  assert.ok(report.flow.dosed >= 40, `dosed ${report.flow.dosed}`);
  assert.equal(report.plan.version, 1);
  assert.equal(report.plan.lockedBeforeFirstEnrolment, true);
  assert.equal(report.primary.visit, 'week6');
  assert.ok(report.primary.ci95[1] < 0, 'the PHQ-9 fell');
  assert.ok(report.adverseEvents.participants.k > 0);
  const html = await run('report', '--data', join(dir, 'cut'), '--lang', 'en', '--format', 'html');
  assert.equal(html.code, 0, html.err);
  assert.match(html.out, /Participant flow/);
  assert.doesNotMatch(html.out, /見本|ミホン/, 'no name reaches the report');
  // Seeding again is refused: the demo goes only into an empty database.
  assert.equal((await run('seed', 'demo')).code, 1);
});
