import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eNow } from './clock.ts';

export const root = new URL('../../', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Builds the web app once if there is no build yet (CI runs the tests on a fresh clone). */
export function ensureWebBuild(): void {
  const built = ['staff/staff.html', 'patient/patient.html'].every((f) => existsSync(join(root, 'packages/web/dist', f)));
  if (built) return;
  const r = spawnSync('npm', ['run', 'build', '-w', '@mimamori/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}

export interface RunningServer {
  readonly baseUrl: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/**
 * Starts the real server and waits until it has printed its banner (and, with `--demo`, the demo
 * logins). Without `dbPath` the database is a fresh file in a temporary folder removed at `stop`;
 * with it, the caller owns the file (e.g. to restart the server on the same data).
 */
export async function startServer(
  options: { readonly args?: readonly string[]; readonly env?: Readonly<Record<string, string>>; readonly dbPath?: string } = {},
): Promise<RunningServer> {
  const dir = options.dbPath ? null : mkdtempSync(join(tmpdir(), 'mimamori-e2e-'));
  const port = await freePort();
  // The server's clock starts at the tests' "now" as its process starts (MIMAMORI_FIXED_NOW).
  const fixedNow = new Date(e2eNow()).toISOString();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', ...(options.args ?? [])], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${port}`,
      MIMAMORI_DB: options.dbPath ?? join(dir!, 'e2e.db'),
      LOG_LEVEL: 'warn',
      MIMAMORI_FIXED_NOW: fixedNow,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const started = Date.now();
  const demo = options.args?.includes('--demo') ?? false;
  while (!/API docs:/.test(out) || (demo && !/demo\.researcher/.test(out))) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (Date.now() - started > 90_000) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The banner is written in one piece after listen(); give the rest a moment to arrive.
  await new Promise((r) => setTimeout(r, 200));
  return {
    baseUrl: `http://localhost:${port}`,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
