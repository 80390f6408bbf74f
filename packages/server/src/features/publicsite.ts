import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerPublicsiteRoutes } from '../routes/publicsite/publicsite-routes.ts';
import { PUBLICSITE_MESSAGES } from '@mimamori/core/publicsite/publicsite-messages';

/** The clinic's public pages and the programs' recruitment pages (docs/public-site.md, docs/recruitment.md). Called once by createApp. */
export function registerPublicsiteFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(PUBLICSITE_MESSAGES);
  registerPublicsiteRoutes(app, deps);
}
