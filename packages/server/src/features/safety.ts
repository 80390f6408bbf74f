import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerSafetyRoutes } from '../routes/safety/safety-routes.ts';
import { registerSafetyMessages } from '../services/safety/safety-messages.ts';

/** Routes of the safety feature: the on-call rota, alert channels and an alert's history. Called once by createApp. */
export function registerSafetyFeature(app: FastifyInstance, deps: AppDeps): void {
  registerSafetyMessages(app.appState.messages);
  registerSafetyRoutes(app, deps);
}
