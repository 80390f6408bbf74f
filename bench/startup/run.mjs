#!/usr/bin/env node
// Start-up benchmark, run by hand (never by `npm test`):
//   node bench/startup/run.mjs [--runs 7] [--node PATH] [--cli "ARGS"] [--server "ARGS"]
// Times fresh processes (a new process each run; the OS file cache is warm after the first):
//   1. `mimamori --help`, start to exit;
//   2. `mimamori stats --help`, start to exit (the statistics command before any fitting), and a
//      trivial analysis start to JSON (the statistics command's start-up with its statistics code loaded);
//   3. `npx mimamori --help`, start to exit (npm's own start-up included);
//   4. the server on a new SQLite database in a temporary folder: start until GET /api/health answers 200
//      (the server binds its port after migrations and the first-run setup, so this is "listening");
//   5. the same on an existing database (an everyday restart: no migrations to run).
//   0. `node -e 0`, the floor any Node.js command pays on this machine at this moment.
// Prints the median and the range of --runs for each, the median CPU time (user + system, from
// /usr/bin/time; less sensitive to the machine's load than the wall time) and the Node version.
// --node picks the Node binary (default: the one running this script), --cli the arguments that start
// the CLI (default: the installed bin), --server the arguments that start the server (default: the
// compiled server, `npm run build` first). To time the TypeScript sources through tsx instead:
//   --cli bench/startup/cli-source.mjs --server "--import tsx packages/server/src/main.ts"
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const runs = Number(opt('runs', '7'));
const node = opt('node', process.execPath);
const cliArgs = opt('cli', 'packages/cli/bin/mimamori.mjs').split(' ');
const serverArgs = opt('server', 'dist/server/main.js').split(' ');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

const cpuFile = join(mkdtempSync(join(tmpdir(), 'mm-bench-cpu-')), 'time.txt');
const hasTime = existsSync('/usr/bin/time');
const cpu = [];

function timeExit(cmd, args, env = {}) {
  const [c, a] = hasTime ? ['/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c, a, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const t = ms(t0);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  if (hasTime)
    cpu.push(
      readFileSync(cpuFile, 'utf8')
        .trim()
        .split(/\s+/)
        .reduce((x, y) => x + Number(y) * 1000, 0),
    );
  return t;
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// A database made by one start of the server, for the "existing database" case.
const existingDir = mkdtempSync(join(tmpdir(), 'mm-bench-startup-db-'));

async function timeServer(existing = false) {
  const dir = existing ? existingDir : mkdtempSync(join(tmpdir(), 'mm-bench-startup-'));
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const child = spawn(node, serverArgs, {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MIMAMORI_DB: join(dir, 'bench.db'), LOG_LEVEL: 'warn' },
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    // Poll every 5 ms for at most 20 s.
    for (let i = 0; i < 4000 && !exited; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) {
          const t = ms(t0);
          // CPU time so far (user + system), from /proc: fields 14 and 15, in clock ticks of 10 ms.
          const stat = existsSync(`/proc/${child.pid}/stat`) ? readFileSync(`/proc/${child.pid}/stat`, 'utf8') : '';
          const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          if (f.length > 13) cpu.push((Number(f[11]) + Number(f[12])) * 10);
          return t;
        }
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(exited ? 'the server exited before it answered' : 'the server did not answer within 20 s');
  } finally {
    if (!exited) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    if (!existing) rmSync(dir, { recursive: true, force: true });
  }
}

const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
const npxEnv = { PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` };
const cases = [
  ['`node -e 0` (floor)', () => timeExit(node, ['-e', '0'])],
  ['`mimamori --help`', () => timeExit(node, [...cliArgs, '--help'])],
  ['`mimamori stats --help`', () => timeExit(node, [...cliArgs, 'stats', '--help'])],
  ['`mimamori stats proportion --successes 7 --n 20` (start → JSON)', () => timeExit(node, [...cliArgs, 'stats', 'proportion', '--successes', '7', '--n', '20'])],
  ['`npx mimamori --help`', () => timeExit('npx', ['--no-install', 'mimamori', '--help'], npxEnv)],
  ['server, new database (migrations, first-run link): start → `/api/health` 200', () => timeServer(false)],
  ['server, existing database: start → `/api/health` 200', () => timeServer(true)],
];
await timeServer(true); // creates the existing database

console.log(
  `Node ${version}; ${runs} runs each; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; load average at the start: ${loadavg()[0].toFixed(2)}`,
);
console.log('| | median (ms) | min–max (ms) | CPU, median (ms) |\n|---|---:|---:|---:|');
for (const [label, fn] of cases) {
  const xs = [];
  cpu.length = 0;
  for (let i = 0; i < runs; i++) xs.push(await fn());
  const c = cpu.length ? String(Math.round(median(cpu))) : '';
  console.log(`| ${label} | ${Math.round(median(xs))} | ${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} | ${c} |`);
}
console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
rmSync(existingDir, { recursive: true, force: true });
