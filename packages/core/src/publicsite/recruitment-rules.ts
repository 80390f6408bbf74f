/**
 * The rules of Japan's 医療広告ガイドライン that Mimamori checks on a recruitment page, each with
 * the provision it comes from. Sources and their dates: `docs/recruitment.md`.
 */
export type RecruitmentRuleId =
  | 'limited_release'
  | 'unapproved_items'
  | 'relief_system'
  | 'testimonial'
  | 'before_after'
  | 'exaggeration'
  | 'superlative'
  | 'price_led';

export interface RecruitmentRule {
  readonly id: RecruitmentRuleId;
  /** Where the rule is written. */
  readonly source: { readonly ja: string; readonly en: string };
  /** The rule, in short. */
  readonly text: { readonly ja: string; readonly en: string };
}

export const RECRUITMENT_RULES: Readonly<Record<RecruitmentRuleId, RecruitmentRule>> = {
  limited_release: {
    id: 'limited_release',
    source: { ja: '医療法施行規則 第1条の9の2／医療広告ガイドライン「広告可能事項の限定解除の要件等」', en: 'Medical Care Act Enforcement Regulations art. 1-9-2; Medical Advertising Guideline, “conditions for lifting the limits”' },
    text: {
      ja: '自由診療について広告するときは、治療等の内容、標準的な費用、主なリスク・副作用、問い合わせ先を明示すること。',
      en: 'Advertising self-pay care must state the treatment’s content, its standard cost, its main risks and side effects, and how to contact the clinic.',
    },
  },
  unapproved_items: {
    id: 'unapproved_items',
    source: { ja: '医療広告ガイドライン「広告可能事項の限定解除の要件等」（2024年3月22日一部改正）', en: 'Medical Advertising Guideline, “conditions for lifting the limits” (amended 22 March 2024)' },
    text: {
      ja: '未承認医薬品等を用いる自由診療では、未承認医薬品等であること、入手経路等、国内の承認医薬品等の有無、諸外国における安全性等に係る情報を明示すること。',
      en: 'Self-pay care with an unapproved product must state that it is unapproved in Japan, how it is obtained, whether approved products exist in Japan, and what is known of its safety abroad.',
    },
  },
  relief_system: {
    id: 'relief_system',
    source: { ja: '医療広告ガイドライン「広告可能事項の限定解除の要件等」（2024年3月22日一部改正）', en: 'Medical Advertising Guideline, “conditions for lifting the limits” (amended 22 March 2024)' },
    text: {
      ja: '未承認医薬品等を用いる場合、医薬品副作用被害救済制度等の救済の対象にはならないことを明示すること。',
      en: 'With an unapproved product, state that Japan’s relief system for adverse drug reactions (医薬品副作用被害救済制度) does not cover it.',
    },
  },
  testimonial: {
    id: 'testimonial',
    source: { ja: '医療法施行規則 第1条の9 第1号', en: 'Medical Care Act Enforcement Regulations art. 1-9 (i)' },
    text: {
      ja: '患者その他の者の主観又は伝聞に基づく、治療等の内容又は効果に関する体験談は広告できない。',
      en: 'No testimonials: accounts by patients or others of a treatment’s content or effect may not be advertised.',
    },
  },
  before_after: {
    id: 'before_after',
    source: { ja: '医療法施行規則 第1条の9 第2号', en: 'Medical Care Act Enforcement Regulations art. 1-9 (ii)' },
    text: {
      ja: '治療等の内容又は効果について誤認させるおそれがある治療等の前又は後の写真等は広告できない。',
      en: 'No before/after pictures or claims that could mislead about a treatment’s content or effect.',
    },
  },
  exaggeration: {
    id: 'exaggeration',
    source: { ja: '医療法 第6条の5 第2項第3号／医療広告ガイドライン「誇大広告」', en: 'Medical Care Act art. 6-5 (2)(iii); Medical Advertising Guideline, “exaggerated advertising”' },
    text: {
      ja: '効果を保証する・誇張する表現（「必ず」「根本的な治療」「副作用がない」など）は誇大広告にあたる。',
      en: 'Promising or exaggerating an effect (“always”, “cures the root cause”, “no side effects”) is exaggerated advertising.',
    },
  },
  superlative: {
    id: 'superlative',
    source: { ja: '医療法 第6条の5 第2項第2号／医療広告ガイドライン「比較優良広告」', en: 'Medical Care Act art. 6-5 (2)(ii); Medical Advertising Guideline, “comparative advertising”' },
    text: {
      ja: '「最新」「最先端」「日本初」など、他より優れていると示す表現は比較優良広告にあたる。',
      en: 'Claims of being better than others (“latest”, “cutting-edge”, “first in Japan”) are comparative advertising.',
    },
  },
  price_led: {
    id: 'price_led',
    source: { ja: '医療広告ガイドライン「品位を損ねる内容の広告」', en: 'Medical Advertising Guideline, “advertising that lowers the dignity of medicine”' },
    text: {
      ja: '費用を強調する広告（「モニター割引」「今だけ半額」など）は品位を損ねる広告にあたる。費用は総額と内訳を本文で示すこと。',
      en: 'Advertising that stresses the price (“monitor discount”, “half price now”) is not allowed; give the total cost and what it includes in the text.',
    },
  },
};
