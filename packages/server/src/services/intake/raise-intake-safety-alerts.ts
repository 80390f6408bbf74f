import type { IntakeAudience, IntakeDefinition } from '@mimamori/core/intake/intake-definition';
import { intakeSafetyAlerts, intakeSafetyHits, type IntakeSafetyHit } from '@mimamori/core/intake/intake-safety-hits';
import { addAlertEvent, listAlertEvents, newId, raiseAlert, type Db } from '@mimamori/storage';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../request-context.ts';
import { INTAKE_ALERT_SOURCE } from './score-intake-scales.ts';

/** Longest free text carried in an alert's summary; the intake holds the whole answer. */
const TEXT_IN_ALERT = 400;

function summaryOf(kind: IntakeSafetyHit['kind'], hits: ReadonlyArray<IntakeSafetyHit>): { key: string; params: Record<string, string | number> } {
  if (kind === 'free_text') {
    const h = hits[0]!;
    const text = [...h.answer.ja].length > TEXT_IN_ALERT ? `${[...h.answer.ja].slice(0, TEXT_IN_ALERT).join('')}…` : h.answer.ja;
    return { key: 'alert_intake_text', params: { questionJa: h.question.ja, questionEn: h.question.en, text, phrases: [...new Set(hits.flatMap((x) => x.phrases ?? []))].join('、'), count: hits.length } };
  }
  return {
    key: 'alert_intake_safety',
    params: { answersJa: hits.map((h) => `${h.question.ja}: ${h.answer.ja}`).join(' / '), answersEn: hits.map((h) => `${h.question.en}: ${h.answer.en}`).join(' / ') },
  };
}

/**
 * Raises the intake's own safety alerts (marked options, yes/no and text questions; phrases in
 * free text) in the caller's transaction — the one that saves or submits the answers. One alert
 * per intake and kind; a later, more pressing answer raises its severity; each answer as given is
 * kept in the alert's history. With `groupId`, only that screen's answers are looked at. Returns
 * the hits (the page shows the crisis contacts when there are any).
 */
export async function raiseIntakeSafetyAlerts(
  ctx: RequestContext,
  tx: Db,
  o: { clinicId: string; patientId: string; intakeId: string; definition: IntakeDefinition; values: Readonly<Record<string, unknown>>; audience: IntakeAudience; today: string; groupId?: string },
): Promise<ReadonlyArray<IntakeSafetyHit>> {
  const hits = intakeSafetyHits(o.definition, o.values, { audience: o.audience, today: o.today, ...(o.groupId !== undefined ? { groupId: o.groupId } : {}) });
  const now = ctx.clock().toISOString();
  for (const a of intakeSafetyAlerts(hits)) {
    const raised = await raiseAlert(tx, {
      id: newId(), clinicId: o.clinicId, patientId: o.patientId, kind: a.kind, severity: a.severity, sourceType: INTAKE_ALERT_SOURCE, sourceId: o.intakeId,
      summary: summaryOf(a.kind, a.hits), now,
    });
    const seen = new Set((await listAlertEvents(tx, o.clinicId, raised.id)).filter((e) => e.type === 'answer').map((e) => e.detail_json));
    for (const h of a.hits) {
      const detail = { questionId: h.questionId, answer: h.answer.ja, severity: h.severity, ...(h.phrases ? { phrases: h.phrases } : {}) };
      if (seen.has(JSON.stringify(detail))) continue;
      await addAlertEvent(tx, { clinicId: o.clinicId, alertId: raised.id, at: now, type: 'answer', detail });
    }
    await audit(ctx, tx, {
      action: raised.created ? 'alert.raise' : 'alert.update', resource: 'alert', resourceId: raised.id, patientId: o.patientId, clinicId: o.clinicId, actorId: null, actorRole: 'patient',
      detail: `source=intake kind=${a.kind} severity=${raised.severity}`,
    });
  }
  return hits;
}
