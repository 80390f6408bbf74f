/**
 * A monitor recruitment page of one program, as the clinic edits it (Japanese and English). The
 * fields are the 限定解除 items of the 医療広告ガイドライン (see `docs/recruitment.md`): a page
 * about self-pay or unapproved treatment may be shown only when it states all of them.
 */
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export interface RecruitmentContent {
  /** Headline of the page (no price or discount in it). */
  readonly title: Bilingual;
  /** Who may take part and what the program is for (no diagnosis needed to apply). */
  readonly summary: Bilingual;
  /** 治療等の内容: what is done, how often, how long. */
  readonly treatment: Bilingual;
  /** The total cost in yen, consumption tax included (総額表示); 0 when free of charge. */
  readonly totalCostYen: number | null;
  /** What the total includes (visits, tests, the product) and what it does not. */
  readonly costIncludes: Bilingual;
  /** 主なリスク・副作用. */
  readonly risks: Bilingual;
  /** How to contact the clinic (phone and hours). */
  readonly contact: Bilingual;
  /** True when the product is not approved in Japan (or used outside its approval). */
  readonly unapproved: boolean;
  /** 未承認医薬品等であること. */
  readonly unapprovedStatement: Bilingual;
  /** 入手経路等: how the clinic obtains the product. */
  readonly procurement: Bilingual;
  /** 国内の承認医薬品等の有無: whether approved alternatives exist in Japan. */
  readonly alternatives: Bilingual;
  /** 諸外国における安全性等に係る情報. */
  readonly foreignSafety: Bilingual;
  /** That the 医薬品副作用被害救済制度 does not cover it. */
  readonly reliefSystem: Bilingual;
  /** Anything else the clinic wants to say (checked for forbidden wording like the rest). */
  readonly body: Bilingual;
}

export const EMPTY_BILINGUAL: Bilingual = Object.freeze({ ja: '', en: '' });

/** A page with every field empty: what the editor starts from. */
export function emptyRecruitmentContent(): RecruitmentContent {
  const e = EMPTY_BILINGUAL;
  return {
    title: e, summary: e, treatment: e, totalCostYen: null, costIncludes: e, risks: e, contact: e,
    unapproved: false, unapprovedStatement: e, procurement: e, alternatives: e, foreignSafety: e, reliefSystem: e, body: e,
  };
}

/** The text fields of the content, in page order. */
export const RECRUITMENT_TEXT_FIELDS = [
  'title', 'summary', 'treatment', 'costIncludes', 'risks', 'contact',
  'unapprovedStatement', 'procurement', 'alternatives', 'foreignSafety', 'reliefSystem', 'body',
] as const satisfies ReadonlyArray<keyof RecruitmentContent>;
export type RecruitmentTextField = (typeof RECRUITMENT_TEXT_FIELDS)[number];
