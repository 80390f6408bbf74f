import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ENROLMENT_STATUSES, WITHDRAWAL_DATA_CHOICES, type EnrolmentStatus, type WithdrawalDataChoice } from '@mimamori/core/programs/index';
import { auditAlone } from '../../audit/audit.ts';
import type { AppDeps } from '../../context.ts';
import { contextOf } from '../../request-context.ts';
import { localTimeSchema } from '../scheduling/scheduling-schemas.ts';
import { refreshProgramAssessments } from '../../services/programs/program-assessment-service.ts';
import { bookProgramSessions, proposeProgramBooking } from '../../services/programs/program-booking-service.ts';
import { dateSchema, idSchema, text } from '../schemas.ts';
import { enrolPatient, moveEnrolment, screenEligibility, signConsent, startProgramScreening, withdrawEnrolment } from '../../services/programs/enrolment-service.ts';
import { readGovernance, setProgramGovernance } from '../../services/programs/program-governance-service.ts';
import { createProgram, examplePrograms, listPrograms, readProgram, reviseProgramDefinition } from '../../services/programs/program-definition-service.ts';
import { consentCopy, exportProgramData, listProgramEnrolments, patientTimeline, programDashboard, readEnrolment } from '../../services/programs/program-views-service.ts';
import { cancelRemainingSessions, importLabs, patientsWithLot, recordAdverseEvent, recordSession, saveMedication, updateAdverseEvent } from '../../services/programs/records-service.ts';
import { listSaeTasks, recordSaeReport } from '../../services/programs/sae-clock-service.ts';
import { listReconsentTasks, overrideReconsent } from '../../services/programs/reconsent-service.ts';
import { listRetention } from '../../services/programs/retention-service.ts';
import { renderConsentPdf } from '@mimamori/reports/consent-copy-pdf';
import { INFUSION_REVIEW_FIELDS, TMS_REVIEW_FIELDS } from './treatment-routes.ts';

/**
 * An object whose fields are named (unknown fields are refused) but whose values the core checks,
 * so every problem comes back at once with the field named, in the user's language.
 */
function fields(names: ReadonlyArray<string>) {
  return z.strictObject(Object.fromEntries(names.map((n) => [n, z.unknown().optional()])) as Record<string, z.ZodOptional<z.ZodUnknown>>);
}

const programIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: 'invalid_type' });
const programBody = fields(['id', 'version', 'title', 'treatment', 'eligibility', 'pathway', 'governance', 'consentDocuments', 'sessions', 'assessments', 'price', 'labPlan', 'ethicsApprovalId', 'registryId', 'safety', 'closure']);
const enrolmentParams = z.strictObject({ id: idSchema });

const INFUSION_FIELDS = ['sessionNumber', 'product', 'manufacturer', 'lot', 'expiryDate', 'dose', 'volumeMl', 'route', 'startedAt', 'endedAt', 'vitalsBefore', 'vitalsAfter', 'notes', ...INFUSION_REVIEW_FIELDS];
const TMS_FIELDS = ['target', 'targetOther', 'protocol', 'protocolOther', 'frequencyHz', 'pulses', 'intensityPercentMt', 'motorThresholdPercentMso', 'coil', ...TMS_REVIEW_FIELDS];
const AE_FIELDS = ['term', 'meddraCode', 'onsetDate', 'endDate', 'grade', 'seriousness', 'relatedness', 'expectedness', 'expectedEventId', 'actionTaken', 'outcome', 'sessionNumber', 'description'];
const MED_FIELDS = ['genericName', 'yjCode', 'drugClass', 'dose', 'unit', 'frequency', 'route', 'indication', 'startDate', 'stopDate', 'changes'];

/** Monitor programs: definitions, screening, e-consent, enrolment, records, dashboard, timeline. */
export function registerProgramRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['programs'];

  // ---- definitions
  r.get('/api/programs', { config: { access: 'programs:read' }, schema: { tags } }, async (req) => ({ items: await listPrograms(contextOf(deps, req)) }));
  r.get('/api/programs/examples', { config: { access: 'programs:admin' }, schema: { tags } }, async () => ({ items: examplePrograms() }));
  r.post('/api/programs', { config: { access: 'programs:admin' }, schema: { tags, body: programBody } }, async (req, reply) => {
    const program = await createProgram(contextOf(deps, req), req.body as never);
    return reply.code(201).send({ program });
  });
  r.get('/api/programs/:programId', {
    config: { access: 'programs:read' },
    schema: { tags, params: z.strictObject({ programId: programIdSchema }), querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }) },
  }, async (req) => readProgram(contextOf(deps, req), { programId: req.params.programId, version: req.query.version }));
  r.put('/api/programs/:programId', { config: { access: 'programs:admin' }, schema: { tags, params: z.strictObject({ programId: programIdSchema }), body: programBody } }, async (req) => ({
    program: await reviseProgramDefinition(contextOf(deps, req), { programId: req.params.programId, input: req.body as never }),
  }));

  // ---- governance: the regulatory pathway and what it needs before the first consent
  r.get('/api/programs/:programId/governance', { config: { access: 'programs:read' }, schema: { tags, params: z.strictObject({ programId: programIdSchema }) } }, async (req) =>
    readGovernance(contextOf(deps, req), req.params.programId));
  r.put('/api/programs/:programId/governance', {
    config: { access: 'programs:admin' },
    schema: { tags, params: z.strictObject({ programId: programIdSchema }), body: fields(['pathway', 'governance']) },
  }, async (req) => setProgramGovernance(contextOf(deps, req), { programId: req.params.programId, pathway: req.body.pathway, governance: req.body.governance }));

  // ---- enrolment
  r.get('/api/programs/:programId/enrolments', { config: { access: 'programs:clinical_read' }, schema: { tags, params: z.strictObject({ programId: programIdSchema }) } }, async (req) => ({
    items: await listProgramEnrolments(contextOf(deps, req), req.params.programId),
  }));
  r.post('/api/programs/:programId/enrolments', {
    config: { access: 'programs:enrol' },
    schema: { tags, params: z.strictObject({ programId: programIdSchema }), body: z.strictObject({ patientId: idSchema }) },
  }, async (req, reply) => {
    const row = await startProgramScreening(contextOf(deps, req), { programId: req.params.programId, patientId: req.body.patientId });
    return reply.code(201).send({ enrolment: { id: row.id, status: row.status, programId: row.program_id, programVersion: row.program_version } });
  });
  r.get('/api/program-enrolments/:id', { config: { access: 'programs:clinical_read' }, schema: { tags, params: enrolmentParams } }, async (req) =>
    readEnrolment(contextOf(deps, req), req.params.id));
  r.post('/api/program-enrolments/:id/eligibility', {
    config: { access: 'programs:enrol' },
    schema: {
      tags, params: enrolmentParams,
      body: z.strictObject({
        diagnoses: z.array(text(20, { min: 1 })).max(30).optional(),
        exclusions: z.record(z.string().max(100), z.boolean()).optional(),
        attestations: z.array(z.strictObject({ criterionId: text(120, { min: 1 }), met: z.boolean(), note: text(1000, { multiline: true }).optional() })).max(50).optional(),
      }),
    },
  }, async (req) => screenEligibility(contextOf(deps, req), { enrolmentId: req.params.id, input: req.body }));
  r.post('/api/program-enrolments/:id/consents', {
    config: { access: 'programs:consent' },
    bodyLimit: 600_000,
    schema: {
      tags, params: enrolmentParams,
      body: z.strictObject({
        role: z.enum(['participant', 'guardian', 'assent']),
        language: z.enum(['ja', 'en']),
        signer: z.strictObject({ kind: z.enum(['self', 'guardian']), name: text(100), relation: z.string().max(40).optional(), relationOther: text(100).optional() }),
        signature: z.discriminatedUnion('method', [
          z.strictObject({ method: z.literal('typed'), typedName: text(100) }),
          z.strictObject({ method: z.literal('drawn'), pngDataUrl: z.string().max(550_000) }),
        ]),
        questions: z.array(z.strictObject({ question: text(2000, { multiline: true }), answer: text(4000, { multiline: true }) })).max(50).default([]),
        identityMethod: z.string().max(40),
        scopes: z.array(z.string().max(40)).max(5).default([]),
      }),
    },
  }, async (req, reply) => reply.code(201).send(await signConsent(contextOf(deps, req), { enrolmentId: req.params.id, input: req.body })));
  r.get('/api/program-enrolments/:id/consents/:consentId/pdf', {
    config: { access: 'programs:consent' },
    schema: { tags, params: z.strictObject({ id: idSchema, consentId: idSchema }) },
  }, async (req, reply) => {
    const ctx = contextOf(deps, req);
    const copy = await consentCopy(ctx, { enrolmentId: req.params.id, consentId: req.params.consentId });
    // The copy is rendered in the language of the staff member who asked for it.
    const pdf = Buffer.from(await renderConsentPdf(copy, ctx.meta.lang));
    await auditAlone(ctx, { action: 'program_consent.copy', resource: 'program_consent', resourceId: req.params.consentId, patientId: copy.row.patient_id });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="consent-${req.params.consentId.slice(0, 8)}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
  r.post('/api/program-enrolments/:id/enrol', {
    config: { access: 'programs:enrol' },
    schema: { tags, params: enrolmentParams, body: z.strictObject({ enrolmentDate: dateSchema.optional() }) },
  }, async (req) => enrolPatient(contextOf(deps, req), { enrolmentId: req.params.id, enrolmentDate: req.body.enrolmentDate }));
  r.post('/api/program-enrolments/:id/transition', {
    config: { access: 'programs:enrol' },
    schema: { tags, params: enrolmentParams, body: z.strictObject({ to: z.enum(ENROLMENT_STATUSES as [string, ...string[]]), reason: text(1000, { multiline: true }).optional() }) },
  }, async (req) => moveEnrolment(contextOf(deps, req), { enrolmentId: req.params.id, to: req.body.to as EnrolmentStatus, reason: req.body.reason }));
  r.post('/api/program-enrolments/:id/withdraw', {
    config: { access: 'programs:enrol' },
    schema: { tags, params: enrolmentParams, body: z.strictObject({ reason: text(1000, { multiline: true }).optional(), dataChoice: z.enum(WITHDRAWAL_DATA_CHOICES as [string, ...string[]]) }) },
  }, async (req) => withdrawEnrolment(contextOf(deps, req), { enrolmentId: req.params.id, reason: req.body.reason, dataChoice: req.body.dataChoice as WithdrawalDataChoice }));

  // ---- booking the course and the assessment links
  r.get('/api/program-enrolments/:id/booking-proposal', {
    config: { access: 'programs:clinical_read' },
    schema: { tags, params: enrolmentParams, querystring: z.strictObject({ preferredTime: localTimeSchema.optional() }) },
  }, async (req) => {
    const ctx = contextOf(deps, req);
    const result = await proposeProgramBooking(ctx, { enrolmentId: req.params.id, preferredTime: req.query.preferredTime });
    await auditAlone(ctx, { action: 'program_booking.propose', resource: 'program_enrolment', resourceId: req.params.id });
    return result;
  });
  r.post('/api/program-enrolments/:id/booking', {
    config: { access: 'programs:record' },
    schema: {
      tags, params: enrolmentParams,
      body: z.strictObject({ occurrences: z.array(z.strictObject({ sessionNumber: z.number().int().min(1).max(200), date: dateSchema, time: localTimeSchema })).min(1).max(200) }),
    },
  }, async (req, reply) => reply.code(201).send(await bookProgramSessions(contextOf(deps, req), { enrolmentId: req.params.id, occurrences: req.body.occurrences })));
  r.post('/api/program-enrolments/:id/assessment-links', { config: { access: 'programs:enrol' }, schema: { tags, params: enrolmentParams } }, async (req) =>
    refreshProgramAssessments(contextOf(deps, req), req.params.id));

  // ---- records
  r.post('/api/program-enrolments/:id/sessions', { config: { access: 'programs:record' }, schema: { tags, params: enrolmentParams, body: fields([...INFUSION_FIELDS, ...TMS_FIELDS]) } }, async (req, reply) =>
    reply.code(201).send({ session: await recordSession(contextOf(deps, req), { enrolmentId: req.params.id, input: req.body as Record<string, unknown> }) }));
  r.post('/api/program-enrolments/:id/adverse-events', { config: { access: 'programs:record' }, schema: { tags, params: enrolmentParams, body: fields(AE_FIELDS) } }, async (req, reply) =>
    reply.code(201).send(await recordAdverseEvent(contextOf(deps, req), { enrolmentId: req.params.id, input: req.body as Record<string, unknown> })));
  r.put('/api/program-enrolments/:id/adverse-events/:aeId', {
    config: { access: 'programs:record' },
    schema: { tags, params: z.strictObject({ id: idSchema, aeId: idSchema }), body: fields([...AE_FIELDS, 'revision']) },
  }, async (req) => updateAdverseEvent(contextOf(deps, req), { enrolmentId: req.params.id, adverseEventId: req.params.aeId, input: req.body as Record<string, unknown> }));
  r.post('/api/program-enrolments/:id/adverse-events/:aeId/reports', {
    config: { access: 'programs:sae_report' },
    schema: {
      tags, params: z.strictObject({ id: idSchema, aeId: idSchema }),
      body: z.strictObject({ recipient: z.string().max(40), reportedOn: z.string().max(10), reportedTo: z.string().max(400), note: z.string().max(4000).optional() }),
    },
  }, async (req, reply) => reply.code(201).send({ clock: await recordSaeReport(contextOf(deps, req), { enrolmentId: req.params.id, adverseEventId: req.params.aeId, input: req.body }) }));
  r.get('/api/program-sae-tasks', { config: { access: 'programs:clinical_read' }, schema: { tags, querystring: z.strictObject({ programId: z.string().max(64).optional() }) } }, async (req) =>
    listSaeTasks(contextOf(deps, req), { programId: req.query.programId }));
  r.get('/api/program-retention', { config: { access: 'programs:admin' }, schema: { tags } }, async (req) => listRetention(contextOf(deps, req)));
  r.get('/api/program-reconsent-tasks', { config: { access: 'programs:clinical_read' }, schema: { tags, querystring: z.strictObject({ programId: z.string().max(64).optional() }) } }, async (req) =>
    listReconsentTasks(contextOf(deps, req), { programId: req.query.programId }));
  r.post('/api/program-enrolments/:id/reconsent-override', {
    config: { access: 'programs:enrol' },
    schema: { tags, params: enrolmentParams, body: z.strictObject({ reason: text(1000, { multiline: true }) }) },
  }, async (req) => ({ reconsent: await overrideReconsent(contextOf(deps, req), { enrolmentId: req.params.id, reason: req.body.reason }) }));
  r.post('/api/program-enrolments/:id/cancel-remaining-sessions', { config: { access: 'programs:enrol' }, schema: { tags, params: enrolmentParams } }, async (req) =>
    cancelRemainingSessions(contextOf(deps, req), req.params.id));
  r.post('/api/patients/:id/program-medications', { config: { access: 'programs:record' }, schema: { tags, params: enrolmentParams, body: fields(MED_FIELDS) } }, async (req, reply) =>
    reply.code(201).send({ medication: await saveMedication(contextOf(deps, req), { patientId: req.params.id, input: req.body as Record<string, unknown> }) }));
  r.put('/api/patients/:id/program-medications/:medicationId', {
    config: { access: 'programs:record' },
    schema: { tags, params: z.strictObject({ id: idSchema, medicationId: idSchema }), body: fields(MED_FIELDS) },
  }, async (req) => ({ medication: await saveMedication(contextOf(deps, req), { patientId: req.params.id, input: req.body as Record<string, unknown>, medicationId: req.params.medicationId }) }));
  // Lab entry (checked against the program's lab plan) is in clinical-record-routes.ts.
  r.post('/api/program-labs/import', { config: { access: 'programs:record' }, bodyLimit: 2_000_000, schema: { tags, body: z.strictObject({ csv: z.string().max(1_900_000) }) } }, async (req, reply) =>
    reply.code(201).send(await importLabs(contextOf(deps, req), req.body.csv)));
  r.get('/api/program-lots', { config: { access: 'programs:clinical_read' }, schema: { tags, querystring: z.strictObject({ lot: text(100, { min: 1 }) }) } }, async (req) => ({
    items: await patientsWithLot(contextOf(deps, req), req.query.lot),
  }));

  // ---- views
  r.get('/api/programs/:programId/dashboard', { config: { access: 'programs:dashboard' }, schema: { tags, params: z.strictObject({ programId: programIdSchema }) } }, async (req) =>
    programDashboard(contextOf(deps, req), req.params.programId));
  r.get('/api/patients/:id/program-timeline', { config: { access: 'programs:clinical_read' }, schema: { tags, params: enrolmentParams } }, async (req) =>
    patientTimeline(contextOf(deps, req), req.params.id));
  r.get('/api/programs/:programId/export', {
    config: { access: 'programs:export', recentAuth: true },
    schema: { tags, params: z.strictObject({ programId: programIdSchema }), querystring: z.strictObject({ purpose: z.enum(['program_analysis', 'secondary_research', 'publication']).default('program_analysis') }) },
  }, async (req) => exportProgramData(contextOf(deps, req), { programId: req.params.programId, purpose: req.query.purpose }));
}
