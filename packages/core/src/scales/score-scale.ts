import { assertAnswers } from './check-answers.ts';
import { evaluateSafety, type SafetyFlag } from './evaluate-safety.ts';
import { findBand } from './find-band.ts';
import { answerOf, conditionHolds, isItemEnabled, itemScore, type ScaleAnswers } from './item-score.ts';
import type { Informant, LocalizedText, MissingRule, ScaleDefinition, SumScoring } from './scale-definition.ts';

export interface SubscaleScore {
  readonly score: number | null;
  readonly valid: boolean;
  readonly prorated: boolean;
  readonly missing: number;
  /** Whether the score reaches the subscale's published cut-off (null: no cut-off or no score). */
  readonly aboveCutoff: boolean | null;
}

export type InvalidReasonCode = 'too_many_missing' | 'required_item_missing' | 'subscale_invalid' | 'no_answers';

export interface ScoreResult {
  readonly scaleId: string;
  /** Version of the definition that produced this result; store it with the score. */
  readonly version: string;
  readonly valid: boolean;
  readonly total: number | null;
  /** Band id in `bandSet` (null when not scorable or the scale has no bands). */
  readonly band: string | null;
  readonly bandSet: string | null;
  /** Missing scoring units (items, or QIDS domains) counted by the missing-item rule. */
  readonly missing: number;
  readonly missingItems: ReadonlyArray<string>;
  readonly prorated: boolean;
  readonly subscales: Readonly<Record<string, SubscaleScore>>;
  /** Safety flags; evaluated on the answers given even when the total cannot be scored. */
  readonly flags: ReadonlyArray<SafetyFlag>;
  readonly reason?: { readonly code: InvalidReasonCode; readonly message: LocalizedText };
}

export interface ScoreScaleOptions {
  /** Band set to use instead of the definition's default (e.g. `cox1987_uk` for EPDS). */
  readonly bandSet?: string;
  /**
   * Who filled the form in. Picks the first band set normed for that informant (SDQ self-report)
   * unless `bandSet` is given; falls back to the default set.
   */
  readonly informant?: Informant;
}

interface UnitsScore {
  readonly score: number | null;
  readonly missingUnits: ReadonlyArray<string>;
  readonly missingItems: ReadonlyArray<string>;
  readonly prorated: boolean;
  readonly reason?: ScoreResult['reason'];
}

function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9);
}

function weighted(scoring: SumScoring, itemId: string, score: number): number {
  return score * (scoring.weights?.[itemId] ?? 1);
}

/**
 * Sums the given items as scoring units: an item on its own, or a max-group (only its highest
 * answer counts; missing only when none of its items is answered). Items not asked (`enableWhen`)
 * and blank optional items are not units at all.
 */
function scoreUnits(
  definition: ScaleDefinition,
  scoring: SumScoring,
  itemIds: ReadonlyArray<string>,
  rule: MissingRule,
  answers: ScaleAnswers,
): UnitsScore {
  const inSet = new Set(itemIds);
  const units: Array<{ id: string; items: string[] }> = [];
  const grouped = new Set<string>();
  for (const g of scoring.maxGroups ?? []) {
    const items = g.items.filter((i) => inSet.has(i));
    if (items.length === 0) continue;
    items.forEach((i) => grouped.add(i));
    units.push({ id: g.id, items });
  }
  for (const id of itemIds) if (!grouped.has(id)) units.push({ id, items: [id] });

  const present: number[] = [];
  const missingUnits: string[] = [];
  const missingItems: string[] = [];
  for (const unit of units) {
    const values: number[] = [];
    let askedBlank = 0;
    const blankIds: string[] = [];
    for (const id of unit.items) {
      const item = definition.items.find((i) => i.id === id);
      if (!item || !isItemEnabled(definition, item, answers)) continue;
      const v = answerOf(answers, id);
      if (v !== null) values.push(weighted(scoring, id, itemScore(definition, item, v)));
      else if (!item.optional) {
        askedBlank++;
        blankIds.push(id);
      }
    }
    if (values.length > 0) present.push(Math.max(...values));
    else if (askedBlank > 0) {
      missingUnits.push(unit.id);
      missingItems.push(...blankIds);
    }
  }
  const nUnits = present.length + missingUnits.length;
  const sum = present.reduce((a, b) => a + b, 0);
  const base = { missingUnits, missingItems };
  if (missingUnits.length === 0) return { ...base, score: sum, prorated: false };
  if (present.length === 0) {
    return {
      ...base,
      score: null,
      prorated: false,
      reason: { code: 'no_answers', message: { en: 'no item was answered', ja: '回答された項目がありません' } },
    };
  }
  if (rule.kind === 'none-allowed' || missingUnits.length > rule.maxMissing) {
    const max = rule.kind === 'prorate' ? rule.maxMissing : 0;
    return {
      ...base,
      score: null,
      prorated: false,
      reason: {
        code: 'too_many_missing',
        message: {
          en: `${missingUnits.length} item(s) missing (${missingUnits.join(', ')}); at most ${max} may be missing`,
          ja: `未回答が ${missingUnits.length} 項目あります（${missingUnits.join(', ')}）。採点できる未回答は ${max} 項目までです`,
        },
      },
    };
  }
  const requiredMissing = missingUnits.filter((u) => rule.required?.includes(u));
  if (requiredMissing.length > 0) {
    return {
      ...base,
      score: null,
      prorated: false,
      reason: {
        code: 'required_item_missing',
        message: {
          en: `item ${requiredMissing.join(', ')} must be answered to score this scale`,
          ja: `この尺度の採点には項目 ${requiredMissing.join(', ')} への回答が必要です`,
        },
      },
    };
  }
  return { ...base, score: roundHalfUp((sum / present.length) * nUnits), prorated: true };
}

function scoredItemIds(definition: ScaleDefinition): string[] {
  return definition.items.filter((i) => i.scored !== false).map((i) => i.id);
}

/**
 * Scores one administration of a scale. Pure: the same definition and answers always give the
 * same result, and the result names the definition id and version so a stored score can be
 * recomputed and checked. Throws a `validation` DomainError for unknown items, wrong types,
 * out-of-range values or answers to items that were not asked; missing answers are handled by the
 * scale's missing-item rule and give `valid: false, total: null` with a `reason`.
 *
 * @example
 * const r = scoreScale(phq9, { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 1, q7: 1, q8: 1, q9: 1 });
 * // r.total === 14, r.band === 'moderate', r.flags[0].id === 'suicidality'
 */
export function scoreScale(
  definition: ScaleDefinition,
  answers: ScaleAnswers,
  options: ScoreScaleOptions = {},
): ScoreResult {
  assertAnswers(definition, answers);
  const flags = evaluateSafety(definition, answers);
  const informant = options.informant;
  const byInformant = informant ? definition.bandSets.find((s) => s.informants?.includes(informant))?.id : undefined;
  const bandSetId = options.bandSet ?? byInformant ?? definition.defaultBandSet ?? null;
  const base = { scaleId: definition.id, version: definition.version, flags, bandSet: bandSetId };
  const scoring = definition.scoring;

  if (scoring.method === 'triage') {
    const blank = definition.items.filter(
      (i) => !i.optional && isItemEnabled(definition, i, answers) && answerOf(answers, i.id) === null,
    );
    if (blank.length > 0) {
      const ids = blank.map((i) => i.id);
      return {
        ...base,
        valid: false,
        total: null,
        band: null,
        missing: ids.length,
        missingItems: ids,
        prorated: false,
        subscales: {},
        reason: {
          code: 'too_many_missing',
          message: {
            en: `every asked item must be answered; missing: ${ids.join(', ')}`,
            ja: `尋ねた項目にはすべて回答が必要です。未回答: ${ids.join(', ')}`,
          },
        },
      };
    }
    const rule = scoring.rules.find((r) => r.anyOf.some((c) => conditionHolds(definition, answers, c)));
    return {
      ...base,
      valid: true,
      total: null,
      band: rule ? rule.band : scoring.fallbackBand,
      missing: 0,
      missingItems: [],
      prorated: false,
      subscales: {},
    };
  }

  const subscales: Record<string, SubscaleScore> = {};
  const subUnits = new Map<string, UnitsScore>();
  for (const sub of scoring.subscales) {
    const r = scoreUnits(definition, scoring, sub.items, sub.missing ?? scoring.missing, answers);
    subUnits.set(sub.id, r);
    subscales[sub.id] = {
      score: r.score,
      valid: r.score !== null,
      prorated: r.prorated,
      missing: r.missingUnits.length,
      aboveCutoff: sub.cutoff && r.score !== null ? r.score >= sub.cutoff.atLeast : null,
    };
  }

  let total: UnitsScore;
  const spec = scoring.total;
  if (spec && 'subscales' in spec) {
    const parts = spec.subscales.map((id) => ({ id, s: subscales[id] }));
    const bad = parts.filter((p) => !p.s?.valid).map((p) => p.id);
    const missingItems = spec.subscales.flatMap((id) => subUnits.get(id)?.missingItems ?? []);
    total = {
      score: bad.length > 0 ? null : parts.reduce((a, p) => a + (p.s?.score ?? 0), 0),
      missingUnits: missingItems,
      missingItems,
      prorated: parts.some((p) => p.s?.prorated),
      ...(bad.length > 0
        ? {
            reason: {
              code: 'subscale_invalid' as const,
              message: {
                en: `subscale ${bad.join(', ')} cannot be scored (too many missing items)`,
                ja: `下位尺度 ${bad.join(', ')} は未回答が多く採点できません`,
              },
            },
          }
        : {}),
    };
  } else {
    const ids = spec ? spec.items : scoredItemIds(definition);
    total = scoreUnits(definition, scoring, ids, scoring.missing, answers);
  }

  const value = total.score === null ? null : total.score * (scoring.multiplier ?? 1);
  const band = value === null || bandSetId === null ? null : findBand(definition, value, bandSetId);
  return {
    ...base,
    valid: value !== null,
    total: value,
    band: band ? band.id : null,
    missing: total.missingUnits.length,
    missingItems: total.missingItems,
    prorated: total.prorated,
    subscales,
    ...(total.reason && value === null ? { reason: total.reason } : {}),
  };
}
