import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerScalePatientRoutes } from '../routes/scales/scale-patient-routes.ts';
import { registerScaleStaffRoutes } from '../routes/scales/scale-staff-routes.ts';
import { SCALE_MESSAGES } from '@mimamori/core/scales/scale-messages';

/**
 * Routes of the scales feature: register them here (route files in `routes/scales/`, services in
 * `services/scales/`). Called once by createApp.
 */
export function registerScalesFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(SCALE_MESSAGES);
  registerScaleStaffRoutes(app, deps);
  registerScalePatientRoutes(app, deps);
}
