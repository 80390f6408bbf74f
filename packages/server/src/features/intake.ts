import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerIntakePatientRoutes } from '../routes/intake/intake-patient-routes.ts';
import { registerIntakeStaffRoutes } from '../routes/intake/intake-staff-routes.ts';
import { INTAKE_MESSAGES } from '@mimamori/core/intake/intake-messages';

/**
 * Routes of the intake feature (WEB問診): the form editor, sending, the staff view and status, and
 * the patient pages' API. Called once by createApp.
 */
export function registerIntakeFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(INTAKE_MESSAGES);
  registerIntakeStaffRoutes(app, deps);
  registerIntakePatientRoutes(app, deps);
}
