import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Vite names the built page after its source (`staff.html`). Static servers look for
 * `index.html`, so the page is written under both names.
 */
export function indexHtml(source: string): Plugin {
  return {
    name: 'mimamori-index-html',
    apply: 'build',
    enforce: 'post',
    writeBundle(options) {
      const dir = options.dir;
      if (dir) copyFileSync(join(dir, source), join(dir, 'index.html'));
    },
  };
}
