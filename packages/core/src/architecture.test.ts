// The dependency rules of ARCHITECTURE.md, checked on every test run rather than remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const packages = ['core', 'storage', 'reports', 'server', 'web', 'cli'] as const;
type Pkg = (typeof packages)[number];

const allowed: Record<Pkg, ReadonlyArray<Pkg>> = {
  core: [],
  storage: ['core'],
  reports: ['core'],
  server: ['core', 'storage', 'reports'],
  cli: ['core', 'storage', 'reports'],
  web: ['core'],
};

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'fixtures') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Import {
  readonly spec: string;
  readonly typeOnly: boolean;
}

function importsOf(source: string): Import[] {
  const out: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    out.push({ spec: (m[3] ?? m[4])!, typeOnly: Boolean(m[2]) });
  }
  return out;
}

const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f.includes('/test/') || f.includes('/e2e/');
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

test('packages import only what ARCHITECTURE.md allows', () => {
  const problems: string[] = [];
  for (const pkg of packages) {
    const dir = join(root, 'packages', pkg);
    // The web package's build scripts run in Node at build time; only its src/ ships to browsers.
    for (const f of files(pkg === 'web' ? join(dir, 'src') : dir)) {
      if (isTest(f)) continue;
      const rel = relative(root, f);
      for (const imp of importsOf(readFileSync(f, 'utf8'))) {
        const m = /^@mimamori\/([a-z]+)/.exec(imp.spec);
        if (m) {
          const target = m[1] as Pkg;
          // The web app reads the server's answer types through one surface, types only.
          const webTypeOnly = pkg === 'web' && imp.spec === '@mimamori/server/api-types' && imp.typeOnly;
          if (target !== pkg && !allowed[pkg].includes(target) && !webTypeOnly) problems.push(`${rel} imports ${imp.spec}`);
        }
        if (imp.spec.startsWith('.')) {
          const resolved = resolve(dirname(f), imp.spec);
          if (!resolved.startsWith(dir + '/')) problems.push(`${rel} reaches outside its package: ${imp.spec}`);
        }
        if (pkg === 'core' && nodeBuiltins.has(imp.spec)) problems.push(`${rel} (core) imports the Node module ${imp.spec}`);
        if (pkg === 'web' && nodeBuiltins.has(imp.spec)) problems.push(`${rel} (web) imports the Node module ${imp.spec}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

// Node and DOM globals (process, window, document) are kept out by the core tsconfig (`types: []`,
// no DOM lib), which `npm test` type-checks.
test('the core never reads the clock or the machine time zone', () => {
  const problems: string[] = [];
  for (const f of files(join(root, 'packages/core/src'))) {
    if (isTest(f)) continue;
    const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    if (/Date\.now\(\)|new Date\(\s*\)|performance\.now\(\)|Math\.random\(\)/.test(src)) problems.push(relative(root, f));
  }
  assert.deepEqual(problems, []);
});

test('no import cycles between modules', () => {
  const graph = new Map<string, string[]>();
  for (const pkg of packages) {
    for (const f of files(join(root, 'packages', pkg))) {
      if (isTest(f)) continue;
      const deps = importsOf(readFileSync(f, 'utf8'))
        // Type-only imports count too: a circle through a type still ties the two files together.
        .filter((i) => i.spec.startsWith('.'))
        .map((i) => resolve(dirname(f), i.spec));
      graph.set(f, deps);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[] = [];
  const visit = (n: string, path: string[]): void => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'visiting') {
      cycles.push([...path.slice(path.indexOf(n)), n].map((p) => relative(root, p)).join(' → '));
      return;
    }
    state.set(n, 'visiting');
    for (const d of graph.get(n) ?? []) visit(d, [...path, n]);
    state.set(n, 'done');
  };
  for (const n of graph.keys()) visit(n, []);
  assert.deepEqual(cycles, []);
});

// Inside the core, folders depend one way (ARCHITECTURE.md gives the order): no two folders import
// each other, so a shared helper lives below both instead of in one of them.
test('no two folders of the core import each other', () => {
  const src = join(root, 'packages/core/src');
  const folderOf = (f: string): string => relative(src, f).split('/')[0]!;
  const edges = new Map<string, Set<string>>();
  for (const f of files(src)) {
    if (isTest(f) || !relative(src, f).includes('/')) continue;
    for (const imp of importsOf(readFileSync(f, 'utf8'))) {
      if (!imp.spec.startsWith('.')) continue;
      const to = resolve(dirname(f), imp.spec);
      if (!relative(src, to).includes('/')) continue;
      const [a, b] = [folderOf(f), folderOf(to)];
      if (a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  const pairs = [...edges].flatMap(([a, tos]) => [...tos].filter((b) => a < b && edges.get(b)?.has(a)).map((b) => `${a} ⇄ ${b}`));
  assert.deepEqual(pairs, []);
});
