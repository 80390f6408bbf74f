import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installAuth } from './auth/auth-plugin.ts';
import { createAppState, type AppState } from './app-state.ts';
import type { AppDeps } from './context.ts';
import { installErrorHandler, sendError } from './http/error-handler.ts';
import { newRequestId } from './http/request-id.ts';
import { installMalformedTextCheck } from './http/malformed-text.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { registerAuditRoutes } from './routes/audit-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerBackupRoutes } from './routes/backup-routes.ts';
import { registerBreakGlassRoutes } from './routes/break-glass-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { createStorageHealth } from './services/storage-health.ts';
import { registerPatientRoutes } from './routes/patient-routes.ts';
import { registerStaffRoutes } from './routes/staff-routes.ts';
import { registerWebApp } from './web-app.ts';
import { installAnswerCompression } from './http/compress-answers.ts';
import { registerAlertRoutes } from './routes/alert-routes.ts';
import { registerOutboxRoutes } from './routes/outbox-routes.ts';
import { registerPatientLinkRoutes } from './routes/patient-link-routes.ts';
import { registerBillingFeature } from './features/billing.ts';
import { registerIntakeFeature } from './features/intake.ts';
import { registerOutcomeFeature } from './features/outcome.ts';
import { registerProgramsFeature } from './features/programs.ts';
import { registerPublicsiteFeature } from './features/publicsite.ts';
import { registerSafetyFeature } from './features/safety.ts';
import { registerLineFeature } from './features/line.ts';
import { registerScalesFeature } from './features/scales.ts';
import { registerSchedulingFeature } from './features/scheduling.ts';
import { programTagsOf } from './services/programs/program-booking-service.ts';
import './auth/route-access.ts';

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: string | undefined;
  /** The route asks for a recent password + TOTP authentication (`require-recent-auth.ts`). */
  readonly recentAuth: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
  }
}

/**
 * Builds the Mimamori HTTP app (no port is bound here: `main.ts` listens, tests use `inject`).
 */
export async function createApp(baseDeps: AppDeps, options: { logger?: boolean | object } = {}): Promise<FastifyInstance> {
  // What this app keeps between requests, its own (no module of the server holds state): the
  // caches, the messages each feature adds, and the programs feature's answer to "which program
  // tags does this patient carry" for scheduling.
  const state = baseDeps.state ?? createAppState({ patientTags: programTagsOf });
  const deps: AppDeps = { ...baseDeps, state };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: newRequestId,
    requestIdHeader: false,
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
    // Router-level errors (over-long or malformed URLs) get the same error body, without echoing the URL.
    frameworkErrors: (err, req, reply) => {
      void sendError(reply, req, 'validation', { status: err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400 });
    },
  });
  app.decorate('appState', state);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every /api route must say who may call it; a route without `config.access` fails start-up.
  const table: RouteInfo[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const config = route.config as { access?: string; recentAuth?: boolean } | undefined;
    const access = config?.access;
    if (!access) throw new Error(`route ${methods.join(',')} ${route.url} declares no access rule`);
    for (const m of methods) if (m !== 'HEAD') table.push({ method: m, url: route.url, access, recentAuth: config?.recentAuth === true });
  });

  await app.register(cookie);
  installSecurityHeaders(app);
  installAnswerCompression(app);
  await app.register(rateLimit, {
    global: true,
    max: deps.config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) => {
      const err = new Error('rate limited') as Error & { statusCode: number; code: string };
      err.statusCode = 429;
      err.code = 'FST_ERR_RATE_LIMIT';
      void context;
      return err;
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Mimamori API', version: deps.config.version, description: 'Staff and patient API of Mimamori (見守り).' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-mm_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  // The docs UI gets the CSP of every other page (its scripts and styles are files served from here).
  await app.register(swaggerUi, { routePrefix: '/api/docs', validatorUrl: false });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const storageHealth = deps.storageHealth ?? createStorageHealth({ db: deps.db, clock: deps.clock, warnBelowBytes: deps.config.diskWarnFreeBytes, intervalMs: deps.config.dbCheckIntervalMinutes * 60_000 });
  installErrorHandler(app, { onStorageError: storageHealth.noteError });
  installMalformedTextCheck(app);
  installAuth(app, deps);

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    // API answers are not stored, unless a route says otherwise (availability: revalidated by entity tag);
    // the docs UI neither, whatever its static-file handler would allow.
    if (req.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
    else if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // A state change sent as GET (or any unknown method on a known path) is refused plainly.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'TRACE' || req.method === 'CONNECT') return sendError(reply, req, 'method_not_allowed');
  });

  registerHealthRoutes(app, deps, storageHealth);
  registerAuthRoutes(app, deps);
  registerBreakGlassRoutes(app, deps);
  registerBackupRoutes(app, deps);
  registerStaffRoutes(app, deps);
  registerPatientRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerPatientLinkRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerOutboxRoutes(app, deps, { smtpConfigured: Boolean(deps.smtp) });
  registerScalesFeature(app, deps);
  registerSchedulingFeature(app, deps);
  registerIntakeFeature(app, deps);
  registerProgramsFeature(app, deps);
  registerOutcomeFeature(app, deps);
  registerSafetyFeature(app, deps);
  registerLineFeature(app, deps);
  registerBillingFeature(app, deps);
  registerPublicsiteFeature(app, deps);
  await registerWebApp(app, deps);
  return app;
}

// The app's state on the Fastify instance, declared here rather than in `app-state.ts`, which the web
// type-check reaches through `api-types.ts` without Fastify.
declare module 'fastify' {
  interface FastifyInstance {
    /** The app's state (`app-state.ts`), for code that has the request but not the deps (the error handler). */
    appState: AppState;
  }
}
