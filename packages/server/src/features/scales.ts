import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerScalePatientRoutes } from '../routes/scales/scale-patient-routes.ts';
import { registerScaleStaffRoutes } from '../routes/scales/scale-staff-routes.ts';
import { scaleMessages } from '../services/scales/scale-messages.ts';

/**
 * Routes of the scales feature: register them here (route files in `routes/scales/`, services in
 * `services/scales/`). Called once by createApp.
 */
export function registerScalesFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(scaleMessages);
  registerScaleStaffRoutes(app, deps);
  registerScalePatientRoutes(app, deps);
}
