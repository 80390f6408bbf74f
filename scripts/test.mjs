#!/usr/bin/env node
// The README's test command. Runs every test file with Node's test runner (through tsx):
//   1. everything on SQLite (core tests under three time zones),
//   2. the database-touching suites (storage, server, cli) again on PostgreSQL — against
//      TEST_DATABASE_URL, or a throwaway cluster on 127.0.0.1 when the server binaries are installed,
//   3. the browser tests in headless Chromium when /usr/bin/chromium exists.
// Ends with one plain line: "N passed, N failed, N skipped".
// Options: --no-postgres, --no-e2e, --no-typecheck, --typecheck-only, --one-tz (core under Asia/Tokyo
// only); other arguments pick the test files whose path contains one of them.
// Started by a Node.js older than 22, it runs itself again under the project's Node.js.
import { runUnderProjectNode } from './project-node.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createServer } from 'node:net';

runUnderProjectNode(new URL('..', import.meta.url));
const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.mjs')) out.push(relative(root, p));
  }
  return out;
}

const all = walk(join(root, 'packages')).sort();
const e2eFiles = walk(join(root, 'e2e')).sort();
const filter = (files) => (only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files);
const coreFiles = filter(all.filter((f) => f.startsWith('packages/core/')));
const otherFiles = filter(all.filter((f) => !f.startsWith('packages/core/')));
const dbFiles = otherFiles.filter((f) => /^packages\/(storage|server|cli)\//.test(f));

const totals = { pass: 0, fail: 0, skipped: 0 };
const notes = [];

function runNodeTests(label, files, env, concurrency = 3) {
  return new Promise((resolve) => {
    if (files.length === 0) return resolve();
    console.log(`\n=== ${label}: ${files.length} file(s)`);
    const tapFile = join(mkdtempSync(join(tmpdir(), 'mm-tap-')), 'out.tap');
    const child = spawn(
      process.execPath,
      [
        '--import', 'tsx',
        '--test',
        `--test-concurrency=${concurrency}`,
        '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
        ...files,
      ],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } },
    );
    child.on('exit', (code) => {
      let pass = 0, fail = 0, skipped = 0;
      try {
        const tap = readFileSync(tapFile, 'utf8');
        pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
        fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(tap)?.[1] ?? 0);
        skipped = Number(/^# skipped (\d+)/m.exec(tap)?.[1] ?? 0) + Number(/^# todo (\d+)/m.exec(tap)?.[1] ?? 0);
      } catch {
        fail = 1;
      }
      if (code !== 0 && fail === 0) fail = 1;
      totals.pass += pass; totals.fail += fail; totals.skipped += skipped;
      console.log(`--- ${label}: ${pass} passed, ${fail} failed, ${skipped} skipped`);
      resolve();
    });
  });
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

async function startThrowawayPostgres() {
  const bin = findPgBin();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'mm-pg-'));
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const asPg = (cmd) => (isRoot ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { encoding: 'utf8' }) : spawnSync('/bin/sh', ['-c', cmd], { encoding: 'utf8' }));
  if (isRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const uid = Number(pw.stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const init = asPg(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >${dir}/initdb.log 2>&1`);
  if (init.status !== 0) { notes.push(`initdb failed: ${readFileSafe(`${dir}/initdb.log`)}`); return null; }
  const start = asPg(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/pg.log -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=on -c max_connections=300" -w start >/dev/null 2>&1`);
  if (start.status !== 0) { notes.push(`pg_ctl start failed: ${readFileSafe(`${dir}/pg.log`)}`); return null; }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => { asPg(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop >/dev/null 2>&1`); rmSync(dir, { recursive: true, force: true }); },
  };
}

function readFileSafe(p) { try { return readFileSync(p, 'utf8').slice(-2000); } catch { return ''; } }

function runTypecheck() {
  // Every package type-checks under its own tsconfig (strict); each counts as one test.
  const projects = [
    'packages/core/tsconfig.json', 'packages/core/tsconfig.test.json', 'packages/storage/tsconfig.json', 'packages/server/tsconfig.json',
    'packages/cli/tsconfig.json', 'packages/reports/tsconfig.json', 'packages/web/tsconfig.json', 'e2e/tsconfig.json',
  ].filter((p) => existsSync(join(root, p)));
  console.log(`\n=== typecheck: ${projects.length} project(s)`);
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const p of projects) {
    const r = spawnSync(process.execPath, [tsc, '-p', p, '--noEmit'], { cwd: root, encoding: 'utf8' });
    if (r.status === 0) { totals.pass++; console.log(`✔ tsc -p ${p}`); }
    else { totals.fail++; console.log(`✖ tsc -p ${p}\n${(r.stdout + r.stderr).split('\n').slice(0, 30).join('\n')}`); }
  }
}

const started = Date.now();
if (!args.has('--no-typecheck') && only.length === 0) runTypecheck();
if (args.has('--typecheck-only')) {
  console.log(`${totals.pass} passed, ${totals.fail} failed, 0 skipped`);
  process.exit(totals.fail ? 1 : 0);
}
for (const tz of args.has('--one-tz') ? ['Asia/Tokyo'] : ['Asia/Tokyo', 'UTC', 'America/Los_Angeles']) {
  await runNodeTests(`core (TZ=${tz})`, coreFiles, { TZ: tz });
}
await runNodeTests('storage, server, cli, web, reports on SQLite', otherFiles, { TZ: 'UTC', TEST_DIALECTS: 'sqlite' });

if (!args.has('--no-postgres') && dbFiles.length) {
  let pg = null;
  let url = process.env.TEST_DATABASE_URL;
  if (!url) { pg = await startThrowawayPostgres(); url = pg?.url; }
  if (url) {
    try {
      await runNodeTests('storage, server, cli on PostgreSQL', dbFiles, { TZ: 'UTC', TEST_DIALECTS: 'postgres', TEST_DATABASE_URL: url });
    } finally { pg?.stop(); }
  } else {
    notes.push('THE POSTGRESQL SUITE DID NOT RUN: no TEST_DATABASE_URL and no PostgreSQL server binaries (apt-get install postgresql).');
  }
}

if (!args.has('--no-e2e') && e2eFiles.length) {
  if (existsSync('/usr/bin/chromium')) {
    // The browser tests drive the built web app: build it from the current source first.
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) { totals.fail++; console.log(`✖ npm run build\n${(build.stdout + build.stderr).slice(-3000)}`); }
    // One browser test file at a time: each starts a server and a Chromium of its own.
    await runNodeTests('browser tests (Chromium)', filter(e2eFiles), { TZ: 'UTC' }, 1);
  } else {
    notes.push('THE BROWSER TESTS DID NOT RUN: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-cjk).');
  }
}

for (const n of notes) console.log(`\n!! ${n}`);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s on Node ${process.version})`);
console.log(`${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exitCode = totals.fail > 0 || totals.pass === 0 ? 1 : 0;
