import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from './context.ts';
import { sendError } from './http/error-handler.ts';
import { PATIENT_COOKIE } from './auth/patient-auth.ts';

/**
 * Serves the built web app: the staff app at `/` and the patient pages at `/p/`, each with a
 * fallback to its index.html for client-side routes. Without a build, a short notice says how.
 */
export async function registerWebApp(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const dist = deps.config.webDist;
  const staffDir = dist ? join(dist, 'staff') : undefined;
  const patientDir = dist ? join(dist, 'patient') : undefined;
  if (staffDir && existsSync(join(staffDir, 'staff.html'))) {
    await app.register(fastifyStatic, { root: staffDir, prefix: '/', index: false, wildcard: false, decorateReply: true, cacheControl: false, preCompressed: true });
    if (patientDir && existsSync(join(patientDir, 'patient.html'))) {
      await app.register(fastifyStatic, { root: patientDir, prefix: '/p/', index: false, wildcard: false, decorateReply: false, cacheControl: false, preCompressed: true });
    }
    app.addHook('onSend', async (req, reply, payload) => {
      // Built assets carry a content hash in their names: cache them; never cache the HTML shell.
      if (req.url.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return payload;
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') && app.routeTable.some((r) => r.method !== req.method && patternOf(r.url).test(path))) {
      return sendError(reply, req, 'method_not_allowed');
    }
    if (req.method !== 'GET' || path.startsWith('/api/') || /\.[a-z0-9]{1,5}$/i.test(path)) return sendError(reply, req, 'route_not_found');
    const isPatient = path === '/p' || path.startsWith('/p/');
    if (isPatient && patientDir && existsSync(join(patientDir, 'patient.html'))) {
      const page = patientPage(patientDir, path, { signedOut: !req.cookies[PATIENT_COOKIE] });
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      return reply
        .header('cache-control', 'no-store')
        .header('content-security-policy', page.styleHash ? csp.replace(/style-src [^;]*/, `style-src 'self' '${page.styleHash}'`) : csp)
        .type('text/html; charset=utf-8')
        .send(page.html);
    }
    const dir = isPatient ? patientDir : staffDir;
    const file = isPatient ? 'patient.html' : 'staff.html';
    if (dir && existsSync(join(dir, file))) return reply.header('cache-control', 'no-store').sendFile(file, dir);
    return reply.type('text/plain; charset=utf-8').send('Mimamori: the web app is not built. Run `npm run build` (npm start does it for you).');
  });
}

interface PatientShell {
  readonly head: string;
  readonly tail: string;
  readonly styleHash: string | null;
  readonly routes: ReadonlyArray<{ readonly pattern: RegExp; readonly files: readonly string[]; readonly first: string | undefined; readonly signedOut: string | undefined }>;
  readonly firstOther: string;
}
const shells = new Map<string, PatientShell>();

/**
 * The patient page for `path`: the built HTML (its stylesheet and page frame written in; the style
 * allowed by its hash) with a `<link rel="modulepreload">` for each chunk of the route's page and
 * the route's first screen in `<main>` (both from the build's `route-chunks.json`), so a phone
 * draws text as soon as the HTML is in and fetches the page's code with the entry script.
 */
export function patientPage(dir: string, path: string, o: { readonly signedOut: boolean }): { html: string; styleHash: string | null } {
  let shell = shells.get(dir);
  if (!shell) {
    const html = readFileSync(join(dir, 'patient.html'), 'utf8');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    const chunksFile = join(dir, 'route-chunks.json');
    const built = existsSync(chunksFile)
      ? (JSON.parse(readFileSync(chunksFile, 'utf8')) as { routes: Record<string, string[]>; first: Record<string, string> })
      : { routes: {}, first: {} };
    const main = '<main id="main" class="main">';
    const at = html.indexOf(main) >= 0 ? html.indexOf(main) + main.length : html.indexOf('</head>');
    shell = {
      head: html.slice(0, at),
      tail: html.slice(at),
      firstOther: built.first['*'] ?? '',
      styleHash: style === undefined ? null : `sha256-${createHash('sha256').update(style).digest('base64')}`,
      routes: Object.entries(built.routes).map(([route, files]) => ({ pattern: patternOf(`/p${route === '/' ? '' : route}`), files, first: built.first[route], signedOut: built.first[`${route}#signed-out`] })),
    };
    shells.set(dir, shell);
  }
  const route = shell.routes.find((r) => r.pattern.test(path));
  const links = (route?.files ?? []).map((f) => `<link rel="modulepreload" crossorigin href="/p/${f}">`).join('');
  const [head, rest] = shell.head.includes('</head>') ? [shell.head.slice(0, shell.head.indexOf('</head>')), shell.head.slice(shell.head.indexOf('</head>'))] : [shell.head, ''];
  // No patient cookie at all: the page will ask to sign in, so the form is drawn at once and the
  // page is told it need not ask the server (`mm-session`).
  const signedOut = o.signedOut && route?.signedOut !== undefined;
  const first = signedOut ? route!.signedOut! : route ? (route.first ?? shell.firstOther) : '';
  const hint = signedOut ? '<meta name="mm-session" content="none">' : '';
  return { html: head + hint + links + rest + first + shell.tail, styleHash: shell.styleHash };
}

const patterns = new Map<string, RegExp>();
/** `/api/patients/:id` → /^\/api\/patients\/[^/]+$/ (for telling 405 from 404). */
function patternOf(url: string): RegExp {
  let re = patterns.get(url);
  if (!re) {
    re = new RegExp(`^${url.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
    patterns.set(url, re);
  }
  return re;
}
