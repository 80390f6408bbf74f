import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { readClinicFacts, saveClinicFacts } from '../../services/clinic/clinic-facts-service.ts';
import { readSetupChecklist } from '../../services/clinic/setup-checklist-service.ts';
import { text } from '../schemas.ts';

/** The clinic's own facts (name, address, phone, registration number) and the setup walk-through. */
export function registerClinicSetupRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/clinic/facts', { config: { access: 'scheduling:admin' }, schema: { tags: ['scheduling'] } }, async (req) => readClinicFacts(contextOf(deps, req)));

  r.put('/api/clinic/facts', {
    config: { access: 'scheduling:admin' },
    schema: {
      tags: ['scheduling'],
      description: 'The clinic name, address and phone used by patient mails, the public page and statements; the registration number of the statements.',
      body: z.strictObject({ name: text(200), address: text(400), phone: text(40), registrationNumber: text(40).optional() }),
    },
  }, async (req) => saveClinicFacts(contextOf(deps, req), req.body));

  r.get('/api/clinic/setup', { config: { access: 'scheduling:admin' }, schema: { tags: ['scheduling'] } }, async (req) => readSetupChecklist(contextOf(deps, req)));
}
