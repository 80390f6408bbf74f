import type { FastifyInstance } from 'fastify';
import { PROGRAM_MESSAGES } from '@mimamori/core/programs/index';
import type { AppDeps } from '../context.ts';
import { registerProgramRoutes } from '../routes/programs/program-routes.ts';
import { registerTreatmentRoutes } from '../routes/programs/treatment-routes.ts';
import { registerClinicalRecordRoutes } from '../routes/programs/clinical-record-routes.ts';

/**
 * The programs feature: its message catalogue (core's `PROGRAM_MESSAGES`, added once to the app's
 * messages) and its routes (route files in `routes/programs/`, services in `services/programs/`).
 * Called once by createApp.
 */
export function registerProgramsFeature(app: FastifyInstance, deps: AppDeps): void {
  app.appState.messages.register(PROGRAM_MESSAGES);
  registerProgramRoutes(app, deps);
  registerTreatmentRoutes(app, deps);
  registerClinicalRecordRoutes(app, deps);
}
