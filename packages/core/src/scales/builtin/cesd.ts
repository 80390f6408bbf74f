import type { ScaleDefinition } from '../scale-definition.ts';
import { completeFormsOnly, items, range, valueOptions } from './common.ts';
import { src } from './sources.ts';

/** CES-D, metadata only (the Japanese edition is sold commercially). Items 4, 8, 12, 16 reversed. */
export const cesd: ScaleDefinition = {
  id: 'cesd',
  version: '1.0.0',
  name: { en: 'Center for Epidemiologic Studies Depression Scale (CES-D)', ja: 'CES-D うつ病（抑うつ状態）自己評価尺度' },
  shortName: 'CES-D',
  informants: ['self'],
  recallPeriod: { en: 'Past week', ja: '過去1週間' },
  direction: 'higher-is-worse',
  licence: {
    class: 'C',
    status: 'commercial',
    textIncluded: false,
    attribution: {
      en: 'Radloff LS (1977). The English original is free to use; the Japanese edition (Shima S et al.) is published commercially by Chiba Test Center.',
      ja: 'Radloff LS（1977）。英語原版は無償だが、日本語版（島悟ほか）は千葉テストセンターの市販品。',
    },
    sources: [src.R49, src.R50],
  },
  textSource: { kind: 'none', note: { en: 'Japanese forms are commercial: a licensed clinic imports the text.', ja: '日本語版は市販品のため、購入したクリニックが文言を取り込みます。' } },
  items: items(20, valueOptions(range(0, 3))),
  scoring: { method: 'sum', range: { min: 0, max: 60 }, reverseItems: ['q4', 'q8', 'q12', 'q16'], subscales: [], missing: completeFormsOnly },
  bandSets: [
    {
      id: 'radloff_ja',
      name: { en: 'Cut-off 16 (also used in Japan)', ja: 'カットオフ 16（日本でも同じ）' },
      bands: [
        { id: 'below_threshold', label: { en: 'Below the threshold', ja: 'カットオフ未満' }, min: 0, max: 15 },
        { id: 'depressive_symptoms', label: { en: 'Clinically relevant depressive symptoms', ja: '臨床的に意味のある抑うつ症状' }, min: 16, max: 60 },
      ],
      sources: [src.R49, src.R51],
    },
  ],
  defaultBandSet: 'radloff_ja',
  reliableChange: {
    sd: null,
    reliability: 0.85,
    sources: [{ citation: 'Radloff 1977, α ≈ 0.85 general population (not verified against the source)', uncertain: true }],
  },
  safety: [],
  notes: [{ en: 'Reverse items (4, 8, 12, 16) are from domain knowledge: confirm with the licensed form.', ja: '逆転項目（4, 8, 12, 16）は一般的知識によるものです。許諾版の様式で確認してください。' }],
  ageRange: { min: 15 },
};
