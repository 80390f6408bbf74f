import type { IntakeAudience, IntakeText } from '@mimamori/core/intake/intake-definition';
import type { IntakeScaleEntry } from '@mimamori/core/intake/intake-scale-answers';
import { evaluateSafety } from '@mimamori/core/scales/evaluate-safety';
import { findBand } from '@mimamori/core/scales/find-band';
import type { Informant, ScaleDefinition } from '@mimamori/core/scales/scale-definition';
import { scaleAlertsOf } from '@mimamori/core/safety/alert-severity';
import type { SafetyFlag } from '@mimamori/core/scales/evaluate-safety';
import { addAlertEvent, listAlertEvents, newId, raiseAlert, type Db } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { recordScaleResponse, scaleAlertSummary } from '../scales/record-scale-response.ts';
import { resolveScaleDefinition } from '../scales/resolve-scale-definition.ts';

/** A scored scale as stored on the intake and shown to staff. */
export interface StoredIntakeScore {
  readonly scaleId: string;
  readonly shortName: string;
  /** The scales feature's stored response (timeline, FHIR export). */
  readonly responseId: string;
  readonly total: number | null;
  readonly maxTotal: number | null;
  readonly band: IntakeText | null;
  readonly bandId: string | null;
  readonly flags: ReadonlyArray<{ readonly id: string; readonly severity: string; readonly item: string; readonly itemText?: IntakeText; readonly score: number; readonly action: IntakeText }>;
  /**
   * Safety answers given on an earlier screen save that differ from the submitted ones (item 9 = 2
   * at 14:02, submitted as 0): kept on record, never in place of the score.
   */
  readonly earlierAnswers?: ReadonlyArray<EarlierSafetyAnswer>;
}

export interface EarlierSafetyAnswer {
  readonly item: string;
  readonly itemText: IntakeText;
  /** The answer as given then, and as submitted (`null`: left unanswered). */
  readonly value: number;
  readonly submitted: number | null;
  readonly at: string;
}

/** Alerts raised from an intake (its scales and its own safety triggers) are keyed by the intake. */
export const INTAKE_ALERT_SOURCE = 'intake';

const text = (t: { ja?: string; en?: string } | undefined, fallback: string): IntakeText => ({ ja: t?.ja ?? t?.en ?? fallback, en: t?.en ?? t?.ja ?? fallback });

function informantFor(def: ScaleDefinition, audience: IntakeAudience, selfReport: boolean): Informant {
  // A guardian answers for a child; the adolescent on their own link answers for themselves.
  if (audience === 'child' && !selfReport && def.informants.includes('parent')) return 'parent';
  return def.informants.includes('self') ? 'self' : (def.informants[0] ?? 'self');
}

interface ScaleInput {
  readonly clinicId: string;
  readonly patientId: string;
  readonly intakeId: string;
  readonly audience: IntakeAudience;
  /** The adolescent answering their own part (informant `self`, not `parent`). */
  readonly selfReport?: boolean;
}

/** One key per intake and scale: a retried submit returns the first response. */
const keyOf = (intakeId: string, scaleId: string): string => `intake-submit:${intakeId}:${scaleId}`;

/** The item's words in both languages (「項目9」 when the scale ships no text). */
export function itemTextOf(def: ScaleDefinition, itemId: string): IntakeText {
  const i = def.items.findIndex((x) => x.id === itemId);
  const t = def.items[i]?.text;
  const n = i >= 0 ? i + 1 : itemId;
  return { ja: t?.ja ? `項目${n}「${t.ja}」` : `項目${n}`, en: t?.en ? `item ${n} "${t.en}"` : `item ${n}` };
}

interface AnswerEvent { readonly scaleId: string; readonly item: string; readonly value: number; readonly at: string }

/**
 * When the patient leaves a scale's screen with a safety answer (PHQ-9 item 9 ≥ 1), the alert is
 * raised at once in this transaction — the clinic learns even if the intake is never submitted, and
 * the page shows the crisis contacts. Nothing is scored here: the score comes from the submitted
 * answers. The safety answer itself goes into the alert's history as given, so a later change
 * cannot erase it. Returns the flags.
 */
export async function recordFlaggedIntakeScale(
  ctx: RequestContext,
  tx: Db,
  o: ScaleInput & { scaleId: string; answers: Readonly<Record<string, number | null>> },
): Promise<ReadonlyArray<SafetyFlag>> {
  const def = await resolveScaleDefinition(tx, { clinicId: o.clinicId, scaleId: o.scaleId, version: null });
  const flags = evaluateSafety(def, o.answers);
  if (flags.length === 0) return [];
  const now = ctx.clock().toISOString();
  for (const a of scaleAlertsOf(flags)) {
    const raised = await raiseAlert(tx, {
      id: newId(), clinicId: o.clinicId, patientId: o.patientId, kind: a.kind, severity: a.severity, sourceType: INTAKE_ALERT_SOURCE, sourceId: o.intakeId,
      summary: scaleAlertSummary(def, a.flags), now,
    });
    const latest = new Map<string, number>();
    for (const e of await listAlertEvents(tx, o.clinicId, raised.id)) {
      if (e.type !== 'answer') continue;
      const d = JSON.parse(e.detail_json) as AnswerEvent;
      if (d.scaleId === o.scaleId) latest.set(d.item, d.value);
    }
    for (const item of new Set(a.flags.map((f) => f.item))) {
      const value = o.answers[item];
      if (typeof value !== 'number' || latest.get(item) === value) continue;
      await addAlertEvent(tx, { clinicId: o.clinicId, alertId: raised.id, at: now, type: 'answer', detail: { scaleId: o.scaleId, item, value, at: now } satisfies AnswerEvent });
    }
    await audit(ctx, tx, {
      action: raised.created ? 'alert.raise' : 'alert.update', resource: 'alert', resourceId: raised.id, patientId: o.patientId, clinicId: o.clinicId, actorId: null, actorRole: 'patient',
      detail: `source=intake kind=${a.kind} severity=${raised.severity}`,
    });
  }
  return flags;
}

/** Safety answers on record for this intake and scale that differ from the submitted answers. */
async function earlierAnswersOf(tx: Db, o: { clinicId: string; alertIds: ReadonlyArray<string>; def: ScaleDefinition; submitted: Readonly<Record<string, number | null>> }) {
  const out: Array<EarlierSafetyAnswer & { alertId: string }> = [];
  for (const alertId of o.alertIds) {
    for (const e of await listAlertEvents(tx, o.clinicId, alertId)) {
      if (e.type !== 'answer') continue;
      const d = JSON.parse(e.detail_json) as AnswerEvent;
      const submitted = o.submitted[d.item] ?? null;
      if (d.scaleId !== o.def.id || submitted === d.value) continue;
      out.push({ alertId, item: d.item, itemText: itemTextOf(o.def, d.item), value: d.value, submitted, at: d.at });
    }
  }
  return out;
}

/**
 * Scores and stores the intake's scales at submission through the scales feature's
 * `recordScaleResponse` (same scoring, same storage, same safety alerts as any questionnaire).
 */
export async function scoreIntakeScales(ctx: RequestContext, tx: Db, o: ScaleInput & { entries: ReadonlyArray<IntakeScaleEntry> }): Promise<StoredIntakeScore[]> {
  const out: StoredIntakeScore[] = [];
  for (const e of o.entries) {
    if (!e.answers) continue;
    const def0 = await resolveScaleDefinition(tx, { clinicId: o.clinicId, scaleId: e.scaleId, version: null });
    const r = await recordScaleResponse(ctx, tx, {
      clinicId: o.clinicId, patientId: o.patientId, scaleId: e.scaleId, scaleVersion: def0.version, answers: e.answers, informant: informantFor(def0, o.audience, o.selfReport === true),
      source: 'intake', idempotencyKey: keyOf(o.intakeId, e.scaleId), actorRole: 'patient', alertSource: { type: INTAKE_ALERT_SOURCE, id: o.intakeId },
    });
    const def = r.definition;
    const intakeAlerts = await tx.selectFrom('alerts').select('id').where('clinic_id', '=', o.clinicId).where('source_type', '=', INTAKE_ALERT_SOURCE).where('source_id', '=', o.intakeId).execute();
    const earlier = await earlierAnswersOf(tx, { clinicId: o.clinicId, alertIds: intakeAlerts.map((x) => x.id), def, submitted: e.answers });
    const now = ctx.clock().toISOString();
    if (!r.duplicate) {
      for (const x of earlier) {
        await addAlertEvent(tx, { clinicId: o.clinicId, alertId: x.alertId, at: now, type: 'answer_changed', detail: { scaleId: def.id, item: x.item, from: x.value, to: x.submitted, answeredAt: x.at } });
      }
    }
    const total = r.score.valid ? r.score.total : null;
    const band = total !== null ? findBand(def, total) : null;
    const maxTotal = def.items.filter((i) => i.scored !== false).reduce((s, i) => s + Math.max(...i.options.map((x) => x.value)), 0);
    out.push({
      scaleId: e.scaleId,
      shortName: def.shortName,
      responseId: r.responseId,
      total,
      maxTotal,
      band: band ? text(band.label, band.id) : null,
      bandId: band?.id ?? r.score.band ?? null,
      flags: r.flags.map((f) => ({ id: f.id, severity: f.severity, item: f.item, itemText: itemTextOf(def, f.item), score: f.score, action: text(def.safety.find((s) => s.id === f.id)?.action, f.id) })),
      ...(earlier.length ? { earlierAnswers: earlier.map(({ alertId: _a, ...x }) => x) } : {}),
    });
  }
  return out;
}
