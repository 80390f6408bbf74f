// The CLI run from its TypeScript source through tsx (how the `mimamori` bin ran before the compiled
// build), for `node bench/startup/run.mjs --cli bench/startup/cli-source.mjs`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../../packages/cli/src/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});
