import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';

/**
 * Routes of the scales feature: register them here (route files in `routes/scales/`, services in
 * `services/scales/`). Called once by createApp.
 */
export function registerScalesFeature(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
