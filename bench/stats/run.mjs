#!/usr/bin/env node
// Statistics benchmark, run by hand (never by `npm test`):
//   node bench/stats/run.mjs [--runs 3] [--patients 10000] [--mmrm-patients 2000] [--write]
// 1. Generates the seeded synthetic data (bench/stats/generate.mjs) in the OS temp directory.
// 2. LMM `y ~ time + (time | id)` by REML on patients × 8 visits: `npx mimamori stats lmm` (start to
//    JSON) against `Rscript bench/stats/lmm.R` (start, read.csv, lme4 fit, lmerTest Satterthwaite,
//    print) in the same run, alternating, median of --runs; fit-only times of both; agreement of the
//    estimates.
// 3. MMRM `y ~ base + arm * factor(visit)` (unstructured, REML) on mmrm-patients × 6 visits:
//    `npx mimamori stats mmrm` against `Rscript bench/stats/mmrm.R` (nlme::gls corSymm + varIdent).
// --write replaces the "Statistics" section of docs/benchmarks.md with the table.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { lmmCsv, mmrmCsv } from './generate.mjs';

const root = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const runs = Number(opt('runs', '3'));
const N = Number(opt('patients', '10000'));
const M = Number(opt('mmrm-patients', '2000'));
const dir = join(tmpdir(), 'mimamori-bench-stats');
mkdirSync(dir, { recursive: true });
const lmmFile = join(dir, `lmm-${N}x8.csv`);
const mmrmFile = join(dir, `mmrm-${M}x6.csv`);
writeFileSync(lmmFile, lmmCsv(N, 20261129));
writeFileSync(mmrmFile, mmrmCsv(M, 20261130));

const hasR = spawnSync('Rscript', ['--version'], { encoding: 'utf8' }).status === 0;

function timed(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return { seconds: s, json: JSON.parse(r.stdout.trim().split('\n').pop()) };
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rel = (a, b) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const f2 = (x) => x.toFixed(2);

const lmmArgs = ['stats', 'lmm', '--csv', lmmFile, '--formula', 'y ~ time + (time | id)'];
const ts = [];
const tsNode = [];
const rs = [];
let tsOut;
let rOut;
const rFit = [];
const rSat = [];
for (let i = 0; i < runs; i++) {
  const a = timed('npx', ['mimamori', ...lmmArgs]);
  ts.push(a.seconds);
  tsOut = a.json;
  tsNode.push(timed(process.execPath, ['packages/cli/bin/mimamori.mjs', ...lmmArgs]).seconds);
  if (hasR) {
    const b = timed('Rscript', ['bench/stats/lmm.R', lmmFile]);
    rs.push(b.seconds);
    rOut = b.json;
    rFit.push(b.json.fitSeconds);
    rSat.push(b.json.satterthwaiteSeconds);
  }
}
const tsFit = [];
for (let i = 0; i < runs; i++) tsFit.push(timed(process.execPath, ['--import', 'tsx', 'bench/stats/fit-only.ts', 'lmm', lmmFile]).json.fitSeconds);

// Accuracy reference: the same lme4 fit at very tight tolerances (lme4's default stops early on
// this much data and warns about the gradient).
let tight = null;
if (hasR) tight = timed('Rscript', ['bench/stats/lmm.R', lmmFile, 'tight']).json;
function agree(rOut) {
  if (!rOut) return null;
  const d = { fixed: 0, se: 0, df: 0, vc: 0 };
  for (const [name, fe] of Object.entries(rOut.fixed)) {
    d.fixed = Math.max(d.fixed, rel(tsOut.fixed[name].estimate, fe.estimate));
    d.se = Math.max(d.se, rel(tsOut.fixed[name].se, fe.se));
    d.df = Math.max(d.df, rel(tsOut.fixed[name].df, fe.df));
  }
  d.vc = Math.max(rel(tsOut.random.id.sd['(Intercept)'], rOut.sd['(Intercept)']), rel(tsOut.random.id.sd.time, rOut.sd.time), rel(tsOut.sigma, rOut.sigma), Math.abs(tsOut.random.id.corr[0][1] - rOut.corr));
  return { ...d, remlCriterion: tsOut.remlCriterion - rOut.remlCriterion };
}
const agreement = agree(rOut);
const agreementTight = agree(tight);

// MMRM
const mmrmArgs = ['stats', 'mmrm', '--csv', mmrmFile, '--formula', 'y ~ base + arm * factor(visit)', '--subject', 'id', '--visit', 'visit', '--covariance', 'us', '--contrast', 'arm', '--levels', 'arm=control'];
const mm = timed('npx', ['mimamori', ...mmrmArgs]);
const mmFit = timed(process.execPath, ['--import', 'tsx', 'bench/stats/fit-only.ts', 'mmrm', mmrmFile]).json.fitSeconds;
let mr = null;
let mmAgree = null;
if (hasR) {
  mr = timed('Rscript', ['bench/stats/mmrm.R', mmrmFile]);
  mmAgree = { fixed: 0, se: 0, logLik: mm.json.logLik - mr.json.logLik };
  for (const [name, fe] of Object.entries(mr.json.fixed)) {
    mmAgree.fixed = Math.max(mmAgree.fixed, rel(mm.json.fixed[name].estimate, fe.estimate));
    mmAgree.se = Math.max(mmAgree.se, rel(mm.json.fixed[name].se, fe.se));
  }
}

const rVersion = hasR ? spawnSync('Rscript', ['-e', 'cat(R.version.string, "; lme4", format(packageVersion("lme4")), "; lmerTest", format(packageVersion("lmerTest")), "; nlme", format(packageVersion("nlme")))'], { encoding: 'utf8' }).stdout.trim() : 'R not installed';
const lines = [
  '## Statistics',
  '',
  `Run with \`node bench/stats/run.mjs\` (median of ${runs} alternating runs; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()[0].toFixed(1)} at the end; Node ${process.version}; ${rVersion}). Data: seeded synthetic sets from \`bench/stats/generate.mjs\`.`,
  '',
  `### LMM: \`y ~ time + (time | id)\`, REML, ${N.toLocaleString('en')} patients × 8 visits`,
  '',
  '| | start → JSON (s) | fit only (s) |',
  '|---|---:|---:|',
  `| \`npx mimamori stats lmm\` (fit + Satterthwaite df) | ${f2(median(ts))} | ${f2(median(tsFit))} |`,
  `| \`node packages/cli/bin/mimamori.mjs stats lmm\` (no npx) | ${f2(median(tsNode))} | |`,
  hasR ? `| \`Rscript bench/stats/lmm.R\` (lme4 fit + lmerTest df) | ${f2(median(rs))} | ${f2(median(rFit))} (+ ${f2(median(rSat))} lmerTest df) |` : '| Rscript | not run | |',
  '',
  hasR ? `Ratio mimamori / R, start → JSON: **${(median(ts) / median(rs)).toFixed(2)}** with npx, ${(median(tsNode) / median(rs)).toFixed(2)} without (target ≤ 0.25). Fit only: ${(median(tsFit) / median(rFit)).toFixed(2)} (lme4 fit alone), ${(median(tsFit) / (median(rFit) + median(rSat))).toFixed(2)} (lme4 + lmerTest df).` : '',
  agreementTight ? `Agreement with lme4 at tight tolerances (the accuracy reference): fixed effects ${agreementTight.fixed.toExponential(1)}, SEs ${agreementTight.se.toExponential(1)}, Satterthwaite df ${agreementTight.df.toExponential(1)}, variance components ${agreementTight.vc.toExponential(1)} (max relative difference); REML criterion mimamori − lme4 = ${agreementTight.remlCriterion.toExponential(2)}.` : '',
  agreement ? `Against the timed lme4 fit (default settings): fixed effects ${agreement.fixed.toExponential(1)}, SEs ${agreement.se.toExponential(1)}, Satterthwaite df ${agreement.df.toExponential(1)}, variance components ${agreement.vc.toExponential(1)} (max relative difference); REML criterion mimamori − lme4 = ${agreement.remlCriterion.toExponential(2)}.` : '',
  '',
  `### MMRM: \`y ~ base + arm * factor(visit)\`, unstructured, REML, ${M.toLocaleString('en')} patients × 6 visits (monotone dropout)`,
  '',
  '| | start → JSON (s) | fit only (s) |',
  '|---|---:|---:|',
  `| \`npx mimamori stats mmrm\` (fit + Satterthwaite df + contrasts) | ${f2(mm.seconds)} | ${f2(mmFit)} |`,
  mr ? `| \`Rscript bench/stats/mmrm.R\` (nlme::gls corSymm + varIdent) | ${f2(mr.seconds)} | ${f2(mr.json.fitSeconds)} |` : '| Rscript | not run | |',
  '',
  mmAgree ? `Agreement with nlme::gls: fixed effects ${mmAgree.fixed.toExponential(1)}, SEs ${mmAgree.se.toExponential(1)} (max relative difference); REML logLik mimamori − gls = ${mmAgree.logLik.toExponential(2)} (positive: mimamori's optimum is higher).` : '',
  '',
  `Notes: both sides run alternately in the same period, so machine load affects both (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores at the end of this run). \`npx\` itself`,
  '(npm resolving the bin) costs noticeable time — the second row runs the same launcher without it.',
  '"Fit only" for mimamori is `fitLmm` / `fitMmrm` in one process (`bench/stats/fit-only.ts`,',
  'Satterthwaite df included); for R it is `lme4::lmer` (then `lmerTest::as_lmerModLmerTest` for the',
  'df) and `nlme::gls`, timed inside R. lme4\'s default optimiser can stop short on this much data (it',
  'warns about the gradient), so accuracy is judged against the same lme4 fit at tight tolerances',
  '(`Rscript bench/stats/lmm.R data.csv tight`).',
  '',
].filter((l, i, a) => !(l === '' && a[i - 1] === ''));
const section = lines.join('\n');
console.log(section);

if (argv.includes('--write')) {
  const file = join(root, 'docs/benchmarks.md');
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\nMeasured by hand with the scripts in `bench/`; never by timed unit tests.\n';
  const start = doc.indexOf('## Statistics');
  if (start >= 0) {
    const next = doc.indexOf('\n## ', start + 1);
    doc = doc.slice(0, start) + section + (next >= 0 ? `\n${doc.slice(next + 1)}` : '');
  } else {
    doc = `${doc.trimEnd()}\n\n${section}`;
  }
  writeFileSync(file, doc.endsWith('\n') ? doc : `${doc}\n`);
  console.log(`\nwrote the Statistics section of ${file}`);
}
