import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../main.ts';

const fixture = new URL('../../../core/src/outcome/fixtures/cut-small/', import.meta.url).pathname;

async function run(args: string[], cwd = fixture): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, env: {}, cwd });
  return { code, out, err };
}

function copyCut(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-cut-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

test('report --format json prints the documented keys with the primary MMRM estimate', async () => {
  const r = await run(['report', '--data', '.', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  for (const k of ['flow', 'primary', 'perVisit', 'responders', 'remitters', 'rtm', 'adverseEvents', 'biomarkers', 'plan']) assert.ok(k in j, k);
  assert.deepEqual(Object.keys(j.primary).sort(), ['ci95', 'df', 'estimate', 'n', 'p', 'se', 'visit']);
  assert.equal(j.primary.visit, 'w8');
  assert.ok(Math.abs(j.primary.estimate - -7.26167875) < 1e-6);
  assert.deepEqual(Object.keys(j.responders.itt).sort(), ['estimate', 'k', 'n', 'wilson']);
  assert.ok('completers' in j.responders && 'itt' in j.remitters);
  assert.deepEqual(Object.keys(j.adverseEvents.participants).sort(), ['clopperPearson', 'estimate', 'k', 'n']);
  assert.ok('perDose' in j.adverseEvents && 'ruleOfThree' in j.adverseEvents);
  assert.deepEqual(Object.keys(j.plan).sort(), ['cutPlan', 'lockedAt', 'lockedBeforeCut', 'lockedBeforeFirstEnrolment', 'postHoc', 'sha256', 'version']);
  assert.equal(j.plan.cutPlan, null);
  assert.equal(j.flow.screened, 30);
  assert.ok(!('trajectories' in j), 'per-participant rows stay in the data cut');
  assert.ok(j.biomarkerTrajectories.length > 0 && j.biomarkerTrajectories.every((b: object) => !('participants' in b)), 'individual biomarker values stay in the data cut');
  assert.deepEqual(Object.keys(j.sensitivity).sort(), ['completers', 'locf', 'paired', 'perProtocol', 'prespecified', 'tippingPoint']);
  assert.ok(j.sensitivity.tippingPoint.delta > 0 && j.sensitivity.perProtocol.participants === 16);
  assert.ok(Array.isArray(j.adverseEvents.table.all.rows));
});

test('report writes HTML in Japanese by default and in English on request, with the charts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-report-'));
  try {
    assert.equal((await run(['report', '--data', fixture, '--out', join(dir, 'ja.html')])).code, 0);
    assert.equal((await run(['report', '--data', fixture, '--lang', 'en', '--out', join(dir, 'en.html')])).code, 0);
    const ja = readFileSync(join(dir, 'ja.html'), 'utf8');
    const en = readFileSync(join(dir, 'en.html'), 'utf8');
    assert.match(ja, /<html lang="ja">/);
    assert.match(ja, /参加者の流れ/);
    assert.match(ja, /対照群のない症例集積では/);
    assert.match(en, /Participant flow/);
    assert.match(en, /cannot attribute the observed change to the treatment/);
    assert.equal((en.match(/<svg /g) ?? []).length, 6, 'flow, trajectories, waterfall and one biomarker chart per analyte');
    assert.match(ja, /ティッピングポイント解析/);
    assert.match(en, /Tipping-point analysis/);
    assert.doesNotMatch(en, /<script/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad data cut is refused with every problem named, and nothing is written', async () => {
  const dir = copyCut();
  try {
    writeFileSync(join(dir, 'outcomes.csv'), readFileSync(join(dir, 'outcomes.csv'), 'utf8').replace(/phq9,self,16\n/, 'phq9,self,sixteen\n'));
    rmSync(join(dir, 'labs.csv'));
    const r = await run(['report', '--data', dir, '--format', 'json', '--out', join(dir, 'out.json')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /labs\.csv: is missing/);
    assert.throws(() => readFileSync(join(dir, 'out.json')));
    writeFileSync(join(dir, 'labs.csv'), 'study_id,analyte,sample_type,value,unit\n');
    writeFileSync(join(dir, 'participants.csv'), readFileSync(join(dir, 'participants.csv'), 'utf8').replace('S010,completed,1,1', 'S010,completed,1,yes'));
    const r2 = await run(['report', '--data', dir, '--format', 'json']);
    assert.equal(r2.code, 1);
    assert.match(r2.err, /outcomes\.csv:2:total: must be a number/);
    assert.match(r2.err, /labs\.csv: has no column "day"/);
    assert.match(r2.err, /participants\.csv:11:completed: must be 0 or 1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors: no --data, a bad --format or --lang, a directory without data-cut files', async () => {
  assert.equal((await run(['report'])).code, 2);
  assert.match((await run(['report', '--data', '.', '--format', 'docx'])).err, /--format must be/);
  assert.match((await run(['report', '--data', '.', '--lang', 'fr'])).err, /--lang must be ja or en/);
  assert.match((await run(['report', '--data', tmpdir()])).err, /none of the data-cut files/);
  assert.match((await run(['report', '--data', '.', '--format', 'pdf'])).err, /needs --out/);
});

const hasR = spawnSync('Rscript', ['-e', 'suppressMessages({library(nlme); library(emmeans)})'], { stdio: 'ignore' }).status === 0;

test('analysis.R reproduces the primary estimate, the per-protocol estimate and the tipping point with nlme + emmeans', { skip: hasR ? false : 'Rscript with nlme and emmeans is not installed' }, async () => {
  const dir = copyCut();
  try {
    const json = JSON.parse((await run(['report', '--data', dir, '--format', 'json'])).out);
    assert.equal((await run(['report', '--data', dir, '--format', 'r', '--out', join(dir, 'analysis.R')])).code, 0);
    const out = execFileSync('Rscript', ['analysis.R'], { cwd: dir, encoding: 'utf8' });
    const m = /primary_estimate (\S+)/.exec(out);
    assert.ok(m, out);
    assert.ok(Math.abs(Number(m[1]) - json.primary.estimate) < 1e-6, `${m[1]} vs ${json.primary.estimate}`);
    // the responder table printed by R has the report's counts
    const line = out.split('\n').find((l) => l.trim().startsWith('responders_itt'))!;
    const [, k, n] = line.trim().split(/\s+/);
    assert.deepEqual([Number(k), Number(n)], [json.responders.itt.k, json.responders.itt.n]);
    // per protocol: the same participants and the same MMRM estimate
    const pp = json.sensitivity.perProtocol;
    assert.equal(Number(/per_protocol_participants (\d+)/.exec(out)?.[1]), pp.participants);
    const ppR = Number(/per_protocol_estimate (\S+)/.exec(out)?.[1]);
    assert.ok(Math.abs(ppR - pp.estimate) < 1e-6, `per protocol ${ppR} vs ${pp.estimate}`);
    // tipping point: the same missing share; δ within emmeans' df approximation (the report uses
    // Satterthwaite df from the REML likelihood)
    const tp = json.sensitivity.tippingPoint;
    assert.match(out, new RegExp(`tipping_point_missing ${tp.missing} of ${tp.n}`));
    const deltaR = Number(/tipping_point_delta (\S+)/.exec(out)?.[1]);
    assert.ok(Math.abs(deltaR - tp.delta) / Math.abs(tp.delta) < 1e-3, `tipping point ${deltaR} vs ${tp.delta}`);
    assert.match(out.trim().split('\n').at(-1)!, /^primary_estimate /, 'the last line is the primary estimate');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('report --format bundle writes one reproducible ZIP with the data cut, analysis.R, the report in ja and en and bundle.json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-bundle-'));
  try {
    assert.equal((await run(['report', '--data', fixture, '--format', 'bundle', '--no-pdf', '--out', join(dir, 'a.zip')])).code, 0);
    assert.equal((await run(['report', '--data', fixture, '--format', 'bundle', '--no-pdf', '--out', join(dir, 'b.zip')])).code, 0);
    const a = readFileSync(join(dir, 'a.zip'));
    assert.ok(a.equals(readFileSync(join(dir, 'b.zip'))), 'the same data cut gives the same bundle, byte for byte');
    const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;
    if (hasUnzip) {
      execFileSync('unzip', ['-q', join(dir, 'a.zip'), '-d', join(dir, 'x')]);
      const bundle = JSON.parse(readFileSync(join(dir, 'x', 'bundle.json'), 'utf8'));
      assert.deepEqual(Object.keys(bundle.files).sort(), ['analysis.R', 'data/adverse_events.csv', 'data/codebook.csv', 'data/exposures.csv', 'data/labs.csv', 'data/manifest.json', 'data/medications.csv', 'data/outcomes.csv', 'data/participants.csv', 'data/plan.json', 'report-en.html', 'report-ja.html']);
      const { createHash } = await import('node:crypto');
      for (const [name, hash] of Object.entries(bundle.files)) assert.equal(createHash('sha256').update(readFileSync(join(dir, 'x', name))).digest('hex'), hash, name);
      assert.equal(readFileSync(join(dir, 'x', 'data', 'outcomes.csv'), 'utf8'), readFileSync(join(fixture, 'outcomes.csv'), 'utf8'));
    }
    assert.match((await run(['report', '--data', fixture, '--format', 'bundle'])).err, /needs --out/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
