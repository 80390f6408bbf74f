#!/usr/bin/env node
// `npm run test:dates`: finds calendar time bombs before the calendar reaches them. Runs the
// date-sensitive tests with the clock set to each date of scripts/calendar-dates.json (13 dates over
// a year: the year-end closure, early January, the weeks before Golden Week, days before national
// holidays, closed Tuesdays and Sundays):
//   1. the server's program-course check, which books a course from every one of those dates in one
//      run (packages/server/test/programs/program-booking.test.ts, also part of `npm test`),
//   2. the browser tests that depend on the date, once per date, with E2E_NOW set (the server runs on
//      MIMAMORI_FIXED_NOW and Chromium on the same clock: e2e/helpers/clock.ts).
// `npm test` runs the browser tests at the single reference date only; this takes about 50 minutes
// on a 2-core machine, so it is run by hand (or nightly), not in every CI run.
//   node scripts/test-dates.mjs                      all dates, e2e/programs and e2e/appointments*
//   node scripts/test-dates.mjs --dates=2026-12-27,2027-04-28 e2e/programs
// Ends with one line per date and "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const only = argv.filter((a) => !a.startsWith('--'));
const datesArg = argv.find((a) => a.startsWith('--dates='))?.slice('--dates='.length);
const all = JSON.parse(readFileSync(join(root, 'scripts/calendar-dates.json'), 'utf8')).dates;
const dates = datesArg ? datesArg.split(',').map((date) => all.find((d) => d.date === date) ?? { date, why: 'given' }) : all;
const suites = only.length ? only : ['e2e/programs', 'e2e/appointments'];
const files = readdirSync(join(root, 'e2e'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `e2e/${f}`)
  .filter((f) => suites.some((s) => f.includes(s)))
  .sort();

function run(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const count = (out, what) => Number(new RegExp(`^# ${what} (\\d+)`, 'm').exec(out)?.[1] ?? 0);
const results = [];
const started = Date.now();

console.log('=== server: a program course booked from every date (SQLite)');
const server = await run(['--import', 'tsx', '--test', '--test-reporter=tap', 'packages/server/test/programs/program-booking.test.ts'], { TEST_DIALECTS: 'sqlite' });
for (const d of all) {
  const line = server.out.split('\n').find((l) => /^\s*(not )?ok \d+ - enrolled on /.test(l) && l.includes(`enrolled on ${d.date} `));
  results.push({ date: d.date, suite: 'server program course', ok: Boolean(line && !/not ok/.test(line)) });
}
if (server.code !== 0) console.log(server.out.split('\n').filter((l) => /not ok|Error|expected|actual/.test(l)).slice(0, 40).join('\n'));

if (files.length && existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    console.log(`✖ npm run build\n${(build.stdout + build.stderr).slice(-3000)}`);
    process.exit(1);
  }
  for (const d of dates) {
    const now = `${d.date}T10:00:00+09:00`;
    console.log(`=== ${now} (${d.why}): ${files.join(', ')}`);
    // One browser test file at a time, as `npm test` runs them.
    const r = await run(['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=tap', ...files], { E2E_NOW: now });
    const fail = count(r.out, 'fail') + count(r.out, 'cancelled');
    const ok = r.code === 0 && fail === 0 && count(r.out, 'pass') > 0;
    results.push({ date: d.date, suite: 'browser', ok, pass: count(r.out, 'pass'), fail });
    console.log(ok ? `ok ${count(r.out, 'pass')} passed` : r.out.split('\n').filter((l) => /not ok|Error|expected|actual|waiting for/.test(l)).slice(0, 30).join('\n'));
  }
} else if (files.length) {
  console.log('!! THE BROWSER TESTS DID NOT RUN: /usr/bin/chromium is missing.');
}

console.log('\n| date | why | server course | browser |\n|---|---|---|---|');
for (const d of dates) {
  const s = results.find((r) => r.date === d.date && r.suite === 'server program course');
  const b = results.find((r) => r.date === d.date && r.suite === 'browser');
  console.log(`| ${d.date} | ${d.why} | ${s ? (s.ok ? 'ok' : 'FAIL') : '—'} | ${b ? (b.ok ? `ok (${b.pass})` : `FAIL (${b.fail} failed)`) : '—'} |`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)\n${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
