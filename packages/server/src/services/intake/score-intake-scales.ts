import type { FastifyRequest } from 'fastify';
import type { IntakeAudience, IntakeText } from '@mimamori/core/intake/intake-definition';
import type { IntakeScaleEntry } from '@mimamori/core/intake/intake-scale-answers';
import { evaluateSafety } from '@mimamori/core/scales/evaluate-safety';
import { findBand } from '@mimamori/core/scales/find-band';
import type { Informant, ScaleDefinition } from '@mimamori/core/scales/scale-definition';
import type { Db } from '@mimamori/storage';
import type { AppDeps } from '../../context.ts';
import { recordScaleResponse } from '../scales/record-scale-response.ts';
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
  readonly flags: ReadonlyArray<{ readonly id: string; readonly severity: string; readonly item: string; readonly score: number; readonly action: IntakeText }>;
}

const text = (t: { ja?: string; en?: string } | undefined, fallback: string): IntakeText => ({ ja: t?.ja ?? t?.en ?? fallback, en: t?.en ?? t?.ja ?? fallback });

function informantFor(def: ScaleDefinition, audience: IntakeAudience): Informant {
  if (audience === 'child' && def.informants.includes('parent')) return 'parent';
  return def.informants.includes('self') ? 'self' : (def.informants[0] ?? 'self');
}

interface ScaleInput {
  readonly clinicId: string;
  readonly patientId: string;
  readonly intakeId: string;
  readonly audience: IntakeAudience;
}

/** One key per intake and scale: recording again (screen left twice, submit) returns the first response. */
const keyOf = (intakeId: string, scaleId: string): string => `intake:${intakeId}:${scaleId}`;

/**
 * When the patient leaves a scale's screen with a safety answer (PHQ-9 item 9 ≥ 1), the response is
 * recorded at once through the scales feature, which raises the alert in this transaction — the
 * clinic learns the same day even if the intake is never submitted, and the page shows the crisis
 * contacts. A flagged answer is kept as first given (a later edit cannot erase it). Returns the flags.
 */
export async function recordFlaggedIntakeScale(
  deps: AppDeps,
  tx: Db,
  req: FastifyRequest,
  o: ScaleInput & { scaleId: string; answers: Readonly<Record<string, number | null>> },
): Promise<ReadonlyArray<{ id: string }>> {
  const def = await resolveScaleDefinition(tx, { clinicId: o.clinicId, scaleId: o.scaleId, version: null });
  const flags = evaluateSafety(def, o.answers);
  if (flags.length === 0) return [];
  await recordScaleResponse(deps, tx, req, {
    clinicId: o.clinicId, patientId: o.patientId, scaleId: o.scaleId, scaleVersion: def.version, answers: o.answers, informant: informantFor(def, o.audience),
    source: 'intake', idempotencyKey: keyOf(o.intakeId, o.scaleId), actorRole: 'patient',
  });
  return flags;
}

/**
 * Scores and stores the intake's scales at submission through the scales feature's
 * `recordScaleResponse` (same scoring, same storage, same safety alerts as any questionnaire).
 */
export async function scoreIntakeScales(deps: AppDeps, tx: Db, req: FastifyRequest, o: ScaleInput & { entries: ReadonlyArray<IntakeScaleEntry> }): Promise<StoredIntakeScore[]> {
  const out: StoredIntakeScore[] = [];
  for (const e of o.entries) {
    if (!e.answers) continue;
    const def0 = await resolveScaleDefinition(tx, { clinicId: o.clinicId, scaleId: e.scaleId, version: null });
    const r = await recordScaleResponse(deps, tx, req, {
      clinicId: o.clinicId, patientId: o.patientId, scaleId: e.scaleId, scaleVersion: def0.version, answers: e.answers, informant: informantFor(def0, o.audience),
      source: 'intake', idempotencyKey: keyOf(o.intakeId, e.scaleId), actorRole: 'patient',
    });
    const def = r.definition;
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
      flags: r.flags.map((f) => ({ id: f.id, severity: f.severity, item: f.item, score: f.score, action: text(def.safety.find((s) => s.id === f.id)?.action, f.id) })),
    });
  }
  return out;
}
