import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerLineRoutes } from '../routes/line/line-routes.ts';
import { LINE_MESSAGES } from '@mimamori/core/line/line-messages';

/** The LINE channel beside mail: setup, patient links, the webhook. Called once by createApp. */
export function registerLineFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(LINE_MESSAGES);
  registerLineRoutes(app, deps);
}
