import { higherSeverity, type AlertSeverity } from '../safety/alert-severity.ts';
import { screenFreeText } from '../safety/risk-phrases.ts';
import type { IntakeAudience, IntakeDefinition, IntakeQuestion, IntakeText } from './intake-definition.ts';
import { intakeVisibility } from './intake-visibility.ts';

/** One safety signal in an intake's answers. */
export interface IntakeSafetyHit {
  /** `self_harm`: a marked option, yes or text; `free_text`: a listed phrase in a free-text answer. */
  readonly kind: 'self_harm' | 'free_text';
  readonly severity: AlertSeverity;
  readonly questionId: string;
  readonly groupId: string;
  /** The question's words. */
  readonly question: IntakeText;
  /** The answer's words: the option, 「はい」, or the text as written. */
  readonly answer: IntakeText;
  /** For `free_text`: the phrases found (see `RISK_PHRASES`). */
  readonly phrases?: ReadonlyArray<string>;
}

const YES: IntakeText = { ja: 'はい', en: 'Yes' };
const same = (s: string): IntakeText => ({ ja: s, en: s });

function freeTexts(q: IntakeQuestion, v: unknown): string[] {
  if ((q.type === 'text' || q.type === 'longText') && typeof v === 'string') return [v];
  if ((q.type === 'singleChoice' || q.type === 'multipleChoice') && v && typeof v === 'object' && typeof (v as { other?: unknown }).other === 'string') {
    return [(v as { other: string }).other];
  }
  if (q.type === 'repeat' && Array.isArray(v)) {
    const out: string[] = [];
    for (const row of v) {
      if (!row || typeof row !== 'object' || !Array.isArray(q.fields)) continue;
      for (const f of q.fields) out.push(...freeTexts(f, (row as Record<string, unknown>)[f.id]));
    }
    return out;
  }
  return [];
}

function markedHits(q: IntakeQuestion, v: unknown, groupId: string): IntakeSafetyHit[] {
  const base = { kind: 'self_harm' as const, questionId: q.id, groupId, question: q.label };
  if (q.type === 'yesNo' && q.safety && v === true) return [{ ...base, severity: q.safety.severity, answer: YES }];
  if ((q.type === 'text' || q.type === 'longText') && q.safety && typeof v === 'string' && v.trim() !== '') return [{ ...base, severity: q.safety.severity, answer: same(v) }];
  if ((q.type === 'singleChoice' || q.type === 'multipleChoice') && v && typeof v === 'object') {
    const many = (v as { choices?: unknown }).choices;
    const chosen: unknown[] = q.type === 'singleChoice' ? [(v as { choice?: unknown }).choice] : Array.isArray(many) ? many : [];
    return (Array.isArray(q.options) ? q.options : []).filter((o) => o.safety && chosen.includes(o.value)).map((o) => ({ ...base, severity: o.safety!.severity, answer: o.label }));
  }
  return [];
}

/**
 * The safety signals in an intake's shown answers (hidden questions do not count): options, yes/no
 * and text questions the form marks as triggers, and every free-text answer screened with the
 * phrase list. With `groupId`, only that screen's answers.
 *
 * @example
 * intakeSafetyHits(def, { symptoms: { choices: ['suicidal_thoughts'] } }, { audience: 'adult' });
 * // [{ kind: 'self_harm', severity: 'high', questionId: 'symptoms', answer: { ja: '死にたい気持ちになる', … }, … }]
 */
export function intakeSafetyHits(
  definition: IntakeDefinition,
  values: Readonly<Record<string, unknown>>,
  options: { readonly audience: IntakeAudience; readonly today?: string; readonly groupId?: string },
): ReadonlyArray<IntakeSafetyHit> {
  const vis = intakeVisibility(definition, values, { audience: options.audience, ...(options.today !== undefined ? { today: options.today } : {}) });
  const out: IntakeSafetyHit[] = [];
  for (const g of vis.groups) {
    if (options.groupId !== undefined && g.group.id !== options.groupId) continue;
    for (const q of g.questions) {
      const v = values[q.id];
      if (v === undefined || v === null) continue;
      out.push(...markedHits(q, v, g.group.id));
      for (const text of freeTexts(q, v)) {
        const phrases = screenFreeText(text);
        if (phrases.length) out.push({ kind: 'free_text', severity: 'review', questionId: q.id, groupId: g.group.id, question: q.label, answer: same(text), phrases });
      }
    }
  }
  return out;
}

/** The alerts to raise for the hits: one per kind, at the highest severity among its hits. */
export function intakeSafetyAlerts(hits: ReadonlyArray<IntakeSafetyHit>): ReadonlyArray<{ kind: IntakeSafetyHit['kind']; severity: AlertSeverity; hits: ReadonlyArray<IntakeSafetyHit> }> {
  const out = new Map<IntakeSafetyHit['kind'], { severity: AlertSeverity; hits: IntakeSafetyHit[] }>();
  for (const h of hits) {
    const cur = out.get(h.kind);
    if (!cur) out.set(h.kind, { severity: h.severity, hits: [h] });
    else {
      cur.severity = higherSeverity(cur.severity, h.severity);
      cur.hits.push(h);
    }
  }
  return [...out.entries()].map(([kind, v]) => ({ kind, ...v }));
}
