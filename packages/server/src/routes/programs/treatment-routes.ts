import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { idSchema } from '../schemas.ts';
import { appointmentProgramSession, attachLotCertificate, createProductLot, downloadLotCertificate, listLots } from '../../services/programs/product-lot-service.ts';

/** Infusion fields added for reviewers (lot on record, dose per kg, thaw, rate, observation …) and the out-of-window confirmation. */
export const INFUSION_REVIEW_FIELDS = [
  'lotId', 'weightKg', 'storageTemperatureC', 'thawedAt', 'diluent', 'diluentVolumeMl', 'rateMlPerHour', 'premedication', 'vitalsDuring', 'observation', 'outsideWindowReason',
];
/** TMS fields added for reviewers: device, threshold, targeting, trains, seizure screening. */
export const TMS_REVIEW_FIELDS = ['device', 'motorThreshold', 'targeting', 'trains', 'interTrainIntervalS', 'sessionsPerDay', 'seizureScreening'];

const LOT_FIELDS = [
  'product', 'manufacturer', 'cellSource', 'cellSourceOther', 'donorRelation', 'acquisitionRoute', 'acquisitionNote', 'regulatoryStatus', 'regulatoryNote',
  'lot', 'expiryDate', 'receivedOn', 'particlesPerMl', 'particleMethod', 'volumePerVialMl', 'storageTemperatureC', 'coa', 'certificate',
];

const programParams = z.strictObject({ programId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'invalid_type' }) });
const upload = z.strictObject({ fileName: z.unknown().optional(), base64: z.unknown().optional() });
// A 5 MB certificate is about 6.7 MB as base64.
const BODY_LIMIT = 8 * 1024 * 1024;

/** Product lots and their certificates of analysis. */
export function registerTreatmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['programs'];
  r.get('/api/appointments/:appointmentId/program-session', { config: { access: 'programs:clinical_read' }, schema: { tags, params: z.strictObject({ appointmentId: idSchema }) } }, async (req) =>
    appointmentProgramSession(contextOf(deps, req), req.params.appointmentId));
  r.get('/api/programs/:programId/lots', { config: { access: 'programs:read' }, schema: { tags, params: programParams } }, async (req) =>
    ({ items: await listLots(contextOf(deps, req), req.params.programId) }));
  r.post('/api/programs/:programId/lots', {
    bodyLimit: BODY_LIMIT,
    config: { access: 'programs:record' },
    schema: { tags, params: programParams, body: z.strictObject(Object.fromEntries(LOT_FIELDS.map((n) => [n, z.unknown().optional()]))) },
  }, async (req, reply) => reply.code(201).send(await createProductLot(contextOf(deps, req), { programId: req.params.programId, input: req.body as Record<string, unknown> })));
  r.put('/api/program-lots/:lotId/certificate', {
    bodyLimit: BODY_LIMIT,
    config: { access: 'programs:record' },
    schema: { tags, params: z.strictObject({ lotId: idSchema }), body: upload },
  }, async (req) => attachLotCertificate(contextOf(deps, req), { lotId: req.params.lotId, upload: req.body }));
  r.get('/api/program-lots/:lotId/certificate', { config: { access: 'programs:read' }, schema: { tags, params: z.strictObject({ lotId: idSchema }) } }, async (req, reply) => {
    const f = await downloadLotCertificate(contextOf(deps, req), req.params.lotId);
    return reply
      .header('content-type', f.mediaType)
      .header('content-disposition', `attachment; filename="certificate"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(f.bytes);
  });
}
