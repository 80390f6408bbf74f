// Outcome report benchmark, run by hand (never by `npm test`):
//   node --import tsx bench/outcome/run.ts [--participants 1000,10000] [--r-timeout 7200] [--dir DIR] [--no-r | --r-sizes 1000]
// For each size N (a separate database; with --dir, DIR/nN, and a database seeded there by an
// earlier run is used again: setup takes minutes):
// 1. Seeds a fresh SQLite database with the demo clinic's TMS program, extended to 8
//    post-baseline visits, and N seeded fictitious participants (the demo cohort generator,
//    packages/core/src/demo/demo-program-cohort.ts): screening, consent, 30 sessions each, PHQ-9
//    and GAD-7 at every visit with dropout and missed visits, adverse events, medicines and labs.
//    Not timed (setup).
// 2. Times, in this process, the data cut from the database (`exportProgramDataCut`, what
//    `mimamori program export` does), parsing and checking it with the full report
//    (`parseDataCut` + `outcomeReport`), and the HTML page (`outcomeReportHtml`). Target: ≤ 10 s
//    at 10,000 participants.
// 3. Side by side on the same data cut: `mimamori report --format json` as a command (start to
//    JSON; the compiled CLI when `npm run build` has made it — rebuild after changing the code)
//    against `Rscript bench/outcome/mmrm.R` (the same primary MMRM with nlme::gls + emmeans; its
//    settings are explained in that file), CPU and wall time, their ratio, and the agreement of
//    the primary estimate, its SE and the REML log-likelihood.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { outcomeReport } from '../../packages/core/src/outcome/outcome-report.ts';
import { parseDataCut } from '../../packages/core/src/outcome/parse-data-cut.ts';
import { parseAnalysisPlan } from '../../packages/core/src/outcome/analysis-plan.ts';
import { TMS_PROGRAM_INPUT } from '../../packages/core/src/programs/example-programs.ts';
import { outcomeAnalysisR, outcomeReportHtml } from '../../packages/reports/src/index.ts';
import { addStaffUser, createDb, DEMO_ANALYSIS_PLAN, exportProgramDataCut, seedDemoProgram, seedSchedulingConfig } from '../../packages/storage/src/index.ts';

const root = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1]! : dflt; };
const sizes = opt('participants', '1000,10000').split(',').map(Number);
const rTimeout = Number(opt('r-timeout', '7200'));
const withR = !argv.includes('--no-r') && spawnSync('Rscript', ['--version']).status === 0;
// R only at these sizes (default: all); R takes tens of minutes at 10,000 participants on a busy machine.
const rSizes = argv.includes('--r-sizes') ? opt('r-sizes', '').split(',').map(Number) : null;
const parent = argv.includes('--dir') ? opt('dir', '') : mkdtempSync(join(tmpdir(), 'mimamori-bench-outcome-'));
const NOW = new Date('2026-12-07T01:00:00Z');
const TODAY = '2026-12-07';
const week = (n: number) => ({ ja: `${n}週目`, en: `Week ${n}` });
const visit = (n: number, inClinic = false) => ({ id: `week${n}`, label: week(n), dayOffset: 7 * n, windowBeforeDays: 3, windowAfterDays: n >= 12 ? 7 : 3, scales: ['phq9', 'gad7'], inClinic, ...(inClinic ? { biomarkers: ['bdnf', 'cortisol'] as const } : {}) });
// The demo's TMS program with 8 post-baseline visits.
const program = {
  ...TMS_PROGRAM_INPUT,
  id: 'tms-depression-bench',
  assessments: [...TMS_PROGRAM_INPUT.assessments!.slice(0, 2), visit(1), visit(2), visit(4), visit(6, true), visit(8), visit(12), visit(16), visit(24)],
} as typeof TMS_PROGRAM_INPUT;
const plan = { ...DEMO_ANALYSIS_PLAN, visits: ['week1', 'week2', 'week4', 'week6', 'week8', 'week12', 'week16', 'week24'] };

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
function time<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = cpu();
  const t0 = performance.now();
  const value = fn();
  return { value, wall: (performance.now() - t0) / 1000, cpu: cpu() - c0 };
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = cpu();
  const t0 = performance.now();
  const value = await fn();
  return { value, wall: (performance.now() - t0) / 1000, cpu: cpu() - c0 };
}
function command(cmd: string, args: ReadonlyArray<string>, o: { cwd: string; timeoutS?: number }) {
  const [c, a] = existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-f', 'cpu %U %S', cmd, ...args]] : [cmd, [...args]];
  const t0 = performance.now();
  const r = spawnSync(c, a, { cwd: o.cwd, encoding: 'utf8', maxBuffer: 1 << 28, ...(o.timeoutS ? { timeout: o.timeoutS * 1000 } : {}) });
  const wall = (performance.now() - t0) / 1000;
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { status: r.status, signal: r.signal, out: r.stdout ?? '', err: r.stderr ?? '', wall, cpu: m ? Number(m[1]) + Number(m[2]) : Number.NaN };
}
const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');

console.log(`outcome benchmark: ${sizes.join(', ')} participants, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${load()}`);
const compiled = existsSync(join(root, 'dist/cli/main.js'));
const cli = compiled ? [join(root, 'packages/cli/bin/mimamori.mjs')] : [join(root, 'bench/startup/cli-source.mjs')];
const summary: string[] = [];

for (const N of sizes) {
  const dir = join(parent, `n${N}`);
  mkdirSync(dir, { recursive: true });
  console.log(`\n## ${N} participants (directory ${dir})`);

  // 1. Setup: the database.
  const reuse = existsSync(join(dir, 'bench.db'));
  const h = await createDb({ sqlitePath: join(dir, 'bench.db'), keyFile: join(dir, 'bench.key') });
  const setup = reuse ? { wall: 0, value: { screened: N } } : await timeAsync(() => h.db.transaction().execute(async (tx) => {
    const staff = [];
    for (const role of ['doctor', 'nurse', 'researcher'] as const) {
      staff.push(await addStaffUser(tx, { loginId: `bench.${role}`, displayName: role, role, now: NOW, secrets: h.secrets, clinicName: 'bench', actor: 'bench' }));
    }
    const clinicId = staff[0]!.clinicId;
    await seedSchedulingConfig(tx, { clinicId, now: NOW.toISOString() });
    return seedDemoProgram(tx, { clinicId, now: NOW, today: TODAY, zone: 'Asia/Tokyo', staff: { doctorId: staff[0]!.staffId, nurseId: staff[1]!.staffId, researcherId: staff[2]!.staffId }, participants: N, program, plan });
  }));
  const rows = (t: 'program_sessions' | 'scale_scores' | 'program_lab_results' | 'program_adverse_events') => h.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
  console.log(`setup (not timed for the target): ${reuse ? 'the database of an earlier run —' : `${f(setup.wall, 1)} s —`} ${setup.value.screened} screened, ${await rows('program_sessions')} sessions, ${await rows('scale_scores')} scores, ${await rows('program_lab_results')} lab results, ${await rows('program_adverse_events')} adverse events`);

  // 2. Data cut + report, in process.
  const cut = await timeAsync(() => exportProgramDataCut(h.db, { programId: 'tms-depression-bench', masterKey: h.secrets.key, now: NOW, mimamoriVersion: '0.1.0', audit: false }));
  const report = time(() => outcomeReport(parseDataCut(cut.value.files)));
  const html = time(() => outcomeReportHtml(report.value, 'ja'));
  await h.close();
  const total = { wall: cut.wall + report.wall + html.wall, cpu: cut.cpu + report.cpu + html.cpu };
  const cutDir = join(dir, 'cut');
  mkdirSync(cutDir, { recursive: true });
  for (const [name, text] of Object.entries(cut.value.files)) writeFileSync(join(cutDir, name), text);
  writeFileSync(join(cutDir, 'analysis.R'), outcomeAnalysisR({ plan: parseAnalysisPlan(JSON.parse(cut.value.files['plan.json'])), report: report.value }));
  const outcomes = cut.value.files['outcomes.csv'].split('\n').length - 2;
  console.log(`data cut: ${cut.value.participants} participants, ${outcomes} outcome rows (${report.value.flow.dosed} dosed, ${report.value.model?.nobs} post-baseline observations in the MMRM)`);
  console.log('| step | wall (s) | CPU (s) |\n|---|---:|---:|');
  console.log(`| data cut from the database (exportProgramDataCut) | ${f(cut.wall)} | ${f(cut.cpu)} |`);
  console.log(`| parse + check + full report (parseDataCut, outcomeReport) | ${f(report.wall)} | ${f(report.cpu)} |`);
  console.log(`| HTML page with charts (outcomeReportHtml, ${(html.value.length / 1e6).toFixed(1)} MB) | ${f(html.wall)} | ${f(html.cpu)} |`);
  console.log(`| **total**${N === 10000 ? ' (target ≤ 10 s)' : ''} | **${f(total.wall)}** | ${f(total.cpu)} |`);

  // 3. The command against R on the same data cut.
  const mm = command(process.execPath, [...cli, 'report', '--data', cutDir, '--format', 'json'], { cwd: root });
  if (mm.status !== 0) throw new Error(`mimamori report failed: ${mm.err}`);
  const ours = JSON.parse(mm.out) as { primary: { visit: string; estimate: number; se: number; df: number }; model: { logLik: number } };
  console.log(`\n\`mimamori report --format json\` (${compiled ? 'compiled' : 'TypeScript source through tsx'}): ${f(mm.wall)} s wall, ${f(mm.cpu)} s CPU; primary ${ours.primary.visit} estimate ${ours.primary.estimate}, SE ${ours.primary.se}, Satterthwaite df ${f(ours.primary.df, 1)}; REML logLik ${ours.model.logLik}`);
  let line = `| ${N} | ${f(total.cpu)} (${f(total.wall)} wall) | ${f(mm.cpu)} (${f(mm.wall)} wall) |`;
  if (withR && (rSizes === null || rSizes.includes(N))) {
    console.log(`Rscript bench/outcome/mmrm.R (nlme::gls unstructured + emmeans), timeout ${rTimeout} s, load ${load()} …`);
    const r = command('Rscript', [join(root, 'bench/outcome/mmrm.R'), cutDir, ours.primary.visit], { cwd: cutDir, timeoutS: rTimeout });
    const val = (k: string) => Number(new RegExp(`${k} (\\S+)`).exec(r.out)?.[1] ?? NaN);
    const rEstimate = val('primary_estimate');
    if (r.status !== 0 || !Number.isFinite(rEstimate)) {
      console.log(`R did not finish (status ${r.status}, signal ${r.signal}) after ${f(r.wall, 0)} s wall, ${f(r.cpu, 0)} s CPU\n${r.err.slice(-500)}`);
      line += ` did not finish (${f(r.cpu, 0)} s CPU) | – | – |`;
    } else {
      const rel = (a: number, b: number) => (Math.abs(a - b) / Math.abs(b)).toExponential(1);
      console.log('| | wall (s) | CPU (s) |\n|---|---:|---:|');
      console.log(`| mimamori report --format json | ${f(mm.wall)} | ${f(mm.cpu)} |`);
      console.log(`| Rscript bench/outcome/mmrm.R | ${f(r.wall)} | ${f(r.cpu)} |`);
      console.log(`| ratio mimamori / R | ${f(mm.wall / r.wall, 4)} | ${f(mm.cpu / r.cpu, 4)} |`);
      console.log(r.out.split('\n')[0]);
      console.log(`primary estimate: mimamori ${ours.primary.estimate}, R ${rEstimate} (relative difference ${rel(ours.primary.estimate, rEstimate)}); SE ${ours.primary.se} vs ${val('primary_se')} (${rel(ours.primary.se, val('primary_se'))}); REML logLik ${ours.model.logLik} vs ${val('logLik')} (mimamori − R = ${(ours.model.logLik - val('logLik')).toExponential(2)}); df: Satterthwaite ${f(ours.primary.df, 1)} vs R's df.error ${val('primary_df')}`);
      line += ` ${f(r.cpu)} (${f(r.wall)} wall) | ${f(mm.cpu / r.cpu, 3)} | ${rel(ours.primary.estimate, rEstimate)} |`;
    }
  }
  summary.push(line);
}
console.log('\n| participants | data cut + report + HTML, CPU (s) | `mimamori report --format json`, CPU (s) | R (gls + emmeans), CPU (s) | ratio mimamori / R (CPU) | primary estimate, relative difference |\n|---:|---:|---:|---:|---:|---:|');
for (const l of summary) console.log(l);
console.log(`load at the end: ${load()}`);
