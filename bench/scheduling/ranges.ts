// Availability for many different date ranges, SQLite and PostgreSQL side by side:
// `node --import tsx bench/scheduling/ranges.ts [--rounds N] [--seconds S]`. Run by hand, never by npm test.
//
// Receptionists and patients ask for many different ranges, so the cached answer of one range
// (bench/scheduling/run.ts) says little about them. Here every request asks for one of 780
// ranges of 再診 (start 2026-12-01 plus 0–59 days, 7–91 days long), in a shuffled order, and the
// app's clock runs (cached answers expire after 2 s as in production). The same seeded app runs
// on a fresh SQLite file and on a throwaway PostgreSQL cluster started here on 127.0.0.1 (as
// scripts/test.mjs does; stopped and removed at the end), each in its own process; the two take
// turns, ROUNDS rounds of SECONDS with 50 clients, each run after 3 s of the same load not counted.
// Reported: each engine's median p50 / p99 / req/s over the rounds, and PostgreSQL's p99 / SQLite's.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const ROUNDS = arg('rounds', 3);
const SECONDS = arg('seconds', 10);
const WARM_SECONDS = 3;
const CONNECTIONS = 50;

interface Ready {
  port: number;
  cookie: string;
  csrf: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const base = '/usr/lib/postgresql';
  const version = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version) throw new Error('no PostgreSQL server binaries (apt-get install postgresql)');
  const bin = join(base, version, 'bin');
  const dir = mkdtempSync(join(os.tmpdir(), 'mm-bench-pg-'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const asPg = (cmd: string) =>
    root
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { encoding: 'utf8' })
      : spawnSync('/bin/sh', ['-c', cmd], { encoding: 'utf8' });
  if (root)
    chownSync(
      dir,
      Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout),
      Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout),
    );
  if (asPg(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >${dir}/initdb.log 2>&1`).status !== 0)
    throw new Error('initdb failed');
  if (
    asPg(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/pg.log -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}" -w start >/dev/null 2>&1`)
      .status !== 0
  )
    throw new Error('pg_ctl start failed');
  const stop = () => {
    asPg(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop >/dev/null 2>&1`);
    rmSync(dir, { recursive: true, force: true });
  };
  const r = spawnSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE mm_bench'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    stop();
    throw new Error(`createdb failed: ${r.stderr}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/mm_bench`, stop };
}

function start(env: Record<string, string>): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./server.ts', import.meta.url).pathname, 'mimamori'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RATE_LIMIT_PER_MINUTE: '10000000', BENCH_MOVING_CLOCK: '1', ...env },
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, ready: JSON.parse(line) as Ready }));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

// 60 start days × 13 lengths = 780 ranges, shuffled with a fixed seed (the same order every run).
const paths: string[] = [];
for (let d = 0; d < 60; d++) {
  for (let len = 7; len <= 91; len += 7) {
    const from = new Date(Date.UTC(2026, 11, 1 + d));
    const to = new Date(from.getTime() + (len - 1) * 86_400_000);
    paths.push(
      `/api/scheduling/availability?serviceId=saishin&from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`,
    );
  }
}
let seed = 42;
for (let i = paths.length - 1; i > 0; i--) {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  const j = seed % (i + 1);
  [paths[i], paths[j]] = [paths[j]!, paths[i]!];
}

interface Result {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  total: number;
}

async function load(ready: Ready, duration: number): Promise<Result> {
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${ready.port}`,
    connections: CONNECTIONS,
    duration,
    headers: { cookie: ready.cookie, 'accept-encoding': 'gzip' },
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx, total: r.requests.total };
}

const loadBefore = os.loadavg()[0]!.toFixed(1);
const pg = await startPostgres();
const servers: Array<{ name: string; child: ChildProcess; ready: Ready }> = [];
try {
  servers.push({ name: 'SQLite', ...(await start({})) });
  servers.push({
    name: 'PostgreSQL',
    ...(await start({
      BENCH_DATABASE_URL: pg.url,
      ...(process.env.BENCH_POOL_SIZE ? { BENCH_POOL_SIZE: process.env.BENCH_POOL_SIZE } : {}),
    })),
  });
  const results = servers.map(() => [] as Result[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, s] of servers.entries()) {
      await load(s.ready, WARM_SECONDS);
      results[k]!.push(await load(s.ready, SECONDS));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows = results.map((rs) => ({
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    p99s: rs.map((r) => r.p99),
    rps: median(rs.map((r) => r.rps)),
    non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
    total: rs.reduce((a, r) => a + r.total, 0),
  }));
  process.stdout.write(
    [
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore} before / ${os.loadavg()[0]!.toFixed(1)} after; ${paths.length} ranges; ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} clients`,
      '',
      '| engine | p50 (ms, median) | p99 (ms, median) | p99 of each round (ms) | req/s (median) | non-2xx | requests |',
      '|---|---:|---:|---|---:|---:|---:|',
      ...rows.map(
        (r, k) => `| ${servers[k]!.name} | ${r.p50} | ${r.p99} | ${r.p99s.join(', ')} | ${r.rps.toFixed(0)} | ${r.non2xx} | ${r.total} |`,
      ),
      '',
      `PostgreSQL p99 / SQLite p99: ${(rows[1]!.p99 / rows[0]!.p99).toFixed(2)}×`,
      '',
    ].join('\n'),
  );
} finally {
  // The app servers first (they hold PostgreSQL connections), then the cluster.
  await Promise.all(
    servers.map(
      (s) =>
        new Promise((resolve) => {
          s.child.once('exit', resolve);
          s.child.kill();
        }),
    ),
  );
  pg.stop();
}
