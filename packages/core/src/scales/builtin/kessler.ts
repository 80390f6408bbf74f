import type { LocalizedText, ResponseOption } from '../scale-definition.ts';

/** Shared parts of K6 and K10 (Kessler et al.; Japanese version Furukawa et al. 2008). */
export const kesslerOptions: ReadonlyArray<ResponseOption> = [
  { value: 0, label: { en: 'None of the time', ja: '全くない' } },
  { value: 1, label: { en: 'A little of the time', ja: '少しだけ' } },
  { value: 2, label: { en: 'Some of the time', ja: 'ときどき' } },
  { value: 3, label: { en: 'Most of the time', ja: 'たいてい' } },
  { value: 4, label: { en: 'All of the time', ja: 'いつも' } },
];

export const kesslerCopyright =
  'K6/K10 © World Health Organization 2003. Kessler RC et al. Screening for serious mental illness in the general population. Arch Gen Psychiatry 2003;60:184–189.';

export const kesslerAttribution: LocalizedText = {
  en: 'Ronald C. Kessler, Harvard Medical School (National Comorbidity Survey). Japanese version: Furukawa TA, Kawakami N et al. (2008). Free to use with the WHO copyright notice and the Kessler et al. 2003 citation.',
  ja: 'Ronald C. Kessler（ハーバード大学医学部）。日本語版: 古川壽亮・川上憲人ほか（2008）。WHO の著作権表示と Kessler ら（2003）の引用を示せば自由に使用可。',
};

export const kesslerThirtyDays: LocalizedText = { en: 'Past 30 days', ja: '過去30日間' };

export const kesslerInstructions: LocalizedText = {
  en: 'During the past 30 days, about how often did you feel …',
  ja: '過去30日の間にどれくらいの頻度で次のことがありましたか。',
};

export const kesslerTextNote: LocalizedText = {
  en: 'Shown with the WHO copyright notice, as its terms require.',
  ja: '利用条件に従い、WHO の著作権表示とともに表示します。',
};
