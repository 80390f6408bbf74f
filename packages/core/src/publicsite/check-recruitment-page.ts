import { DomainError, type Issue } from '../errors/domain-error.ts';
import { RECRUITMENT_TEXT_FIELDS, type RecruitmentContent, type RecruitmentTextField } from './recruitment-page.ts';
import type { RecruitmentRuleId } from './recruitment-rules.ts';

/** A required item the page lacks: publishing is refused until it is stated (in both languages). */
export interface MissingItem {
  readonly field: RecruitmentTextField | 'totalCostYen';
  readonly lang: 'ja' | 'en' | null;
  readonly rule: RecruitmentRuleId;
}

/** Wording the rules forbid, found in a field: the editor warns, with the rule. */
export interface WordingWarning {
  readonly field: RecruitmentTextField;
  readonly lang: 'ja' | 'en';
  readonly phrase: string;
  readonly rule: RecruitmentRuleId;
}

export interface RecruitmentCheck {
  readonly missing: ReadonlyArray<MissingItem>;
  readonly warnings: ReadonlyArray<WordingWarning>;
  /** True when nothing required is missing (warnings do not block, the clinic answers for them). */
  readonly publishable: boolean;
}

const BASE_REQUIRED: ReadonlyArray<readonly [RecruitmentTextField, RecruitmentRuleId]> = [
  ['title', 'limited_release'],
  ['treatment', 'limited_release'],
  ['costIncludes', 'limited_release'],
  ['risks', 'limited_release'],
  ['contact', 'limited_release'],
];

const UNAPPROVED_REQUIRED: ReadonlyArray<readonly [RecruitmentTextField, RecruitmentRuleId]> = [
  ['unapprovedStatement', 'unapproved_items'],
  ['procurement', 'unapproved_items'],
  ['alternatives', 'unapproved_items'],
  ['foreignSafety', 'unapproved_items'],
  ['reliefSystem', 'relief_system'],
];

/**
 * Forbidden or risky wording, by rule. Matched case-insensitively on the text with spaces removed
 * (so 「副作用が ない」 is caught too). Each phrase is a plain substring: the list is the clinic's
 * first line of review, not a substitute for reading the guideline.
 */
export const FORBIDDEN_WORDING: ReadonlyArray<{ readonly rule: RecruitmentRuleId; readonly phrases: ReadonlyArray<string>; readonly fields?: ReadonlyArray<RecruitmentTextField> }> = [
  { rule: 'testimonial', phrases: ['体験談', '患者様の声', '患者さまの声', '患者さんの声', '喜びの声', '口コミ', 'クチコミ', '感想', 'testimonial', 'patient stories', 'what our patients say'] },
  { rule: 'before_after', phrases: ['ビフォーアフター', 'ビフォー・アフター', 'ビフォー&アフター', '治療前後の写真', '施術前後', 'before/after', 'before and after', 'before & after'] },
  {
    rule: 'exaggeration',
    phrases: ['必ず', '絶対', '確実に', '100%', '100％', '完治', '根本的な治療', '根本的に治', '根本治療', '副作用がない', '副作用はない', '副作用なし', '副作用の心配', '副作用がありません', '安全な治療', '誰でも', 'guaranteed', 'guarantee', 'always', 'cure', 'cures', 'root cause', 'no side effects', 'no side-effects', 'free of side effects', 'completely safe'],
  },
  { rule: 'superlative', phrases: ['最新', '最先端', '最高', '最良', '日本初', '世界初', 'no.1', 'ナンバーワン', 'latest', 'cutting-edge', 'state-of-the-art', 'the best', 'first in japan'] },
  { rule: 'price_led', phrases: ['モニター割引', 'モニター価格', 'モニター特典', '割引', '半額', '無料', '今だけ', '期間限定', 'キャンペーン', 'お得', '%off', '％off', '%オフ', '％オフ', 'discount', 'half price', 'for free', 'limited time', 'special offer'], fields: ['title', 'summary', 'body'] },
];

function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').toLowerCase();
}

const ASCII = /^[\x20-\x7e]+$/;

/** English phrases match whole words of the English text; Japanese ones any substring with spaces removed. */
function found(text: { readonly squashed: string; readonly words: string }, phrase: string): boolean {
  if (ASCII.test(phrase) && /[a-z]/i.test(phrase)) {
    const re = new RegExp(`(^|[^a-z])${phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}($|[^a-z])`);
    return re.test(text.words);
  }
  return text.squashed.includes(squash(phrase));
}

/**
 * Checks a recruitment page against the advertising rules: the 限定解除 items it must state
 * (refusing publication while one is missing, in Japanese or English) and the wording the rules
 * forbid (warned, with the rule). The English phrases are matched only in English text.
 *
 * @example
 * const c = checkRecruitmentPage(emptyRecruitmentContent());
 * c.publishable; // false
 * c.missing[0]; // { field: 'title', lang: 'ja', rule: 'limited_release' }
 */
export function checkRecruitmentPage(content: RecruitmentContent): RecruitmentCheck {
  const missing: MissingItem[] = [];
  const required = content.unapproved ? [...BASE_REQUIRED, ...UNAPPROVED_REQUIRED] : BASE_REQUIRED;
  for (const [field, rule] of required) {
    for (const lang of ['ja', 'en'] as const) {
      if (content[field][lang].trim() === '') missing.push({ field, lang, rule });
    }
    if (field === 'costIncludes' && !(typeof content.totalCostYen === 'number' && Number.isInteger(content.totalCostYen) && content.totalCostYen >= 0)) {
      missing.push({ field: 'totalCostYen', lang: null, rule });
    }
  }
  // The relief-system statement must name the system it is about, not just be present.
  if (content.unapproved && content.reliefSystem.ja.trim() !== '' && !content.reliefSystem.ja.includes('医薬品副作用被害救済制度')) {
    missing.push({ field: 'reliefSystem', lang: 'ja', rule: 'relief_system' });
  }
  if (content.unapproved && content.unapprovedStatement.ja.trim() !== '' && !content.unapprovedStatement.ja.includes('未承認')) {
    missing.push({ field: 'unapprovedStatement', lang: 'ja', rule: 'unapproved_items' });
  }

  const warnings: WordingWarning[] = [];
  for (const field of RECRUITMENT_TEXT_FIELDS) {
    for (const lang of ['ja', 'en'] as const) {
      const raw = content[field][lang];
      if (raw.trim() === '') continue;
      const text = { squashed: squash(raw), words: raw.toLowerCase().replace(/[\s\u3000]+/g, ' ') };
      for (const group of FORBIDDEN_WORDING) {
        if (group.fields && !group.fields.includes(field)) continue;
        for (const phrase of group.phrases) {
          // Words of English are looked for only in the English text (「no.1」 and 「100%」 in both).
          if (ASCII.test(phrase) && /[a-z]{2}/i.test(phrase) && lang === 'ja') continue;
          if (!found(text, phrase)) continue;
          // 「副作用がない」 inside 「副作用がないわけではありません」 is the honest sentence the rule wants.
          if (!ASCII.test(phrase) && isNegatedClaim(text.squashed, squash(phrase))) continue;
          warnings.push({ field, lang, phrase, rule: group.rule });
        }
      }
    }
  }
  return { missing, warnings, publishable: missing.length === 0 };
}

function isNegatedClaim(text: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const i = text.indexOf(phrase, from);
    if (i < 0) return true;
    const after = text.slice(i + phrase.length, i + phrase.length + 12);
    if (!/^(わけではありません|わけではない|とは言えません|とはいえません|ことはありません)/.test(after)) return false;
    from = i + 1;
  }
}

/**
 * Throws `validation` (`recruitment.not_publishable`) with one issue per missing item, each with
 * its rule, unless the page may be published.
 */
export function assertRecruitmentPublishable(content: RecruitmentContent): void {
  const c = checkRecruitmentPage(content);
  if (c.publishable) return;
  const issues: Issue[] = c.missing.map((m) => ({
    path: m.lang ? `${m.field}.${m.lang}` : m.field,
    key: `recruitment.missing.${m.rule}`,
    params: { field: m.field, lang: m.lang ?? '' },
  }));
  throw new DomainError('validation', { key: 'recruitment.not_publishable', params: { count: c.missing.length }, issues });
}
