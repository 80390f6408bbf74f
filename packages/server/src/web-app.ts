import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from './context.ts';
import { sendError } from './http/error-handler.ts';

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
    const dir = isPatient ? patientDir : staffDir;
    const file = isPatient ? 'patient.html' : 'staff.html';
    if (dir && existsSync(join(dir, file))) return reply.header('cache-control', 'no-store').sendFile(file, dir);
    return reply.type('text/plain; charset=utf-8').send('Mimamori: the web app is not built. Run `npm run build` (npm start does it for you).');
  });
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
