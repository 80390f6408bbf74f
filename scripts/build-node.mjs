#!/usr/bin/env node
// Compiles the server and the command line to JavaScript in dist/ (ES modules, source maps beside
// them): dist/server/main.js and dist/cli/main.js. `npm run build` runs it after the web build;
// `npm start` and the `mimamori` bin run its output. The workspace packages (@mimamori/*) export
// TypeScript source, so they are bundled in; so are Kysely and @stdlib (below); every other package stays an import
// from node_modules.
// Each CLI command is its own chunk, loaded only when that command runs.
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
// Bundled in: the workspace packages; Kysely and stdlib's distribution functions, each hundreds of
// small modules that only our code imports (loading them one file at a time was the largest part of
// the server's and the statistics command's start-up).
const bundled = /^(@mimamori\/|kysely(\/|$)|@stdlib\/)/;
const outdir = `${root}dist`;

rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: { 'server/main': 'packages/server/src/main.ts', 'cli/main': 'packages/cli/src/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  // Bundled CommonJS (stdlib) requires its external dependencies; ES modules have no `require`.
  banner: { js: "import { createRequire as __mmCreateRequire } from 'node:module'; const require = __mmCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  plugins: [
    {
      name: 'node-modules-stay-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (bundled.test(args.path) ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
// Files started as worker threads are loaded by URL relative to the module that starts them, which
// after bundling is whichever output file holds that module: put a copy beside each of them.
for (const dir of ['server', 'cli', 'chunks']) {
  copyFileSync(`${root}packages/storage/src/dialects/sqlite-check-worker.mjs`, `${outdir}/${dir}/sqlite-check-worker.mjs`);
}
console.log(`compiled server and CLI to dist/ in ${Date.now() - started} ms`);
