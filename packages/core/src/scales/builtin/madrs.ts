import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items, range, suicidalityRule, urgentRule, valueOptions } from './common.ts';
import { src } from './sources.ts';

/** MADRS, clinician-rated, metadata only (© Royal College of Psychiatrists). */
export const madrs: ScaleDefinition = {
  id: 'madrs',
  version: '1.0.0',
  name: { en: 'Montgomery–Åsberg Depression Rating Scale (MADRS)', ja: 'モンゴメリー・アスベルグうつ病評価尺度（MADRS）' },
  shortName: 'MADRS',
  informants: ['clinician'],
  recallPeriod: { en: 'Past week (convention)', ja: '過去1週間（慣例）' },
  direction: 'higher-is-worse',
  licence: {
    class: 'C',
    status: 'permission-required',
    textIncluded: false,
    copyright: 'MADRS © Royal College of Psychiatrists (Br J Psychiatry 1979)',
    attribution: {
      en: 'Montgomery SA, Åsberg M. A new depression scale designed to be sensitive to change. Br J Psychiatry 1979;134:382–389. Japanese version MADRS-J.',
      ja: 'Montgomery SA, Åsberg M（1979）。日本語版 MADRS-J。',
    },
    sources: [src.R40],
  },
  textSource: {
    kind: 'none',
    note: { en: 'Item text needs permission: a licensed clinic imports it.', ja: '文言の使用には許諾が必要です。許諾を得たクリニックが取り込みます。' },
  },
  items: items(10, valueOptions(range(0, 6))),
  scoring: { method: 'sum', range: { min: 0, max: 60 }, reverseItems: [], subscales: [], missing: completeFormsOnly },
  bandSets: [
    {
      id: 'snaith',
      name: { en: 'Snaith et al. cut-points', ja: 'Snaith らの区分' },
      bands: [
        { id: 'absent', label: { en: 'Absent', ja: 'なし' }, min: 0, max: 6 },
        { id: 'mild', label: { en: 'Mild', ja: '軽度' }, min: 7, max: 19 },
        { id: 'moderate', label: { en: 'Moderate', ja: '中等度' }, min: 20, max: 34 },
        { id: 'severe', label: { en: 'Severe', ja: '重度' }, min: 35, max: 60 },
      ],
      sources: [src.R41],
    },
  ],
  defaultBandSet: 'snaith',
  response: { minReduction: 0.5, sources: [src.C6] },
  remission: {
    atMost: 10,
    sources: [src.R42, src.R43],
    note: { en: 'Alternatives: < 10 (Hawley 2002), ≤ 12 (common in trials).', ja: '他の定義: < 10（Hawley 2002）、≤ 12（試験で一般的）。' },
  },
  reliableChange: {
    sd: null,
    reliability: 0.93,
    sources: [src.R45],
    note: { en: 'Inter-rater ICC with the SIGMA guide; enter the clinic baseline SD.', ja: 'SIGMA 使用時の評価者間 ICC。クリニックのベースライン SD を入力してください。' },
  },
  safety: [suicidalityRule('q10', 2, [src.R41b]), urgentRule('q10', 4, [src.R41b])],
  notes: [{ en: 'Anchors are defined at 0, 2, 4 and 6; raters may use the odd values between them.', ja: 'アンカーは 0, 2, 4, 6 で定義され、その間の奇数も使えます。' }],
  ageRange: { min: 18 },
};
