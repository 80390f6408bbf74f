import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerAnalysisRoutes } from '../routes/outcome/analysis-routes.ts';
import { registerOutcomeRoutes } from '../routes/outcome/outcome-routes.ts';
import { OUTCOME_MESSAGES } from '@mimamori/core/outcome/outcome-messages';

/** Routes of the outcome report (docs/outcome-report.md). Called once by createApp. */
export function registerOutcomeFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(OUTCOME_MESSAGES);
  registerOutcomeRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
}
