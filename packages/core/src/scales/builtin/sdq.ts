import type { MissingRule, ScaleDefinition } from '../scale-definition.ts';
import { items, range, valueOptions } from './common.ts';
import { src } from './sources.ts';

const q = (ns: ReadonlyArray<number>): string[] => ns.map((n) => `q${n}`);

const subscaleProrating: MissingRule = {
  kind: 'prorate',
  maxMissing: 2,
  basis: 'published',
  sources: [{ citation: 'SDQ scoring guidance (youthinmind): a subscale is prorated when at least 3 of its 5 items are answered', uncertain: true }],
};

/** SDQ (parent, teacher and self-report forms), metadata only. Total difficulties excludes prosocial. */
export const sdq: ScaleDefinition = {
  id: 'sdq',
  version: '1.0.0',
  name: { en: 'Strengths and Difficulties Questionnaire (SDQ)', ja: '子どもの強さと困難さアンケート（SDQ）' },
  shortName: 'SDQ',
  informants: ['parent', 'teacher', 'self'],
  recallPeriod: { en: 'Past 6 months (or this school year)', ja: '過去6か月（または今年度）' },
  direction: 'higher-is-worse',
  licence: {
    class: 'C',
    status: 'permission-required',
    textIncluded: false,
    copyright: 'SDQ © Robert Goodman / youthinmind',
    attribution: {
      en: 'Goodman R. youthinmind (sdqinfo.org). No electronic versions without prior authorisation from youthinmind. Japanese norms: Matsuishi 2008; Moriwaki & Kamio 2014.',
      ja: 'Goodman R、youthinmind（sdqinfo.org）。電子版の作成・配布には youthinmind の事前承認が必要。日本の基準値: Matsuishi 2008、Moriwaki & Kamio 2014。',
    },
    sources: [src.R58, src.R59],
  },
  textSource: { kind: 'none', note: { en: 'Electronic use needs youthinmind authorisation.', ja: '電子的利用には youthinmind の承認が必要です。' } },
  items: items(25, valueOptions(range(0, 2))),
  scoring: {
    method: 'sum',
    range: { min: 0, max: 40 },
    total: { subscales: ['emotional', 'conduct', 'hyperactivity', 'peer'] },
    reverseItems: q([7, 11, 14, 21, 25]),
    subscales: [
      { id: 'emotional', name: { en: 'Emotional symptoms', ja: '情緒の問題' }, items: q([3, 8, 13, 16, 24]), missing: subscaleProrating },
      { id: 'conduct', name: { en: 'Conduct problems', ja: '行為の問題' }, items: q([5, 7, 12, 18, 22]), missing: subscaleProrating },
      { id: 'hyperactivity', name: { en: 'Hyperactivity / inattention', ja: '多動・不注意' }, items: q([2, 10, 15, 21, 25]), missing: subscaleProrating },
      { id: 'peer', name: { en: 'Peer relationship problems', ja: '仲間関係の問題' }, items: q([6, 11, 14, 19, 23]), missing: subscaleProrating },
      { id: 'prosocial', name: { en: 'Prosocial behaviour', ja: '向社会的な行動' }, items: q([1, 4, 9, 17, 20]), missing: subscaleProrating },
    ],
    missing: subscaleProrating,
  },
  bandSets: [
    {
      id: 'parent_uk',
      name: { en: 'UK parent-report bands', ja: '英国の保護者評定の区分' },
      bands: [
        { id: 'normal', label: { en: 'Normal', ja: '正常' }, min: 0, max: 13 },
        { id: 'borderline', label: { en: 'Borderline', ja: '境界' }, min: 14, max: 16 },
        { id: 'abnormal', label: { en: 'Abnormal', ja: '異常' }, min: 17, max: 40 },
      ],
      sources: [{ citation: 'Original SDQ parent-report banding (sdqinfo.org)', uncertain: true }],
      informants: ['parent'],
      note: {
        en: 'Japanese norms differ (Matsuishi 2008; Moriwaki & Kamio 2014): prefer a Japanese band set when the clinic has one. Teacher-report bands are not included; teacher forms use this set.',
        ja: '日本の基準値は異なります（Matsuishi 2008、Moriwaki & Kamio 2014）。日本の区分があればそちらを使ってください。教師評定の区分は未収録のため、この区分を使います。',
      },
    },
    {
      id: 'self_uk',
      name: { en: 'UK self-report bands (11–17)', ja: '英国の本人評定の区分（11–17歳）' },
      bands: [
        { id: 'normal', label: { en: 'Normal', ja: '正常' }, min: 0, max: 15 },
        { id: 'borderline', label: { en: 'Borderline', ja: '境界' }, min: 16, max: 19 },
        { id: 'abnormal', label: { en: 'Abnormal', ja: '異常' }, min: 20, max: 40 },
      ],
      sources: [{ citation: 'Original SDQ self-report banding (sdqinfo.org)', uncertain: true }],
      informants: ['self'],
    },
  ],
  defaultBandSet: 'parent_uk',
  safety: [],
  notes: [
    {
      en: 'Item-to-subscale mapping and reverse items (7, 11, 14, 21, 25) are from domain knowledge: verify against the sdqinfo.org scoring before clinical use.',
      ja: '項目と下位尺度の対応および逆転項目（7, 11, 14, 21, 25）は一般的知識によるものです。臨床使用前に sdqinfo.org の採点法で確認してください。',
    },
  ],
  ageRange: { min: 2, max: 17 },
};
