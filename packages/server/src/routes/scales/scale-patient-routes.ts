import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf, requirePatient } from '../../request-context.ts';
import { patientCrisisView } from '../../services/safety/patient-crisis-view.ts';
import { patientQuestionnaire, savePatientDraft, submitPatientQuestionnaire } from '../../services/scales/patient-questionnaire.ts';
import { idSchema } from '../schemas.ts';
import { answersSchema } from './scale-schemas.ts';

/** The patient's questionnaire (a `questionnaire` patient session opens exactly one instance). */
export function registerScalePatientRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/p/questionnaires/:id', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }) },
  }, async (req) => patientQuestionnaire(contextOf(deps, req), req.params.id));

  r.put('/api/p/questionnaires/:id/draft', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ answers: answersSchema }) },
  }, async (req) => savePatientDraft(contextOf(deps, req), { id: req.params.id, answers: req.body.answers as Record<string, number | null> }));

  r.post('/api/p/questionnaires/:id/submit', {
    config: { access: 'patient' },
    schema: { tags: ['patient'], params: z.strictObject({ id: idSchema }), body: z.strictObject({ answers: answersSchema }) },
  }, async (req) => submitPatientQuestionnaire(contextOf(deps, req), { id: req.params.id, answers: req.body.answers as Record<string, number | null> }));

  r.get('/api/p/crisis-contacts', {
    config: { access: 'patient' },
    schema: { tags: ['patient'] },
  }, async (req) => {
    const ctx = contextOf(deps, req);
    const p = requirePatient(ctx);
    return patientCrisisView(ctx, { clinicId: p.clinicId, patientId: p.patientId });
  });
}
