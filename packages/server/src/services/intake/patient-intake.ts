import { DomainError } from '@mimamori/core';
import type { IntakeAnswers, IntakeDefinition, IntakeValues, ScaleAnswer } from '@mimamori/core/intake/intake-definition';
import { intakeMessage } from '@mimamori/core/intake/intake-messages';
import { intakeProgress } from '@mimamori/core/intake/intake-progress';
import { intakeScaleAnswers } from '@mimamori/core/intake/intake-scale-answers';
import { intakeVisibility } from '@mimamori/core/intake/intake-visibility';
import { intakeValidationError, validateIntakeAnswers, type IntakeFieldError } from '@mimamori/core/intake/validate-intake-answers';
import type { ScaleDefinition } from '@mimamori/core/scales/scale-definition';
import { latestClinicScales } from '../scales/resolve-scale-definition.ts';
import { getClinic, getIntake, getIntakeDefinitionVersion, getPatient, updateIntakeIfRevision, type Db, type IntakeRow } from '@mimamori/storage';
import { intakePartFor, respondentOf } from './intake-part.ts';
import { audit } from '../../audit/audit.ts';
import { clinicDate } from '../../core-imports.ts';
import { requirePatient, type RequestContext } from '../../request-context.ts';
import { writeTx } from '../write-tx.ts';
import { INTAKE_LINK_PURPOSE } from './issue-intake-link.ts';
import { intakeSafetyHits } from '@mimamori/core/intake/intake-safety-hits';
import { raiseIntakeSafetyAlerts } from './raise-intake-safety-alerts.ts';
import { recordFlaggedIntakeScale, scoreIntakeScales, type StoredIntakeScore } from './score-intake-scales.ts';

/** What the patient page needs to draw a scale: item wording and options (never the scoring). */
export interface PatientScaleView {
  readonly scaleId: string;
  readonly instructions: { ja: string; en: string } | null;
  readonly copyright: string | null;
  readonly items: ReadonlyArray<{ id: string; text: { ja: string; en: string }; options: ReadonlyArray<{ value: number; label: { ja: string; en: string } }> }>;
}

function scaleView(s: ScaleDefinition | undefined): PatientScaleView | null {
  if (!s || !s.licence.textIncluded || !s.items.every((i) => i.text?.ja || i.text?.en)) return null;
  const scaleId = s.id;
  const t = (x: { ja?: string; en?: string } | undefined) => ({ ja: x?.ja ?? x?.en ?? '', en: x?.en ?? x?.ja ?? '' });
  return {
    scaleId,
    instructions: s.instructions ? t(s.instructions) : null,
    copyright: s.licence.copyright ?? null,
    items: s.items.map((i) => ({ id: i.id, text: t(i.text), options: i.options.map((o) => ({ value: o.value, label: t(o.label) })) })),
  };
}

async function scopedIntake(ctx: RequestContext, db: Db, intakeId: string) {
  const p = requirePatient(ctx, INTAKE_LINK_PURPOSE);
  const intake = p.resourceId === intakeId ? await getIntake(db, p.clinicId, intakeId) : undefined;
  // The session is scoped to one patient and one intake: anything else is refused the same way.
  if (!intake || intake.patient_id !== p.patientId || intake.status === 'cancelled') throw new DomainError('forbidden');
  const defRow = await getIntakeDefinitionVersion(db, p.clinicId, intake.form_id, intake.definition_version);
  if (!defRow) throw new DomainError('not_found', { key: 'intake_not_found' });
  const clinic = await getClinic(db, p.clinicId);
  const today = clinicDate(ctx.clock().getTime(), clinic?.timeZone ?? 'Asia/Tokyo');
  const patient = await getPatient(db, p.clinicId, p.patientId);
  // The respondent's own part: a guardian never gets the adolescent's screens, the adolescent only theirs.
  const definition = intakePartFor(intake, JSON.parse(defRow.definition_json) as IntakeDefinition, { birthDate: patient?.birth_date, today });
  return { p, intake, definition, today, selfReport: respondentOf(intake) === 'adolescent' };
}

function answersOf(intake: IntakeRow, values?: IntakeValues, confirmed?: ReadonlyArray<string>): IntakeAnswers {
  return {
    definitionId: intake.form_id,
    definitionVersion: intake.definition_version,
    audience: intake.audience as IntakeAnswers['audience'],
    values: values ?? (JSON.parse(intake.values_json) as IntakeValues),
    confirmedGroups: confirmed ?? (JSON.parse(intake.confirmed_groups_json) as string[]),
  };
}

function progressView(definition: IntakeDefinition, answers: IntakeAnswers, today: string) {
  const pr = intakeProgress(definition, answers, { today });
  return { currentGroupId: pr.currentGroupId, completed: pr.completed, total: pr.total, groups: pr.groups.map((g) => ({ groupId: g.groupId, complete: g.complete })) };
}

/**
 * Items of the shown scales that are still unanswered (the intake's own check only looks at the
 * shape of a scale answer). Optional items and items not asked (`enableWhen`) are not required.
 */
async function missingScaleItems(db: Db, o: { clinicId: string; definition: IntakeDefinition; answers: IntakeAnswers; today: string; groupId?: string }) {
  const out: IntakeFieldError[] = [];
  const entries = intakeScaleAnswers(o.definition, o.answers, { today: o.today }).filter((e) => o.groupId === undefined || e.groupId === o.groupId);
  if (entries.length === 0) return out;
  const scales = await latestClinicScales(db, o.clinicId);
  for (const e of entries) {
    const def = scales.find((x) => x.id === e.scaleId);
    if (!def) continue;
    const given = e.answers ?? {};
    for (const item of def.items) {
      if (item.optional) continue;
      if (item.enableWhen && !((given[item.enableWhen.item] ?? -Infinity) >= item.enableWhen.atLeast)) continue;
      if (typeof given[item.id] !== 'number') {
        out.push({ path: `${e.questionId}.${item.id}`, questionId: e.questionId, groupId: e.groupId, key: 'required', params: {}, message: intakeMessage('required') });
      }
    }
  }
  return out;
}

function hasFlags(scores: ReadonlyArray<StoredIntakeScore> | null): boolean {
  return Boolean(scores?.some((s) => s.flags.length > 0));
}

/** The intake for the patient page: the form version it is answered on, the answers so far, and where to resume. */
export async function loadPatientIntake(ctx: RequestContext, intakeId: string) {
  const { intake, definition, today } = await scopedIntake(ctx, ctx.db.db, intakeId);
  const answers = answersOf(intake);
  const scales: Record<string, PatientScaleView> = {};
  const clinicScales = await latestClinicScales(ctx.db.db, intake.clinic_id);
  for (const q of definition.sections.flatMap((sec) => sec.groups.flatMap((g) => g.questions))) {
    if (q.type === 'scale') {
      const v = scaleView(clinicScales.find((s) => s.id === q.scaleId));
      if (v) scales[q.scaleId] = v;
    }
  }
  const scores = intake.scores_json ? (JSON.parse(intake.scores_json) as StoredIntakeScore[]) : null;
  return {
    intake: { id: intake.id, status: intake.status, audience: intake.audience, respondent: respondentOf(intake), expiresAt: intake.expires_at, submittedAt: intake.submitted_at },
    today,
    definition,
    values: answers.values,
    confirmedGroups: answers.confirmedGroups ?? [],
    progress: progressView(definition, answers, today),
    scales,
    crisis: hasFlags(scores) || intakeSafetyHits(definition, answers.values, { audience: answers.audience, today }).length > 0,
  };
}

/**
 * Autosave. `values` holds the answers of the screen being saved (a merge: other screens' answers,
 * perhaps typed on another device, are kept; `null` removes an answer). Draft validation keeps
 * everything typed, valid or not. With `confirmGroup` (the respondent tapped "next"), that screen is
 * validated and, when it passes, marked confirmed; its errors come back to show beside the fields.
 */
export async function savePatientIntake(ctx: RequestContext, input: { intakeId: string; values: Record<string, unknown>; confirmGroup?: string }) {
  const { intakeId, ...body } = input;
  // The screen's problems come back in the respondent's language, beside the fields (an answer, not an error).
  const lang = ctx.meta.lang;
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await writeTx(ctx, async (tx) => {
      const { p, intake, definition, today, selfReport } = await scopedIntake(ctx, tx, intakeId);
      if (intake.status === 'submitted') throw new DomainError('invalid_state', { key: 'intake_already_submitted' });
      if (intake.expires_at <= ctx.clock().toISOString()) throw new DomainError('gone', { key: 'patient_link_invalid' });
      const merged: Record<string, unknown> = { ...(JSON.parse(intake.values_json) as Record<string, unknown>) };
      for (const [k, v] of Object.entries(body.values)) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      const confirmed = new Set(JSON.parse(intake.confirmed_groups_json) as string[]);
      const base = { definitionId: intake.form_id, definitionVersion: intake.definition_version, audience: intake.audience as IntakeAnswers['audience'] };
      const draft = validateIntakeAnswers(definition, { ...base, values: merged }, { today, audience: base.audience, mode: 'draft' });
      let groupErrors: ReadonlyArray<{ path: string; questionId: string; groupId: string; key: string; message: { ja: string; en: string } }> = [];
      let crisis = false;
      if (body.confirmGroup !== undefined) {
        const g = validateIntakeAnswers(definition, { ...base, values: draft.values }, { today, audience: base.audience, mode: 'group', groupId: body.confirmGroup });
        const missing = await missingScaleItems(tx, { clinicId: p.clinicId, definition, answers: { ...base, values: draft.values }, today, groupId: body.confirmGroup });
        groupErrors = [...g.errors, ...missing];
        if (groupErrors.length === 0) {
          confirmed.add(body.confirmGroup);
          // A scale's safety items alert the clinic as soon as its screen is done.
          for (const e of intakeScaleAnswers(definition, { ...base, values: draft.values }, { today })) {
            if (e.groupId !== body.confirmGroup || !e.answers) continue;
            const flags = await recordFlaggedIntakeScale(ctx, tx, { clinicId: p.clinicId, patientId: p.patientId, intakeId: intake.id, audience: base.audience, selfReport, scaleId: e.scaleId, answers: e.answers });
            if (flags.length) crisis = true;
          }
          // So do the form's own triggers (a self-harm option, an attempt) and phrases in free text.
          const hits = await raiseIntakeSafetyAlerts(ctx, tx, {
            clinicId: p.clinicId, patientId: p.patientId, intakeId: intake.id, definition, values: draft.values, audience: base.audience, today, groupId: body.confirmGroup,
          });
          if (hits.length) crisis = true;
        } else confirmed.delete(body.confirmGroup);
      }
      const answers = answersOf(intake, draft.values, [...confirmed]);
      const progress = progressView(definition, answers, today);
      const now = ctx.clock().toISOString();
      const ok = await updateIntakeIfRevision(tx, {
        clinicId: p.clinicId, id: intake.id, revision: intake.revision,
        changes: {
          values_json: JSON.stringify(draft.values), confirmed_groups_json: JSON.stringify([...confirmed]), status: 'started',
          started_at: intake.started_at ?? now, updated_at: now, current_group_id: progress.currentGroupId,
          progress_completed: progress.completed, progress_total: progress.total,
        },
      });
      if (!ok) return null;
      if (intake.status === 'sent') {
        await audit(ctx, tx, { action: 'intake.start', resource: 'intake', resourceId: intake.id, patientId: p.patientId, clinicId: p.clinicId, actorId: null, actorRole: 'patient' });
      }
      return {
        saved: true, values: draft.values, confirmedGroups: [...confirmed], progress, crisis,
        errors: groupErrors.map((e) => ({ path: e.path, questionId: e.questionId, groupId: e.groupId, key: e.key, message: e.message[lang] })),
        draftErrors: draft.errors.map((e) => ({ path: e.path, questionId: e.questionId, groupId: e.groupId, key: e.key, message: e.message[lang] })),
      };
    });
    if (result) return result;
  }
  throw new DomainError('conflict', { key: 'intake_saved_elsewhere' });
}

/**
 * Submits the intake. Idempotent: a second submit (double tap, retry after a lost answer) returns
 * the first result. Validates every shown question, scores the scales (raising safety alerts),
 * records the consent with its policy version, and stores only the shown answers.
 */
export async function submitPatientIntake(ctx: RequestContext, intakeId: string) {
  return writeTx(ctx, async (tx) => {
    const { p, intake, definition, today, selfReport } = await scopedIntake(ctx, tx, intakeId);
    if (intake.status === 'submitted') {
      const scores = intake.scores_json ? (JSON.parse(intake.scores_json) as StoredIntakeScore[]) : null;
      const hits = intakeSafetyHits(definition, answersOf(intake).values, { audience: intake.audience as IntakeAnswers['audience'], today });
      return { status: 'submitted' as const, submittedAt: intake.submitted_at!, crisis: hasFlags(scores) || hits.length > 0 };
    }
    if (intake.expires_at <= ctx.clock().toISOString()) throw new DomainError('gone', { key: 'patient_link_invalid' });
    const answers = answersOf(intake);
    const check = validateIntakeAnswers(definition, answers, { today, audience: answers.audience, mode: 'submit' });
    const missing = check.ok ? await missingScaleItems(tx, { clinicId: p.clinicId, definition, answers: { ...answers, values: check.values }, today }) : [];
    if (!check.ok || missing.length) throw intakeValidationError({ ...check, ok: false, errors: [...check.errors, ...missing] });
    const final: IntakeAnswers = { ...answers, values: check.values };
    const scores = await scoreIntakeScales(ctx, tx, { clinicId: p.clinicId, patientId: p.patientId, intakeId: intake.id, audience: answers.audience, selfReport, entries: intakeScaleAnswers(definition, final, { today }) });
    const hits = await raiseIntakeSafetyAlerts(ctx, tx, { clinicId: p.clinicId, patientId: p.patientId, intakeId: intake.id, definition, values: final.values, audience: answers.audience, today });
    const vis = intakeVisibility(definition, final.values, { audience: final.audience, today });
    const consentQ = vis.groups.flatMap((g) => g.questions).find((q) => q.type === 'consent');
    const consent = consentQ ? (final.values[consentQ.id] as { agreed: boolean; policyVersion: string } | undefined) : undefined;
    const now = ctx.clock().toISOString();
    const ok = await updateIntakeIfRevision(tx, {
      clinicId: p.clinicId, id: intake.id, revision: intake.revision,
      changes: {
        values_json: JSON.stringify(final.values), status: 'submitted', submitted_at: now, updated_at: now, started_at: intake.started_at ?? now,
        scores_json: JSON.stringify(scores), current_group_id: null,
        consent_policy_version: consent?.agreed ? consent.policyVersion : null, consent_at: consent?.agreed ? now : null,
        progress_completed: intake.progress_total, progress_total: intake.progress_total,
      },
    });
    if (!ok) throw new DomainError('conflict', { key: 'intake_saved_elsewhere' });
    await audit(ctx, tx, {
      action: 'intake.submit', resource: 'intake', resourceId: intake.id, patientId: p.patientId, clinicId: p.clinicId, actorId: null, actorRole: 'patient',
      detail: consent?.agreed ? `consent ${consent.policyVersion}` : null,
    });
    return { status: 'submitted' as const, submittedAt: now, crisis: hasFlags(scores) || hits.length > 0 };
  });
}

export type { ScaleAnswer };
