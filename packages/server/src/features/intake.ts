import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerIntakePatientRoutes } from '../routes/intake/intake-patient-routes.ts';
import { registerIntakeStaffRoutes } from '../routes/intake/intake-staff-routes.ts';
import { registerIntakeMessages } from '../services/intake/intake-messages.ts';

/**
 * Routes of the intake feature (WEB問診): the form editor, sending, the staff view and status, and
 * the patient pages' API. Called once by createApp.
 */
export function registerIntakeFeature(app: FastifyInstance, deps: AppDeps): void {
  registerIntakeMessages(app.appState.messages);
  registerIntakeStaffRoutes(app, deps);
  registerIntakePatientRoutes(app, deps);
}
