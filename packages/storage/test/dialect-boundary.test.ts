import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

/**
 * Storage owns its dialects: only `packages/storage/src/dialects/`, `create-db.ts`, the migrations
 * (and their runner) know which engine runs or what its error codes and messages are. Everything else asks
 * storage's dialect-neutral API (`isUniqueViolation`, `isExclusionViolation`, `isRetryable`,
 * `writeTransaction`, `lockResources`, `forUpdate`, `databaseFile`, …).
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const ALLOWED = [
  'packages/storage/src/dialects/',
  'packages/storage/src/create-db.ts',
  'packages/storage/src/dialect.ts',
  'packages/storage/src/migrate.ts',
  'packages/storage/src/migrations/',
];
const SCANNED = ['packages', 'bench', 'e2e', 'scripts'];

/**
 * A quoted SQLSTATE of one of PostgreSQL's condition classes (23505, 23P01, 40001, XX001, …) or
 * a SQLite result code. An all-digit one counts only on a line that speaks of a `code`, so that
 * numbers such as '10000' in a script's defaults are not taken for one.
 */
const SQLSTATE_CLASS = '(?:0[0-9A-Z]|2[0-9A-F]|3[4-9BDF]|4[024]|5[3-8]|72|F0|HV|P0|XX)';
const QUOTE = "['\"`]";
const SQLSTATE_WITH_LETTER = new RegExp(QUOTE + '(?=[0-9A-Z]{5}' + QUOTE + ')(?=[0-9]*[A-Z])' + SQLSTATE_CLASS + '[0-9A-Z]{3}' + QUOTE);
const SQLSTATE_DIGITS = new RegExp(QUOTE + SQLSTATE_CLASS + '[0-9]{3}' + QUOTE);
const SQLITE_CODE = /['"`]SQLITE_[A-Z_]+['"`]/;
const isErrorCode = (line: string) => SQLITE_CODE.test(line) || SQLSTATE_WITH_LETTER.test(line) || (SQLSTATE_DIGITS.test(line) && /\bcode\b/i.test(line));
/** A test of an error message against the engines' wording of a constraint or concurrency failure. */
const ERROR_TEXT = /\/[^/\n]*(?:unique|duplicate|constraint|deadlock|serializ)[^/\n]*\/[a-z]*\.test\(/i;
/** A comparison with an engine's name, or a switch over it. */
const DIALECT_BRANCH = /[!=]==?\s*['"`](?:sqlite|postgres)['"`]|['"`](?:sqlite|postgres)['"`]\s*[!=]==?|case\s+['"`](?:sqlite|postgres)['"`]|\bdialect\s*[!=]==?/;

function sourceFiles(): string[] {
  const out: string[] = [];
  for (const top of SCANNED) {
    for (const entry of readdirSync(join(root, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) continue;
      const path = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
      if (/(^|\/)(node_modules|dist|test|test-results)\//.test(path) || /\.test\.tsx?$/.test(path)) continue;
      out.push(path);
    }
  }
  return out;
}

export function boundaryViolations(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  const found: string[] = [];
  for (const f of files) {
    if (ALLOWED.some((a) => f.path.startsWith(a))) continue;
    f.text.split('\n').forEach((line, i) => {
      if (isErrorCode(line)) found.push(`${f.path}:${i + 1}: database error code: ${line.trim()}`);
      if (ERROR_TEXT.test(line)) found.push(`${f.path}:${i + 1}: database error text: ${line.trim()}`);
      if (DIALECT_BRANCH.test(line)) found.push(`${f.path}:${i + 1}: branch on the engine: ${line.trim()}`);
    });
  }
  return found;
}

test('no SQLSTATE or SQLite code and no branch on the engine outside storage/src/dialects, create-db.ts and migrations', () => {
  const files = sourceFiles();
  assert.ok(files.some((f) => f.startsWith('packages/server/src/')) && files.some((f) => f.startsWith('packages/storage/src/repos/')), 'the scan sees the tree');
  assert.deepEqual(boundaryViolations(files.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }))), []);
});

test('the scan finds what it forbids', () => {
  const found = boundaryViolations([
    { path: 'packages/server/src/services/x.ts', text: "if (err.code === '23505') retry();\nreturn code === '40P01';" },
    { path: 'packages/storage/src/repos/y.ts', text: "if (dialect !== 'postgres') return;\nconst pg = db.dialect === 'postgres';\nif (e.code === 'SQLITE_CONSTRAINT_UNIQUE') x();" },
    { path: 'packages/storage/src/dialects/database-errors.ts', text: "return code === '40001';" },
    { path: 'packages/storage/src/migrations/0001-foundation.ts', text: "if (dialect === 'sqlite') {" },
    { path: 'packages/server/src/routes/health-routes.ts', text: "db: z.enum(['sqlite', 'postgres']), id: '12ab'" },
    { path: 'packages/server/src/services/z.ts', text: "if (!/unique|duplicate/i.test(String(err.message))) throw err;" },
    { path: 'bench/stats/run.mjs', text: "const N = Number(opt('patients', '10000')); const seed = '40001';" },
    { path: 'packages/server/src/errors.ts', text: "const RETRY = ['40P01', 'XX001'];\nconst codes = new Set(['23505']); if (codes.has(e.code)) x();" },
  ]);
  assert.deepEqual(found.map((f) => f.split(': ')[0]), [
    'packages/server/src/services/x.ts:1',
    'packages/server/src/services/x.ts:2',
    'packages/storage/src/repos/y.ts:1',
    'packages/storage/src/repos/y.ts:2',
    'packages/storage/src/repos/y.ts:3',
    'packages/server/src/services/z.ts:1',
    'packages/server/src/errors.ts:1',
    'packages/server/src/errors.ts:2',
  ]);
});
