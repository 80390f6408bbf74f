import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { firstScreens, patientShell } from './patient-shell.ts';

/** What the server needs to answer a patient address fast: `route-chunks.json` in the build. */
export interface RouteChunks {
  /** Route pattern below /p ("/intake/:id") → the scripts its page needs beyond the entry, in load order. */
  readonly routes: Readonly<Record<string, readonly string[]>>;
  /** Route pattern (or "*" for the rest) → the route's first screen, to go inside `<main>` before the scripts run. */
  readonly first: Readonly<Record<string, string>>;
}

/**
 * The patient build, made for a slow phone's first visit:
 * - the stylesheet is written into the page (`<style>`), so the first paint waits for no second
 *   request (the server allows that one style by its hash);
 * - the page frame (header, footer) is drawn in the HTML (`patientShell`), and the server puts
 *   the route's first screen into its `<main>`;
 * - `route-chunks.json` lists, for each route of `src/patient/routes.tsx`, the chunks of its lazy
 *   page, so the server can name them in the HTML (`<link rel="modulepreload">`) and the browser
 *   fetches them together with the entry instead of one round trip after it.
 */
export function patientPages(options: { readonly routesFile: string; readonly html: string }): Plugin {
  return {
    name: 'mimamori-patient-pages',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle[options.html];
      if (!html || html.type !== 'asset') throw new Error(`patient-pages: no ${options.html} in the build`);
      let page = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'asset' || !name.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="[^"]*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
        if (!link.test(page)) continue;
        page = page.replace(link, () => `<style>${String(file.source).trim()}</style>`);
        delete bundle[name];
      }
      if (!page.includes('<div id="root"></div>')) throw new Error('patient-pages: no empty #root in the page');
      html.source = page.replace('<div id="root"></div>', () => `<div id="root">${patientShell()}</div>`);
      const routes = routeChunks(readFileSync(options.routesFile, 'utf8'), bundle);
      this.emitFile({ type: 'asset', fileName: 'route-chunks.json', source: `${JSON.stringify({ routes, first: firstScreens() } satisfies RouteChunks, null, 1)}\n` });
    },
  };
}

function routeChunks(source: string, bundle: OutputBundle): Record<string, string[]> {
  const modules = new Map<string, string>();
  for (const m of source.matchAll(/const (\w+) = lazyPage\(\(\) => import\('\.\/([^']+)'\)/g)) modules.set(m[1]!, m[2]!);
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const out: Record<string, string[]> = {};
  for (const m of source.matchAll(/path: '([^']+)', preload: (\w+)\.preload/g)) {
    const mod = modules.get(m[2]!);
    if (!mod) throw new Error(`patient-pages: no lazyPage import for ${m[2]}`);
    const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(join('src/patient', mod)));
    if (!chunk) throw new Error(`patient-pages: no chunk for ${mod}`);
    // The page's chunk and what it imports statically, except the entry (already in the page).
    const files: string[] = [];
    const visit = (c: OutputChunk): void => {
      if (c.isEntry || files.includes(c.fileName)) return;
      for (const i of c.imports) {
        const d = byFile.get(i);
        if (d) visit(d);
      }
      files.push(c.fileName);
    };
    visit(chunk);
    out[m[1]!] = files;
  }
  return out;
}
