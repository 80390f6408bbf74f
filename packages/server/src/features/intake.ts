import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';

/**
 * Routes of the intake feature: register them here (route files in `routes/intake/`, services in
 * `services/intake/`). Called once by createApp.
 */
export function registerIntakeFeature(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
