import type { LocalizedText, ResponseOption } from '../scale-definition.ts';

/** The PHQ-9 / GAD-7 frequency options and their distributed Japanese wording. */
export const phqFrequencyOptions: ReadonlyArray<ResponseOption> = [
  { value: 0, label: { en: 'Not at all', ja: '全くない' } },
  { value: 1, label: { en: 'Several days', ja: '数日' } },
  { value: 2, label: { en: 'More than half the days', ja: '半分以上' } },
  { value: 3, label: { en: 'Nearly every day', ja: 'ほとんど毎日' } },
];

export const phqTwoWeeks: LocalizedText = { en: 'Last 2 weeks', ja: 'この2週間' };

export const phqAttribution: LocalizedText = {
  en: 'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute. Japanese version: Muramatsu K et al.',
  ja: 'Robert L. Spitzer、Janet B.W. Williams、Kurt Kroenke らが Pfizer 社の教育助成により開発。複製・翻訳・表示・配布に許可は不要。日本語版: 村松公美子ほか。',
};
