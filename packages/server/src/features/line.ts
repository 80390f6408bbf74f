import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerLineRoutes } from '../routes/line/line-routes.ts';
import { registerLineMessages } from '../services/line/line-messages.ts';

/** The LINE channel beside mail: setup, patient links, the webhook. Called once by createApp. */
export function registerLineFeature(app: FastifyInstance, deps: AppDeps): void {
  registerLineMessages(app.appState.messages);
  registerLineRoutes(app, deps);
}
