import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';

/**
 * Routes of the programs feature: register them here (route files in `routes/programs/`, services in
 * `services/programs/`). Called once by createApp.
 */
export function registerProgramsFeature(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
