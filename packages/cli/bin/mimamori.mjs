#!/usr/bin/env node
// The `mimamori` command: runs the compiled CLI, dist/cli/main.js (`npm run build`; `npm install`
// builds it too). Development and tests run the TypeScript source through tsx instead.
import { existsSync } from 'node:fs';
import { runUnderProjectNode } from '../../../scripts/project-node.mjs';

const root = new URL('../../../', import.meta.url);
runUnderProjectNode(root);
const compiled = new URL('dist/cli/main.js', root);
if (!existsSync(compiled)) {
  process.stderr.write('mimamori: the command line is not compiled yet: run `npm run build` first.\n');
  process.exit(1);
}
process.setSourceMapsEnabled(true);
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});
