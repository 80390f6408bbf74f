import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerProgramRoutes } from '../routes/programs/program-routes.ts';
import { coreProgramMessages, programServerMessages } from '../services/programs/program-messages.ts';

/**
 * Routes of the programs feature: register them here (route files in `routes/programs/`, services in
 * `services/programs/`). Called once by createApp.
 */
export function registerProgramsFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(coreProgramMessages());
  app.appState.messages.register(programServerMessages);
  registerProgramRoutes(app, deps);
}
