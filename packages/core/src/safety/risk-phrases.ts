/**
 * The phrases a free-text answer is screened for. A hit raises a `review` alert shown with the text:
 * it asks a clinician to read the answer, it is not a finding. The list is deliberately short and
 * literal (docs/safety.md lists it with its reasons); it misses paraphrases and catches some
 * harmless sentences, so the structured questions remain the primary screen.
 */
export interface RiskPhrase {
  /** What the staff see as the reason (the phrase as listed). */
  readonly phrase: string;
  readonly lang: 'ja' | 'en';
  readonly pattern: RegExp;
}

const ja = (phrase: string, pattern?: RegExp): RiskPhrase => ({ phrase, lang: 'ja', pattern: pattern ?? new RegExp(phrase) });
const en = (phrase: string, pattern: RegExp): RiskPhrase => ({ phrase, lang: 'en', pattern });

/** Japanese and English phrases of suicidal ideation, self-harm and overdose (normalised text, see `normaliseForScreen`). */
export const RISK_PHRASES: ReadonlyArray<RiskPhrase> = [
  ja('死にたい', /死にたい|しにたい|氏にたい|タヒにたい/),
  ja('死のう', /死のう|死んでしまおう/),
  ja('死んだ方がまし', /死んだ(方|ほう)が(まし|いい|楽)/),
  ja('消えたい', /消えたい|きえたい|消えてしまいたい|消えてなくなりたい/),
  ja('いなくなりたい', /いなくなりたい|居なくなりたい/),
  ja('生きていたくない', /生きて(い)?たくない|生きるのが(つらい|辛い)|生きる意味がない/),
  ja('自殺', /自殺|自死|じさつ/),
  ja('首を吊る', /首を(吊|つ)/),
  ja('飛び降り', /飛び降り|飛びおり|とびおり/),
  ja('OD・過量服薬', /(^|[^a-z])od(した|しそう|する|って|$|[^a-z])|オーバードーズ|過量服薬|薬を(たくさん|大量に|まとめて)飲/),
  ja('リスカ・自傷', /リスカ|リストカット|アムカ|手首を切|自傷|自分を傷つけ/),
  en('want to die', /\b(want|wanted|wanting) to die\b/),
  en('kill myself', /\bkill(ing)? myself\b/),
  en('suicide', /\bsuicid(e|al)\b/),
  en('end my life', /\bend(ing)? (my|it all|my own) life\b|\bend it all\b/),
  en('better off dead', /\bbetter off dead\b/),
  en('overdose', /\boverdos(e|ed|ing)\b/),
  en('self-harm', /\bself[- ]?harm(ing)?\b|\bcut(ting)? myself\b|\bhurt(ing)? myself\b/),
];

/**
 * Full-width letters and digits to ASCII, ASCII letters to lower case, half-width katakana to
 * full-width (NFKC), so 「ＯＤした」「ｵｰﾊﾞｰﾄﾞｰｽﾞ」 and "Suicide" are caught like their plain forms.
 */
export function normaliseForScreen(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The listed phrases found in a free-text answer, each once, in list order.
 *
 * @example
 * screenFreeText('消えてしまいたい。昨日、薬をたくさん飲もうとした。'); // ['消えたい', 'OD・過量服薬']
 */
export function screenFreeText(text: string): ReadonlyArray<string> {
  const s = normaliseForScreen(text);
  return RISK_PHRASES.filter((p) => p.pattern.test(s)).map((p) => p.phrase);
}
