import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerOutcomeRoutes } from '../routes/outcome/outcome-routes.ts';

/** Routes of the outcome report (docs/outcome-report.md). Called once by createApp. */
export function registerOutcomeFeature(app: FastifyInstance, deps: AppDeps): void {
  registerOutcomeRoutes(app, deps);
}
