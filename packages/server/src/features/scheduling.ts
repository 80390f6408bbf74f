import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerPatientSchedulingRoutes } from '../routes/scheduling/patient-scheduling-routes.ts';
import { registerStaffSchedulingRoutes } from '../routes/scheduling/staff-scheduling-routes.ts';
import { registerSchedulingMessages } from '../services/scheduling/scheduling-messages.ts';

/**
 * Routes of the scheduling feature (route files in `routes/scheduling/`, services in
 * `services/scheduling/`). Called once by createApp. The day-before reminder job is started by
 * `main.ts` (`createReminderJob` in `services/scheduling/appointment-mail.ts`).
 */
export function registerSchedulingFeature(app: FastifyInstance, deps: AppDeps): void {
  registerSchedulingMessages(app.appState.messages);
  registerStaffSchedulingRoutes(app, deps);
  registerPatientSchedulingRoutes(app, deps);
}
