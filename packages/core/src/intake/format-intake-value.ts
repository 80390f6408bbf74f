import { formatPhoneDisplay } from '../text/normalize-phone.ts';
import { normalizeKana } from '../text/normalize-kana.ts';
import { ageOn } from '../patients/patient.ts';
import type { IntakeConditionContext } from './evaluate-intake-condition.ts';
import type { IntakeLang, IntakeQuestion, IntakeRow, IntakeText } from './intake-definition.ts';
import { visibleRowFields } from './intake-visibility.ts';

export interface FormatIntakeValueOptions {
  readonly lang: IntakeLang;
  /**
   * `display`: what the patient chose, in full (staff view, answer lists, diffs).
   * `clinical`: the summary's wording (option `clinical` texts, なし/あり, ages).
   */
  readonly style: 'display' | 'clinical';
  /** For ages in clinical style. */
  readonly today?: string;
  /** Context for row-field visibility inside repeated groups. */
  readonly ctx?: IntakeConditionContext;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The list separator of each language. */
export const intakeListSeparator = (lang: IntakeLang): string => (lang === 'ja' ? '、' : ', ');

function withUnit(n: number, unit: IntakeText | undefined, lang: IntakeLang): string {
  if (!unit) return String(n);
  const u = unit[lang];
  return lang === 'ja' || u.startsWith('/') ? `${n}${u}` : `${n} ${u}`;
}

function paren(s: string, lang: IntakeLang): string {
  return lang === 'ja' ? `（${s}）` : ` (${s})`;
}

/**
 * Plain text for one answer. Free text comes back exactly as stored (markup included): escaping
 * is the renderer's job. Returns '' for no answer.
 *
 * @example
 * formatIntakeValue(onsetCourse, { choice: 'worsening' }, { lang: 'ja', style: 'clinical' }) // → '徐々に増悪'
 * formatIntakeValue(onsetCourse, { choice: 'worsening' }, { lang: 'en', style: 'display' }) // → 'Gradually getting worse'
 */
export function formatIntakeValue(q: IntakeQuestion, value: unknown, options: FormatIntakeValueOptions): string {
  const { lang, style } = options;
  if (value === undefined || value === null) return '';
  switch (q.type) {
    case 'text': {
      if (typeof value !== 'string') return '';
      if (style === 'clinical' && q.suggestions) {
        // Show a listed generic name in the summary's language (セルトラリン ↔ sertraline).
        const key = normalizeKana(value);
        const hit = q.suggestions.find((s) => normalizeKana(s.ja) === key || normalizeKana(s.en) === key);
        if (hit) return hit[lang];
      }
      return value;
    }
    case 'longText':
    case 'kana':
      return typeof value === 'string' ? value : '';
    case 'phone':
      return typeof value === 'string' ? formatPhoneDisplay(value) : '';
    case 'postalCode':
      return typeof value === 'string' ? `〒${value}` : '';
    case 'date': {
      if (typeof value !== 'string') return '';
      if (style === 'clinical' && q.summary?.asAge && options.today) {
        const age = ageOn(value, options.today);
        return lang === 'ja' ? `${age}歳（${value}生）` : `${age} years (born ${value})`;
      }
      return value;
    }
    case 'number':
      return typeof value === 'number' ? withUnit(value, q.unit, lang) : '';
    case 'yesNo': {
      if (typeof value !== 'boolean') return '';
      if (style === 'display') return value ? (lang === 'ja' ? 'はい' : 'Yes') : lang === 'ja' ? 'いいえ' : 'No';
      const rule = value ? q.summary?.yes : q.summary?.no;
      if (rule) return rule[lang];
      return value ? (lang === 'ja' ? 'あり' : 'yes') : lang === 'ja' ? 'なし' : 'no';
    }
    case 'singleChoice': {
      if (!isRecord(value) || typeof value.choice !== 'string') return '';
      if (value.choice === 'other') {
        const other = typeof value.other === 'string' ? value.other : '';
        return style === 'display' && q.other ? `${q.other.label[lang]}: ${other}` : other;
      }
      const o = q.options.find((x) => x.value === value.choice);
      if (!o) return value.choice;
      return style === 'clinical' ? (o.clinical ?? o.label)[lang] : o.label[lang];
    }
    case 'multipleChoice': {
      if (!isRecord(value) || !Array.isArray(value.choices)) return '';
      const parts = value.choices.map((c) => {
        if (c === 'other') {
          const other = typeof value.other === 'string' ? value.other : '';
          return style === 'display' && q.other ? `${q.other.label[lang]}: ${other}` : other;
        }
        const o = q.options.find((x) => x.value === c);
        if (!o) return String(c);
        return style === 'clinical' ? (o.clinical ?? o.label)[lang] : o.label[lang];
      });
      return parts.filter((p) => p !== '').join(intakeListSeparator(lang));
    }
    case 'repeat': {
      if (!Array.isArray(value)) return '';
      const rows = (value as ReadonlyArray<IntakeRow>).map((row) => formatIntakeRow(q, row, options));
      return rows.filter((r) => r !== '').join(lang === 'ja' ? '、' : '; ');
    }
    case 'scale':
      return isRecord(value) ? (lang === 'ja' ? '回答済み' : 'answered') : '';
    case 'consent':
      if (!isRecord(value) || value.agreed !== true) return '';
      return lang === 'ja' ? `同意あり（版 ${String(value.policyVersion)}）` : `agreed (policy ${String(value.policyVersion)})`;
  }
}

/**
 * One row of a repeated group as one phrase: visible fields joined by spaces, bracketed fields in
 * brackets (e.g. `ロラゼパム 0.5mg 頓用（不安時）`).
 *
 * @example
 * formatIntakeRow(medicines, { generic_name: 'セルトラリン', dose: '25mg', frequency: { choice: 'evening' } }, { lang: 'ja', style: 'clinical' })
 * // → 'セルトラリン 25mg 1日1回夕'
 */
export function formatIntakeRow(q: Extract<IntakeQuestion, { type: 'repeat' }>, row: IntakeRow, options: FormatIntakeValueOptions): string {
  const ctx: IntakeConditionContext = options.ctx ?? { audience: 'adult', ageYears: null, question: () => undefined };
  let out = '';
  for (const f of visibleRowFields(q, row, ctx)) {
    const text = formatIntakeValue(f, row[f.id], options);
    if (text === '') continue;
    if (f.summary?.parenthesize && out !== '') out += paren(text, options.lang);
    else out += out === '' ? text : ` ${text}`;
  }
  return out;
}
