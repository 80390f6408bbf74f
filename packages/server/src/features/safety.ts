import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerSafetyRoutes } from '../routes/safety/safety-routes.ts';
import { SAFETY_MESSAGES } from '@mimamori/core/safety/safety-messages';

/** Routes of the safety feature: the on-call rota, alert channels and an alert's history. Called once by createApp. */
export function registerSafetyFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(SAFETY_MESSAGES);
  registerSafetyRoutes(app, deps);
}
