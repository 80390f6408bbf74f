import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerBillingRoutes } from '../routes/billing/billing-routes.ts';
import { registerPatientBillingRoutes } from '../routes/billing/patient-billing-routes.ts';
import { BILLING_MESSAGES } from '@mimamori/core/billing/billing-messages';

/** Self-pay billing (docs/billing.md). Called once by createApp. */
export function registerBillingFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(BILLING_MESSAGES);
  registerBillingRoutes(app, deps);
  registerPatientBillingRoutes(app, deps);
}
