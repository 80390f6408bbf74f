// Reservations benchmark: `node --import tsx bench/scheduling/run.ts [--relay] [--wrk]`. Run by hand, never by npm test.
//
// Starts the real app (SQLite, seeded) and a bare Fastify + better-sqlite3 endpoint, each in its
// own process, and drives both with autocannon on 127.0.0.1. Runs: availability of 再診 for three
// months as a plain client and as a browser asks (gzip); the same while 1 and then 5 再診 bookings
// a second are made (each booking drops the cached answers); booking 採血; the bare GET and POST.
//
// The app limits each client address to 600 requests a minute (RATE_LIMIT_PER_MINUTE). By default
// the app is started with that limit raised to 10 million and autocannon connects directly to both
// servers; sessions, CSRF and audit stay on. With `--relay` the limit stays at 600 and a small TCP
// relay gives every connection its own 127.x.y.z source address (connections renewed every 400
// requests), for both servers alike — the relay then costs CPU on a small machine. With `--wrk`
// the GET runs are driven by wrk (C, from Debian) instead of autocannon, which runs in this Node
// process and competes with the servers for the CPU; the booking runs stay on autocannon (they
// need a different body per request).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import net from 'node:net';
import os from 'node:os';
import autocannon from 'autocannon';

interface Ready { port: number; cookie?: string; csrf?: string; patients?: string[]; booked?: number; history?: number; drawStarts?: string[]; saishinStarts?: string[] }

const useRelay = process.argv.includes('--relay');
const useWrk = process.argv.includes('--wrk');
const ROUNDS = 3;
const SECONDS = 10;
const WARM_SECONDS = 3;

function start(kind: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const env = { ...process.env, ...(useRelay ? {} : { RATE_LIMIT_PER_MINUTE: '10000000' }) };
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./server.ts', import.meta.url).pathname, kind], { stdio: ['ignore', 'pipe', 'inherit'], env });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => resolve({ child, ready: JSON.parse(line) as Ready }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}

let next = 0;
/** A relay whose upstream connections come from rotating loopback addresses. */
function relay(target: number): Promise<{ port: number; close: () => void }> {
  const server = net.createServer((client) => {
    next++;
    // A distinct address for each of the first 8 million connections (last octet 1–254).
    const localAddress = `127.${1 + (Math.floor(next / (254 * 256)) % 127)}.${Math.floor(next / 254) % 256}.${1 + (next % 254)}`;
    const up = net.connect({ port: target, host: '127.0.0.1', localAddress });
    client.pipe(up).pipe(client);
    const end = () => { client.destroy(); up.destroy(); };
    client.on('error', end);
    up.on('error', end);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as net.AddressInfo).port, close: () => server.close() })));
}

interface Result { p50: number; p99: number; rps: number; non2xx: number; total: number }

async function load(o: { port: number; path: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; bodies?: string[]; connections: number; duration: number; overallRate?: number }): Promise<Result> {
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${o.port}${o.path}`,
    connections: o.connections,
    duration: o.duration,
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
    ...(useRelay ? { reconnectRate: 400 } : {}),
    method: o.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(o.headers ?? {}) },
    ...(o.bodies ? { requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: o.bodies![i++ % o.bodies!.length] }) }] } : {}),
  });
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx, total: r.requests.total };
}

/** wrk's latency distribution: `50%  12.34ms` … `99%  1.20s`, in milliseconds. */
function wrkMs(out: string, pct: string): number {
  const m = new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
  if (!m) throw new Error(`wrk printed no ${pct}% line:\n${out}`);
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

async function loadGet(o: { port: number; path: string; headers?: Record<string, string>; connections: number; duration: number }): Promise<Result> {
  if (!useWrk) return load(o);
  const args = ['-t2', `-c${o.connections}`, `-d${o.duration}s`, '--latency', ...Object.entries(o.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), `http://127.0.0.1:${o.port}${o.path}`];
  // Spawned asynchronously: with --relay the relay runs in this process and must keep serving.
  const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('wrk', args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}`);
  const total = Number(/(\d+) requests in/.exec(r.stdout)?.[1] ?? 0);
  return { p50: wrkMs(r.stdout, '50'), p99: wrkMs(r.stdout, '99'), rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1] ?? 0), non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(r.stdout)?.[1] ?? 0), total };
}

const loadBefore = os.loadavg()[0]!.toFixed(1);
const mm = await start('mimamori');
const bare = await start('bare');
const direct = (port: number) => Promise.resolve({ port, close: () => {} });
const mmRelay = await (useRelay ? relay : direct)(mm.ready.port);
const bareRelay = await (useRelay ? relay : direct)(bare.ready.port);
try {
  const staff = { cookie: mm.ready.cookie!, 'x-csrf-token': mm.ready.csrf!, origin: `http://127.0.0.1:${mmRelay.port}` };
  const path = '/api/scheduling/availability?serviceId=saishin&from=2026-12-01&to=2027-02-28';
  const answerBytes = (await (await fetch(`http://127.0.0.1:${mmRelay.port}${path}`, { headers: { ...staff, 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength;
  const browser = { ...staff, 'accept-encoding': 'gzip, deflate, br' };
  const gzipBytes = Number((await fetch(`http://127.0.0.1:${mmRelay.port}${path}`, { headers: browser })).headers.get('content-length'));
  // Warm-up (JIT, page cache).
  await loadGet({ port: mmRelay.port, path, headers: staff, connections: 10, duration: 3 });
  await loadGet({ port: bareRelay.port, path: '/bare', connections: 10, duration: 3 });
  const starts = mm.ready.drawStarts!;
  const patients = mm.ready.patients!;
  const bodies = starts.map((start, k) => JSON.stringify({ patientId: patients[k % patients.length], serviceId: 'blood-draw', start }));
  // Rounds: the GET runs take turns (app, bare, app with gzip, app during bookings) for ROUNDS
  // rounds of SECONDS each, so that a slow spell of the shared machine falls on all of them alike;
  // each run is reported by its median over the rounds, with the p99 of every round. Each run is
  // preceded by WARM_SECONDS of the same load, not counted: a server that sat idle while the other
  // was measured answers its first second slowly (on this virtual machine a 6 s run straight after
  // 20 s idle had p99 128 ms against 26 ms for a warm one).
  const saishin = mm.ready.saishinStarts!.map((start, k) => JSON.stringify({ patientId: patients[k % patients.length], serviceId: 'saishin', start, resourceIds: ['dr-okada'] }));
  let nextSaishin = 0;
  type Target = { port: number; path: string; headers: Record<string, string> };
  const app: Target = { port: mmRelay.port, path, headers: staff };
  const appGzip: Target = { ...app, headers: browser };
  const bareGet: Target = { port: bareRelay.port, path: '/bare', headers: {} };
  const measure = (target: Target) => () => loadGet({ ...target, connections: 50, duration: SECONDS });
  const kinds: Array<{ name: string; target: Target; run: () => Promise<Result & { note?: string }> }> = [
    { name: 'availability of 再診, 3 months, 50 clients', target: app, run: measure(app) },
    { name: 'bare GET, 100 rows, 50 clients', target: bareGet, run: measure(bareGet) },
    { name: 'availability as a browser asks (gzip), 50 clients', target: appGzip, run: measure(appGzip) },
    ...[1, 5].map((rate) => ({
      // Every booking drops the cached answers: 再診 availability while 再診 (Dr 岡田) is booked.
      name: `availability (gzip) while ${rate} 再診 booking${rate > 1 ? 's' : ''}/s ${rate > 1 ? 'are' : 'is'} made, 50 clients`,
      target: appGzip,
      run: async () => {
        const part = saishin.slice(nextSaishin, (nextSaishin += rate * SECONDS + 5));
        const writes = load({ port: mmRelay.port, path: '/api/appointments', method: 'POST', headers: staff, bodies: part, connections: 1, duration: SECONDS, overallRate: rate });
        const r = await measure(appGzip)();
        const w = await writes;
        return { ...r, non2xx: r.non2xx + w.non2xx, note: `${w.total} bookings, p99 ${w.p99} ms` };
      },
    })),
  ];
  const results: Array<Array<Result & { note?: string }>> = kinds.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, kind] of kinds.entries()) {
      await loadGet({ ...kind.target, connections: 50, duration: WARM_SECONDS });
      results[k]!.push(await kind.run());
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const summary = results.map((rs) => ({ p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), p99s: rs.map((r) => r.p99), rps: median(rs.map((r) => r.rps)), non2xx: rs.reduce((a, r) => a + r.non2xx, 0), total: rs.reduce((a, r) => a + r.total, 0), notes: rs.map((r) => r.note).filter(Boolean) }));
  const book = await load({ port: mmRelay.port, path: '/api/appointments', method: 'POST', headers: staff, bodies, connections: 10, duration: 10 });
  const bareBodies = starts.map((_, k) => JSON.stringify({ start: Date.parse('2027-01-01T00:00:00Z') + k * 600_000 }));
  const barePost = await load({ port: bareRelay.port, path: '/bare', method: 'POST', bodies: bareBodies, connections: 10, duration: 10 });
  const bare1 = summary[1]!;
  const out = [
    `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore} before / ${os.loadavg()[0]!.toFixed(1)} after; ${useRelay ? 'through the relay, rate limit 600/min' : 'direct, rate limit raised'}; GET runs by ${useWrk ? 'wrk' : 'autocannon'}, ${ROUNDS} rounds of ${SECONDS} s, each after ${WARM_SECONDS} s not counted; availability answer ${answerBytes} bytes (${gzipBytes} gzipped); seeded bookings: ${mm.ready.booked} (and ${mm.ready.history} past ones); free 採血 slots: ${starts.length}`,
    '',
    '| run | p50 (ms, median) | p99 (ms, median) | p99 of each round (ms) | req/s (median) | p99 / bare | non-2xx | requests |',
    '|---|---:|---:|---|---:|---:|---:|---:|',
    ...summary.map((r, k) => `| ${kinds[k]!.name}${r.notes.length ? ` (${r.notes.join('; ')})` : ''} | ${r.p50} | ${r.p99} | ${r.p99s.join(', ')} | ${r.rps.toFixed(0)} | ${(r.p99 / bare1.p99).toFixed(2)}× | ${r.non2xx} | ${r.total} |`),
    '',
    '| run | p50 (ms) | p99 (ms) | req/s | non-2xx | requests |',
    '|---|---:|---:|---:|---:|---:|',
    `| book 採血, each request a different free slot, 10 clients | ${book.p50} | ${book.p99} | ${book.rps.toFixed(0)} | ${book.non2xx} | ${book.total} |`,
    `| bare POST, one INSERT, 10 clients | ${barePost.p50} | ${barePost.p99} | ${barePost.rps.toFixed(0)} | ${barePost.non2xx} | ${barePost.total} |`,
    '',
    `Booking / bare POST: p99 ${(book.p99 / barePost.p99).toFixed(1)}×, throughput ${(book.rps / barePost.rps).toFixed(2)}×.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  mmRelay.close();
  bareRelay.close();
  mm.child.kill();
  bare.child.kill();
}
