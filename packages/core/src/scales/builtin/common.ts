import type { LocalizedText, MissingRule, ResponseOption, ScaleItem, SafetyRule } from '../scale-definition.ts';
import { src } from './sources.ts';

/**
 * Options with the given values and no labels (metadata-only scales).
 *
 * @example
 * valueOptions([0, 1, 2]); // [{ value: 0 }, { value: 1 }, { value: 2 }]
 */
export function valueOptions(values: ReadonlyArray<number>): ReadonlyArray<ResponseOption> {
  return values.map((value) => ({ value }));
}

/**
 * Integers from `from` to `to`, inclusive.
 *
 * @example
 * range(0, 3); // [0, 1, 2, 3]
 */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Items q1..qn sharing one option list, with optional texts in item order.
 *
 * @example
 * items(7, phqFrequencyOptions, texts); // q1 … q7
 */
export function items(
  count: number,
  options: ReadonlyArray<ResponseOption>,
  texts?: ReadonlyArray<LocalizedText>,
): ReadonlyArray<ScaleItem> {
  return range(1, count).map((n) => ({
    id: `q${n}`,
    ...(texts ? { text: texts[n - 1] } : {}),
    options,
  }));
}

export const yesNo: ReadonlyArray<ResponseOption> = [
  { value: 0, code: 'no', label: { ja: 'いいえ', en: 'No' } },
  { value: 1, code: 'yes', label: { ja: 'はい', en: 'Yes' } },
];

/** No published missing-item rule was found: score only complete forms (project convention). */
export const completeFormsOnly: MissingRule = {
  kind: 'none-allowed',
  basis: 'project-convention',
  note: {
    en: 'No developer rule for missing items was found; this project scores complete forms only.',
    ja: '欠損項目についての開発者の規定は見つかっていないため、本プロジェクトでは全項目回答時のみ採点します。',
  },
};

export const halfResponse = {
  minReduction: 0.5,
  sources: [src.C6],
} as const;

export const suicidalityAction: LocalizedText = {
  en: 'Same-day clinician review and a structured suicide-risk assessment (e.g. C-SSRS screener); safety plan.',
  ja: '当日中に医師が確認し、構造化された自殺リスク評価（C-SSRS スクリーナー等）と安全計画を行ってください。',
};

export const urgentAction: LocalizedText = {
  en: 'Urgent: immediate clinician assessment and safety precautions today.',
  ja: '緊急: 直ちに医師が評価し、本日中に安全確保の措置をとってください。',
};

/**
 * The `suicidality` alert rule on one item.
 *
 * @example
 * suicidalityRule('q9', 1, [src.R11]);
 */
export function suicidalityRule(item: string, atLeast: number, sources: SafetyRule['sources']): SafetyRule {
  return { id: 'suicidality', severity: 'alert', anyOf: [{ item, atLeast }], action: suicidalityAction, sources };
}
/**
 * The `suicidality_urgent` rule on one item.
 *
 * @example
 * urgentRule('q3', 3, [src.R32]);
 */
export function urgentRule(item: string, atLeast: number, sources: SafetyRule['sources']): SafetyRule {
  return { id: 'suicidality_urgent', severity: 'urgent', anyOf: [{ item, atLeast }], action: urgentAction, sources };
}
