import type { FastifyInstance } from 'fastify';
import { SCHEDULING_MESSAGES } from '@mimamori/core/scheduling/messages';
import type { AppDeps } from '../context.ts';
import { registerClinicSetupRoutes } from '../routes/scheduling/clinic-setup-routes.ts';
import { registerPatientSchedulingRoutes } from '../routes/scheduling/patient-scheduling-routes.ts';
import { registerStaffSchedulingRoutes } from '../routes/scheduling/staff-scheduling-routes.ts';

/**
 * Routes of the scheduling feature (route files in `routes/scheduling/`, services in
 * `services/scheduling/`) and its message catalogue (`core/src/scheduling/messages.ts`, added to
 * this app's messages). Called once by createApp. The day-before reminder job is started by
 * `main.ts` (`createReminderJob` in `services/scheduling/appointment-mail.ts`).
 */
export function registerSchedulingFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(SCHEDULING_MESSAGES);
  registerStaffSchedulingRoutes(app, deps);
  registerPatientSchedulingRoutes(app, deps);
  registerClinicSetupRoutes(app, deps);
}
