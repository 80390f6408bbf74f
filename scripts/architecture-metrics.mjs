#!/usr/bin/env node
// The joins of the code base as numbers, so that a tidy-up can show what it changed (issue 18).
// Run from the repository root: `node scripts/architecture-metrics.mjs` (add `--json` for JSON,
// `--list` for the places behind each figure). Reads the source as it is in the working tree;
// test files (`*.test.ts(x)`, `test/`, `e2e/`) are left out everywhere. Uses only the repository's
// own TypeScript compiler to read the source.
//
// Definitions (each figure below is one of these, counted over non-test `.ts`/`.tsx` files):
//
// - **Service files taking `FastifyRequest`**: files under `packages/server/src/services/` whose text
//   names `FastifyRequest`, out of all service files.
// - **Exported service functions with ≥ 5 positional parameters**: exported functions (declarations
//   and `export const f = (…) =>`) in `packages/server/src/services/` whose parameter list has five or
//   more entries; out of all exported service functions. CONTRIBUTING asks for an options object from
//   three inputs on; five marks the ones furthest from it.
// - **Translation paths**: files of server and core, other than the one catalogue
//   (`server/src/i18n/`) and the one error handler (`server/src/http/error-handler.ts`), that turn a
//   message key into words of a language: they call the catalogue's `translate(`, define or call a
//   `localise…`/`localize…` function, read the request's language with `langOf(` to hand it on, or
//   (core) build a `DomainError` in a module that also takes a `lang`. Listed with `--list`.
//   **Catalogue registrations** count the `registerMessages(` calls outside the catalogue.
// - **Module-level `let`s**: `let`/`var` statements at the top level of a module, per package.
//   **Mutable module singletons**: top-level `const`s holding a `Map`/`Set`/`WeakMap`, an array or an
//   object that the same file mutates (`x.push(…)`, `x.set(…)`, `x[k] = …`, `Object.assign(x, …)`):
//   caches and registries that outlive one app. A constant lookup table does not count.
// - **Arrows running back up**: a package's folders form a graph (a file's folder is its directory
//   under `src/`; files directly in `src/` are nodes of their own, since `app.ts` or `index.ts` are
//   composition roots). An arrow runs back up when folder A imports from folder B and B imports from
//   A; each such pair counts once. Type-only imports count too: they are a dependency all the same.
//   A folder's `index.ts` re-exporting its own subfolder (`export * from './builtin/index.ts'`) is
//   the folder's public surface and is not counted.
// - **File length**: lines of each non-test source file under `packages/<pkg>/src/`; median and 90th
//   percentile (nearest rank), and how many files are over 400 lines.
// - **`req.staff!`**: occurrences of the non-null assertion on the request's staff member in the server.
// - **SQLSTATE literals outside storage**: string literals shaped like a PostgreSQL SQLSTATE
//   (five characters: two digits, a digit or `P`, two digits, as in the unique-violation code) or an SQLite error code
//   (`'SQLITE_…'`) in any package but storage.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packages = ['core', 'storage', 'reports', 'server', 'web', 'cli'];
const args = new Set(process.argv.slice(2));

const isTest = (f) => /\.test\.tsx?$/.test(f) || f.includes(`${sep}test${sep}`) || f.includes(`${sep}e2e${sep}`);

function sourceFiles(dir, out = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist' || name === 'fixtures') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !isTest(p)) out.push(p);
  }
  return out;
}

const files = Object.fromEntries(packages.map((p) => [p, sourceFiles(join(root, 'packages', p, 'src'))]));
const text = new Map();
const read = (f) => {
  if (!text.has(f)) text.set(f, readFileSync(f, 'utf8'));
  return text.get(f);
};
const parsed = new Map();
const parse = (f) => {
  if (!parsed.has(f)) parsed.set(f, ts.createSourceFile(f, read(f), ts.ScriptTarget.Latest, true, f.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
  return parsed.get(f);
};
const rel = (f) => relative(root, f).split(sep).join('/');
const stripComments = (s) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

// --- services: FastifyRequest, positional parameters -------------------------------------------
const serviceDir = join(root, 'packages/server/src/services') + sep;
const serviceFiles = files.server.filter((f) => f.startsWith(serviceDir));
const takingRequest = serviceFiles.filter((f) => /\bFastifyRequest\b/.test(stripComments(read(f))));

const isExported = (node) => (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;
const exportedFunctions = [];
for (const f of serviceFiles) {
  for (const st of parse(f).statements) {
    if (ts.isFunctionDeclaration(st) && st.name && isExported(st)) {
      exportedFunctions.push({ file: rel(f), name: st.name.text, params: st.parameters.length });
    } else if (ts.isVariableStatement(st) && isExported(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(d.name)) {
          exportedFunctions.push({ file: rel(f), name: d.name.text, params: init.parameters.length });
        }
      }
    }
  }
}
const fivePlus = exportedFunctions.filter((x) => x.params >= 5);

// --- translation paths ---------------------------------------------------------------------------
const translationExempt = (f) => rel(f).startsWith('packages/server/src/i18n/') || rel(f) === 'packages/server/src/http/error-handler.ts';
const translationPaths = [];
for (const f of [...files.server, ...files.core]) {
  if (translationExempt(f)) continue;
  const s = stripComments(read(f));
  const why = [];
  if (/\btranslate\(/.test(s)) why.push('translate(');
  if (/\blocali[sz]e[A-Z]\w*\s*\(/.test(s)) why.push('localise…(');
  if (/\blangOf\(/.test(s)) why.push('langOf(');
  if (f.includes(`${sep}core${sep}`) && /\bnew DomainError\b/.test(s) && /\blang\s*[:,)]/.test(s)) why.push('DomainError with lang');
  if (why.length) translationPaths.push({ file: rel(f), why });
}
const registrations = [];
for (const f of files.server) {
  if (translationExempt(f)) continue;
  const n = (stripComments(read(f)).match(/\bregisterMessages\(/g) ?? []).length;
  if (n) registrations.push({ file: rel(f), count: n });
}

// --- module-level state ----------------------------------------------------------------------------
function moduleState(f) {
  const sf = parse(f);
  const lets = [];
  const singletons = [];
  const body = stripComments(read(f));
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const flags = st.declarationList.flags;
    const names = st.declarationList.declarations.filter((d) => ts.isIdentifier(d.name));
    if (!(flags & ts.NodeFlags.Const)) {
      for (const d of names) lets.push(d.name.text);
      continue;
    }
    for (const d of names) {
      let init = d.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init) || ts.isParenthesizedExpression(init))) init = init.expression;
      if (!init) continue;
      const name = d.name.text;
      const collection = ts.isNewExpression(init) && ts.isIdentifier(init.expression) && ['Map', 'Set', 'WeakMap', 'WeakSet'].includes(init.expression.text);
      const literal = ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init);
      const n = name.replace(/[$]/g, '\\$');
      const mutated = new RegExp(
        `\\b${n}\\s*\\.\\s*(push|pop|shift|unshift|splice|set|add|delete|clear|sort|reverse)\\s*\\(|\\b${n}\\s*(\\.\\s*\\w+|\\[[^\\]]*\\])\\s*(=(?!=)|\\+=|-=|\\+\\+|--)|Object\\.assign\\(\\s*${n}\\b`,
      ).test(body);
      if ((collection || literal) && mutated) singletons.push(name);
    }
  }
  return { lets, singletons };
}
const state = Object.fromEntries(packages.map((p) => [p, files[p].map((f) => ({ file: rel(f), ...moduleState(f) })).filter((x) => x.lets.length || x.singletons.length)]));

// --- arrows running back up -----------------------------------------------------------------------
function importSpecs(f, o = {}) {
  const out = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      // A folder's index.ts that re-exports its own subfolder is that folder's public surface, not a dependency.
      const ownSubfolder = o.skipSubfolderReexports && ts.isExportDeclaration(node) && /^\.\/[^.]/.test(node.moduleSpecifier.text) && node.moduleSpecifier.text.includes('/', 2);
      if (!ownSubfolder) out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(f));
  return out;
}
function folderOf(pkg, file) {
  const src = join(root, 'packages', pkg, 'src');
  const r = relative(src, file).split(sep).join('/');
  if (r.startsWith('..')) return null;
  return r.includes('/') ? r.slice(0, r.lastIndexOf('/')) : r;
}
function backArrows(pkg) {
  const edges = new Map();
  for (const f of files[pkg]) {
    const from = folderOf(pkg, f);
    for (const spec of importSpecs(f, { skipSubfolderReexports: /(^|\/)index\.tsx?$/.test(f) })) {
      let target = null;
      if (spec.startsWith('.')) target = resolve(dirname(f), spec);
      else if (spec.startsWith(`@mimamori/${pkg}/`)) target = join(root, 'packages', pkg, 'src', spec.slice(`@mimamori/${pkg}/`.length));
      if (!target) continue;
      let to = folderOf(pkg, /\.tsx?$/.test(target) ? target : `${target}.ts`);
      if (to === null || to === from) continue;
      // A folder named without a file (`./x` or `@mimamori/core/x/index`) means its index.
      if (!/\.tsx?$/.test(target) && statSync(target, { throwIfNoEntry: false })?.isDirectory()) to = folderOf(pkg, join(target, 'index.ts'));
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(to);
    }
  }
  const pairs = [];
  for (const [a, tos] of edges) for (const b of tos) if (a < b && edges.get(b)?.has(a)) pairs.push(`${a} ⇄ ${b}`);
  return pairs.sort();
}
const arrows = Object.fromEntries(packages.map((p) => [p, backArrows(p)]));

// --- file lengths ---------------------------------------------------------------------------------
function lengths(pkg) {
  const ls = files[pkg].map((f) => read(f).split('\n').length - (read(f).endsWith('\n') ? 1 : 0)).sort((a, b) => a - b);
  const rank = (q) => ls[Math.max(0, Math.ceil(q * ls.length) - 1)] ?? 0;
  const median = ls.length % 2 ? ls[(ls.length - 1) / 2] : (ls[ls.length / 2 - 1] + ls[ls.length / 2]) / 2;
  return { files: ls.length, median, p90: rank(0.9), over400: ls.filter((n) => n > 400).length, longest: ls.at(-1) ?? 0 };
}
const fileLengths = Object.fromEntries(packages.map((p) => [p, lengths(p)]));

// --- req.staff!, SQLSTATE ---------------------------------------------------------------------------
const staffBang = files.server.flatMap((f) => (stripComments(read(f)).match(/\breq\.staff!/g) ?? []).map(() => rel(f)));
const sqlstate = [];
for (const p of packages.filter((x) => x !== 'storage')) {
  for (const f of files[p]) {
    const s = stripComments(read(f));
    for (const m of s.matchAll(/(['"`])(\d{2}[0-9P]\d{2}|SQLITE_[A-Z_]+)\1/g)) sqlstate.push({ file: rel(f), literal: m[2] });
  }
}

// --- output -------------------------------------------------------------------------------------------
const figures = {
  serviceFilesTakingFastifyRequest: { count: takingRequest.length, of: serviceFiles.length, files: takingRequest.map(rel) },
  exportedServiceFunctionsWith5PlusParams: { count: fivePlus.length, of: exportedFunctions.length, functions: fivePlus.map((x) => `${x.file} ${x.name} (${x.params})`) },
  translationPaths: { count: translationPaths.length, files: translationPaths.map((x) => `${x.file} [${x.why.join(', ')}]`) },
  catalogueRegistrations: { count: registrations.reduce((n, x) => n + x.count, 0), files: registrations.map((x) => `${x.file} ×${x.count}`) },
  moduleLevelLets: Object.fromEntries(packages.map((p) => [p, state[p].reduce((n, x) => n + x.lets.length, 0)])),
  mutableModuleSingletons: Object.fromEntries(packages.map((p) => [p, state[p].reduce((n, x) => n + x.singletons.length, 0)])),
  moduleState: Object.fromEntries(packages.map((p) => [p, state[p].map((x) => `${x.file}: ${[...x.lets.map((n) => `let ${n}`), ...x.singletons].join(', ')}`)])),
  arrowsRunningBackUp: Object.fromEntries(packages.map((p) => [p, arrows[p]])),
  fileLength: fileLengths,
  reqStaffBang: { count: staffBang.length, files: [...new Set(staffBang)] },
  sqlstateLiteralsOutsideStorage: { count: sqlstate.length, places: sqlstate.map((x) => `${x.file} '${x.literal}'`) },
};

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  const per = (o) => packages.map((p) => `${p} ${o[p]}`).join(', ');
  const rows = [
    ['service files taking `FastifyRequest`', `${figures.serviceFilesTakingFastifyRequest.count} of ${figures.serviceFilesTakingFastifyRequest.of}`],
    ['exported service functions with ≥ 5 positional parameters', `${fivePlus.length} of ${exportedFunctions.length}`],
    ['translation paths (files outside the catalogue and the error handler)', String(translationPaths.length)],
    ['catalogue registrations (`registerMessages(` calls)', String(figures.catalogueRegistrations.count)],
    ['module-level `let`s', `${sum(figures.moduleLevelLets)} (${per(figures.moduleLevelLets)})`],
    ['mutable module singletons', `${sum(figures.mutableModuleSingletons)} (${per(figures.mutableModuleSingletons)})`],
    ...['core', 'server', 'web'].map((p) => [`arrows running back up: ${p}`, String(arrows[p].length)]),
    ...packages.map((p) => [`file length ${p}: median / p90 (files; > 400 lines)`, `${fileLengths[p].median} / ${fileLengths[p].p90} (${fileLengths[p].files}; ${fileLengths[p].over400})`]),
    ['`req.staff!`', String(staffBang.length)],
    ['SQLSTATE / SQLite code literals outside storage', String(sqlstate.length)],
  ];
  console.log('| figure | value |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  if (args.has('--list')) {
    const list = (title, items) => {
      console.log(`\n${title}`);
      for (const i of items) console.log(`- ${i}`);
    };
    list('Translation paths:', figures.translationPaths.files);
    list('Catalogue registrations:', figures.catalogueRegistrations.files);
    for (const p of ['core', 'server', 'web']) list(`Arrows running back up (${p}):`, arrows[p]);
    for (const p of packages) if (figures.moduleState[p].length) list(`Module state (${p}):`, figures.moduleState[p]);
    list('SQLSTATE literals outside storage:', figures.sqlstateLiteralsOutsideStorage.places);
    list('Service files taking FastifyRequest:', figures.serviceFilesTakingFastifyRequest.files);
    list('Exported service functions with ≥ 5 positional parameters:', figures.exportedServiceFunctionsWith5PlusParams.functions);
  }
}
