import type { FastifyRequest } from 'fastify';
import type { IntakeScaleEntry } from '@mimamori/core/intake/intake-scale-answers';
import type { IntakeText } from '@mimamori/core/intake/intake-definition';
import { getBuiltinScale } from '@mimamori/core/scales/builtin/index';
import { evaluateSafety } from '@mimamori/core/scales/evaluate-safety';
import { scoreScale } from '@mimamori/core/scales/score-scale';
import { findBand } from '@mimamori/core/scales/find-band';
import { newId, raiseAlert, type Db } from '@mimamori/storage';
import type { AppDeps } from '../../context.ts';

/** A scored scale as stored on the intake and shown to staff. */
export interface StoredIntakeScore {
  readonly scaleId: string;
  readonly shortName: string;
  readonly total: number | null;
  readonly maxTotal: number | null;
  readonly band: IntakeText | null;
  readonly bandId: string | null;
  readonly flags: ReadonlyArray<{ readonly id: string; readonly severity: string; readonly item: string; readonly score: number; readonly action: IntakeText }>;
}

const text = (t: { ja?: string; en?: string } | undefined, fallback: string): IntakeText => ({ ja: t?.ja ?? t?.en ?? fallback, en: t?.en ?? t?.ja ?? fallback });

/**
 * Raises the safety alerts of one scale's answers (e.g. PHQ-9 item 9 ≥ 1) in the caller's
 * transaction, as soon as the patient leaves the scale's screen — not only at submission — so the
 * clinic learns the same day and the page can show crisis contacts at once. Idempotent per intake
 * and scale. Returns the flags.
 */
export async function raiseIntakeScaleAlerts(
  deps: AppDeps,
  tx: Db,
  o: { clinicId: string; patientId: string; intakeId: string; scaleId: string; answers: Readonly<Record<string, number | null>> },
): Promise<ReadonlyArray<{ id: string; severity: string }>> {
  const def = getBuiltinScale(o.scaleId);
  if (!def) return [];
  const flags = evaluateSafety(def, o.answers);
  for (const f of flags) {
    await raiseAlert(tx, {
      id: newId(), clinicId: o.clinicId, patientId: o.patientId, kind: f.id, severity: f.severity === 'urgent' ? 'critical' : 'high',
      sourceType: 'intake_scale', sourceId: `${o.intakeId}:${o.scaleId}`,
      summary: { key: 'alert_scale_item', params: { scale: def.shortName, item: f.item, score: f.score } },
      now: deps.clock().toISOString(),
    });
  }
  return flags;
}

/**
 * Scores the intake's scales at submission and raises their safety alerts.
 *
 * The scales feature's `recordScaleResponse` (`services/scales/record-scale-response.ts`) is the
 * one place that stores scale responses for the timeline; until it is wired in here, scores are
 * computed with the core scorer and kept on the intake.
 */
export async function scoreIntakeScales(
  deps: AppDeps,
  tx: Db,
  req: FastifyRequest,
  o: { clinicId: string; patientId: string; intakeId: string; entries: ReadonlyArray<IntakeScaleEntry> },
): Promise<StoredIntakeScore[]> {
  void req;
  const out: StoredIntakeScore[] = [];
  for (const e of o.entries) {
    const def = getBuiltinScale(e.scaleId);
    if (!def || !e.answers) continue;
    const r = scoreScale(def, e.answers);
    await raiseIntakeScaleAlerts(deps, tx, { clinicId: o.clinicId, patientId: o.patientId, intakeId: o.intakeId, scaleId: e.scaleId, answers: e.answers });
    const band = r.total !== null ? findBand(def, r.total) : null;
    const maxTotal = def.items.filter((i) => i.scored !== false).reduce((s, i) => s + Math.max(...i.options.map((x) => x.value)), 0);
    out.push({
      scaleId: e.scaleId,
      shortName: def.shortName,
      total: r.valid ? r.total : null,
      maxTotal,
      band: band ? text(band.label, band.id) : null,
      bandId: band?.id ?? null,
      flags: r.flags.map((f) => ({
        id: f.id, severity: f.severity, item: f.item, score: f.score,
        action: text(def.safety?.find((s) => s.id === f.id)?.action, f.id),
      })),
    });
  }
  return out;
}
