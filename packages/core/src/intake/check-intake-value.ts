import { checkFreeText } from '../text/check-free-text.ts';
import { isKana } from '../text/is-kana.ts';
import { normalizeFurigana } from '../text/normalize-kana.ts';
import { normalizePhone } from '../text/normalize-phone.ts';
import { normalizePostalCode } from '../text/normalize-postal-code.ts';
import { validateDateString } from '../text/validate-date-string.ts';
import type { IntakeFieldQuestion, IntakeFieldValue, OtherOption } from './intake-definition.ts';
import type { IntakeMessageKey, IntakeMessageParams } from './intake-messages.ts';

/** Default maximum length of a one-line text answer, in code points. */
export const DEFAULT_TEXT_MAX_LENGTH = 200;

export interface ValueProblem {
  /** Appended to the question's path (`.other`), or empty. */
  readonly subpath: string;
  readonly key: IntakeMessageKey;
  readonly params: IntakeMessageParams;
}

/** The normalised value, or the problems; `empty` when there is no answer at all. */
export type CheckedValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly value: IntakeFieldValue }
  | { readonly kind: 'invalid'; readonly problems: ReadonlyArray<ValueProblem> };

const EMPTY: CheckedValue = { kind: 'empty' };
const problem = (key: IntakeMessageKey, params: IntakeMessageParams = {}, subpath = ''): CheckedValue => ({
  kind: 'invalid',
  problems: [{ subpath, key, params }],
});

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkText(raw: string, maxLength: number, multiline: boolean, subpath = ''): CheckedValue {
  const r = checkFreeText(raw, { maxLength, multiline });
  if (!r.ok) {
    return r.reason === 'too_long'
      ? problem('too_long', { max: maxLength, length: r.length }, subpath)
      : problem('control_characters', {}, subpath);
  }
  return r.value === '' ? EMPTY : { kind: 'ok', value: r.value };
}

function checkOther(other: OtherOption | undefined, raw: unknown): { readonly text?: string; readonly problem?: CheckedValue } {
  if (typeof raw !== 'string') return raw === undefined || raw === null ? {} : { problem: problem('type', {}, '.other') };
  const c = checkText(raw, other?.maxLength ?? DEFAULT_TEXT_MAX_LENGTH, false, '.other');
  if (c.kind === 'invalid') return { problem: c };
  return c.kind === 'ok' ? { text: c.value as string } : {};
}

/**
 * Checks and normalises one answer to a non-repeated question: text is checked for control
 * characters and length (markup kept verbatim), kana must be kana (stored as full-width
 * katakana), dates must be real, phone numbers become E.164, postal codes 123-4567, numbers within
 * range, choices among the options. Required-ness is decided by the caller (visibility).
 *
 * @example
 * checkIntakeValue({ id: 'tel', type: 'phone', label }, '０９０-1234-5678', { today: '2026-11-29' })
 * // → { kind: 'ok', value: '+819012345678' }
 */
export function checkIntakeValue(q: IntakeFieldQuestion, raw: unknown, options: { readonly today: string }): CheckedValue {
  if (raw === undefined || raw === null) return EMPTY;
  switch (q.type) {
    case 'text':
    case 'longText': {
      if (typeof raw !== 'string') return problem('type');
      return checkText(raw, q.maxLength ?? DEFAULT_TEXT_MAX_LENGTH, q.type === 'longText');
    }
    case 'kana': {
      if (typeof raw !== 'string') return problem('type');
      const c = checkText(raw, q.maxLength ?? DEFAULT_TEXT_MAX_LENGTH, false);
      if (c.kind !== 'ok') return c;
      if (!isKana(c.value as string)) return problem('kana_only');
      return { kind: 'ok', value: normalizeFurigana(c.value as string) };
    }
    case 'phone': {
      if (typeof raw !== 'string') return problem('type');
      if (raw.trim() === '') return EMPTY;
      const r = normalizePhone(raw);
      if (!r.ok) return problem(r.reason === 'foreign' ? 'phone_foreign' : 'phone_invalid');
      return { kind: 'ok', value: r.e164 };
    }
    case 'postalCode': {
      if (typeof raw !== 'string') return problem('type');
      if (raw.trim() === '') return EMPTY;
      const r = normalizePostalCode(raw);
      return r.ok ? { kind: 'ok', value: r.display } : problem('postal_code_invalid');
    }
    case 'date': {
      if (typeof raw !== 'string') return problem('type');
      if (raw.trim() === '') return EMPTY;
      const r = validateDateString(raw, { today: options.today, notFuture: q.notFuture, birthDate: q.birthDate });
      if (r.ok) return { kind: 'ok', value: r.value };
      const key: IntakeMessageKey =
        r.reason === 'not_a_date' ? 'date_invalid' : r.reason === 'future' ? 'date_future' : r.reason === 'implausible' ? 'date_implausible' : 'date_format';
      return problem(key);
    }
    case 'number': {
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string') {
        const s = raw.normalize('NFKC').trim();
        if (s === '') return EMPTY;
        if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return problem('number_invalid');
        n = Number(s);
      } else return problem('type');
      if (!Number.isFinite(n)) return problem('number_invalid');
      if (q.integer && !Number.isInteger(n)) return problem('number_integer');
      if (q.min !== undefined && n < q.min) return problem('number_min', { min: q.min });
      if (q.max !== undefined && n > q.max) return problem('number_max', { max: q.max });
      return { kind: 'ok', value: n };
    }
    case 'yesNo':
      return typeof raw === 'boolean' ? { kind: 'ok', value: raw } : problem('type');
    case 'singleChoice': {
      const a = typeof raw === 'string' ? { choice: raw } : raw;
      if (!isRecord(a) || typeof a.choice !== 'string') return problem('type');
      if (a.choice === '') return EMPTY;
      const allowed = q.options.some((o) => o.value === a.choice) || (q.other !== undefined && a.choice === 'other');
      if (!allowed) return problem('choice_invalid');
      if (a.choice !== 'other') return { kind: 'ok', value: { choice: a.choice } };
      const o = checkOther(q.other, a.other);
      if (o.problem) return o.problem;
      if (o.text === undefined) return problem('other_required', {}, '.other');
      return { kind: 'ok', value: { choice: 'other', other: o.text } };
    }
    case 'multipleChoice': {
      const a = Array.isArray(raw) ? { choices: raw } : raw;
      if (!isRecord(a) || !Array.isArray(a.choices) || !a.choices.every((c) => typeof c === 'string')) return problem('type');
      const choices = [...new Set(a.choices as ReadonlyArray<string>)];
      if (choices.length === 0) return EMPTY;
      const known = new Set(q.options.map((o) => o.value));
      if (q.other) known.add('other');
      if (!choices.every((c) => known.has(c))) return problem('choice_invalid');
      const ex = choices.find((c) => q.exclusive?.includes(c));
      if (ex !== undefined && choices.length > 1) {
        const label = q.options.find((o) => o.value === ex)?.label.ja ?? ex;
        return problem('choice_exclusive', { option: label });
      }
      if (q.maxSelected !== undefined && choices.length > q.maxSelected) return problem('choice_too_many', { max: q.maxSelected });
      // Keep the definition's option order so that equal selections compare equal.
      const ordered = [...q.options.map((o) => o.value), 'other'].filter((v) => choices.includes(v));
      if (!choices.includes('other')) return { kind: 'ok', value: { choices: ordered } };
      const o = checkOther(q.other, a.other);
      if (o.problem) return o.problem;
      if (o.text === undefined) return problem('other_required', {}, '.other');
      return { kind: 'ok', value: { choices: ordered, other: o.text } };
    }
  }
}
