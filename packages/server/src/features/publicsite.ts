import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerPublicsiteRoutes } from '../routes/publicsite/publicsite-routes.ts';
import { registerPublicsiteMessages } from '../services/publicsite/publicsite-messages.ts';

/** The clinic's public pages and the programs' recruitment pages (docs/public-site.md, docs/recruitment.md). Called once by createApp. */
export function registerPublicsiteFeature(app: FastifyInstance, deps: AppDeps): void {
  registerPublicsiteMessages(app.appState.messages);
  registerPublicsiteRoutes(app, deps);
}
