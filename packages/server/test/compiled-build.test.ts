// The compiled build that `npm start` and the `mimamori` command run: `scripts/build-node.mjs`
// compiles server and CLI to dist/, and the output starts and answers without tsx.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, testDialects } from '../../storage/test/test-db.ts';

const root = new URL('../../../', import.meta.url).pathname;
// The compiled output runs under plain Node: no tsx loader inherited from the test runner.
const plainEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

before(() => {
  const r = spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: root, encoding: 'utf8', env: plainEnv({}) });
  assert.equal(r.status, 0, r.stderr);
});

describe('compiled command line', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['packages/cli/bin/mimamori.mjs', ...args], { cwd: root, encoding: 'utf8', env: plainEnv({}) });

  test('--help lists every command', () => {
    const r = cli('--help');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Usage: mimamori <command>/);
    for (const name of ['audit', 'db', 'program', 'report', 'scales', 'score', 'seed', 'stats', 'totp', 'user']) {
      assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'));
    }
  });

  test('a command loads when it runs', () => {
    const r = cli('score', 'phq9', '--answers', '1,1,1,1,1,1,1,1,0');
    assert.equal(r.status, 0, r.stderr);
    const scored = JSON.parse(r.stdout) as { scale: string; total: number };
    assert.equal(scored.scale, 'phq9');
    assert.equal(scored.total, 8);
  });
});

for (const dialect of testDialects()) {
  describe(`compiled server on ${dialect}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-compiled-'));
    let databaseUrl: string | undefined;
    let destroy: (() => Promise<void>) | undefined;

    before(async () => {
      if (dialect === 'postgres') {
        const db = await createTestDb('postgres');
        databaseUrl = db.url;
        // The server opens the database itself; this handle only created it.
        destroy = db.destroy;
      }
    });
    after(async () => {
      await destroy?.();
      rmSync(dir, { recursive: true, force: true });
    });

    // Twice: the first start creates and migrates the database, the second is an everyday restart
    // (the start-up database check runs on an existing file).
    for (const start of ['first start', 'restart'] as const) test(`${start}: answers /api/health, and its database check runs`, async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: plainEnv({
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          MIMAMORI_DB: join(dir, 'compiled.db'),
          MIMAMORI_KEY_FILE: join(dir, 'compiled.key'),
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        }),
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        let health: { status: string; db: string; version: string } | undefined;
        for (let i = 0; i < 600 && child.exitCode === null && !health; i++) {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/api/health`);
            if (res.status === 200) health = (await res.json()) as typeof health;
          } catch {
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        assert.ok(health, `the compiled server did not answer:\n${output}`);
        assert.equal(health.status, 'ok');
        assert.equal(health.db, dialect);
        assert.equal(health.version, '0.1.0');
        assert.doesNotMatch(output, /database check failed|Cannot find module/);
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
    });
  });
}
