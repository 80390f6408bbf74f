import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.ts';
import { registerMessages } from '../i18n/messages.ts';
import { scaleMessages } from '../services/scales/scale-messages.ts';

/**
 * Routes of the scales feature: register them here (route files in `routes/scales/`, services in
 * `services/scales/`). Called once by createApp.
 */
export function registerScalesFeature(app: FastifyInstance, deps: AppDeps): void {
  registerMessages(scaleMessages);
  void app;
  void deps;
}
