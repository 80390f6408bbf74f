import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { loadPatientIntake, savePatientIntake, submitPatientIntake } from '../../services/intake/patient-intake.ts';
import { idSchema } from '../schemas.ts';

// Answers are checked by the core validator (which keeps invalid input as typed); zod bounds the shape.
const answerMap = z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/), z.unknown()).refine((o) => Object.keys(o).length <= 200, { message: 'too_big' });

export function registerIntakePatientRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/p/intakes/:id', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => loadPatientIntake(contextOf(deps, req), req.params.id));

  r.put('/api/p/intakes/:id/answers', {
    config: { access: 'patient' },
    schema: {
      tags: ['patient'],
      params: z.strictObject({ id: idSchema }),
      body: z.strictObject({ values: answerMap, confirmGroup: z.string().regex(/^[A-Za-z0-9_]{1,64}$/).optional() }),
    },
  }, async (req) => savePatientIntake(contextOf(deps, req), { ...req.body, intakeId: req.params.id }));

  r.post('/api/p/intakes/:id/submit', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({}).optional() },
  }, async (req) => submitPatientIntake(contextOf(deps, req), req.params.id));
}
