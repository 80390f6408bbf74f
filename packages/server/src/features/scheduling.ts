import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';

/**
 * Routes of the scheduling feature: register them here (route files in `routes/scheduling/`, services in
 * `services/scheduling/`). Called once by createApp.
 */
export function registerSchedulingFeature(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
