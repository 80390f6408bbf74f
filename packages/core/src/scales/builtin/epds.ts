import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items, range, valueOptions } from './common.ts';
import { src } from './sources.ts';

/**
 * EPDS, metadata only (© RCPsych). Answers are the option position top-to-bottom (0–3); items 3
 * and 5–10 are scored in reverse (3–0), so a safety threshold on item 10 is on its score.
 */
export const epds: ScaleDefinition = {
  id: 'epds',
  version: '1.0.0',
  name: { en: 'Edinburgh Postnatal Depression Scale (EPDS)', ja: 'エジンバラ産後うつ病質問票（EPDS）' },
  shortName: 'EPDS',
  informants: ['self'],
  recallPeriod: { en: 'Past 7 days', ja: '過去7日間' },
  direction: 'higher-is-worse',
  licence: {
    class: 'C',
    status: 'permission-required',
    textIncluded: false,
    copyright: 'EPDS © 1987 The Royal College of Psychiatrists',
    attribution: {
      en: 'Cox JL, Holden JM, Sagovsky R. Br J Psychiatry 1987;150:782–786. Japanese version: Okano T et al. 1996. Written permission is needed for distribution, including online.',
      ja: 'Cox JL ほか（1987）。日本語版: 岡野禎治ほか（1996）。オンラインを含む配布には書面の許諾が必要。',
    },
    sources: [src.R55],
  },
  textSource: {
    kind: 'none',
    note: { en: 'Item text needs written permission: a licensed clinic imports it.', ja: '文言には書面の許諾が必要です。許諾を得たクリニックが取り込みます。' },
  },
  items: items(10, valueOptions(range(0, 3))),
  scoring: {
    method: 'sum',
    range: { min: 0, max: 30 },
    reverseItems: ['q3', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'],
    subscales: [],
    missing: completeFormsOnly,
  },
  bandSets: [
    {
      id: 'okano1996_ja',
      name: { en: 'Japanese cut-off 8/9 (Okano 1996)', ja: '日本のカットオフ 8/9（岡野 1996）' },
      bands: [
        { id: 'below_threshold', label: { en: 'Below the Japanese cut-off', ja: '区分点未満' }, min: 0, max: 8 },
        { id: 'probable_depression', label: { en: 'Possible depression', ja: 'うつ病の可能性' }, min: 9, max: 30 },
      ],
      sources: [src.R56],
    },
    {
      id: 'cox1987_uk',
      name: { en: 'UK cut-off 12/13 (Cox 1987)', ja: '英国のカットオフ 12/13（Cox 1987）' },
      bands: [
        { id: 'below_threshold', label: { en: 'Below the UK threshold', ja: '英国の区分点未満' }, min: 0, max: 12 },
        { id: 'probable_depression', label: { en: 'Probable depression', ja: 'うつ病の疑い' }, min: 13, max: 30 },
      ],
      sources: [{ citation: 'Cox JL, Holden JM, Sagovsky R. Br J Psychiatry 1987;150:782–786', uncertain: true }],
    },
  ],
  defaultBandSet: 'okano1996_ja',
  reliableChange: {
    sd: null,
    reliability: null,
    sources: [],
    note: { en: 'No published SD or reliability was retrieved.', ja: '公表された SD・信頼性係数は未確認です。' },
  },
  safety: [
    {
      id: 'self_harm',
      severity: 'alert',
      anyOf: [{ item: 'q10', atLeast: 1 }],
      action: {
        en: 'Thoughts of self-harm: immediate clinical assessment regardless of the total score.',
        ja: '自傷の考え: 合計点にかかわらず直ちに臨床評価を行ってください。',
      },
      sources: [src.R56],
    },
  ],
  loinc: { panel: '71354-5', total: '99046-5', sources: [{ citation: 'FHIR/HEDIS code lists (roles to confirm on loinc.org)', uncertain: true }] },
  notes: [
    {
      en: 'Reverse items (3, 5–10) are from domain knowledge, consistent with a Japanese scoring page; confirm with the licensed form.',
      ja: '逆転項目（3, 5–10）は一般的知識によるもので日本語の採点資料と整合。許諾版の様式で確認してください。',
    },
  ],
};
