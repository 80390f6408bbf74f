import type { Issues } from '../fields/field-issues.ts';
import { checkText } from '../fields/field-issues.ts';
import type { LocalizedText } from '../text/localized-text.ts';
import { isIcd10Code, normaliseIcd10 } from './icd10.ts';

// Field checks shared by the parts of a program definition (ids, two-language texts, lists, ICD-10 codes).

const ID_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function checkId(issues: Issues, path: string, v: unknown): string | undefined {
  const t = checkText(issues, path, v, { max: 64 });
  if (t !== undefined && !ID_RE.test(t)) {
    issues.add(path, 'programs.field.invalid_id');
    return undefined;
  }
  return t;
}

export function checkLocalized(issues: Issues, path: string, v: Partial<LocalizedText> | undefined, max = 200): LocalizedText | undefined {
  const ja = checkText(issues, `${path}.ja`, v?.ja, { max });
  const en = checkText(issues, `${path}.en`, v?.en, { max });
  return ja !== undefined && en !== undefined ? { ja, en } : undefined;
}

export function checkCodes(issues: Issues, path: string, v: unknown): string[] {
  const out: string[] = [];
  listOf(issues, path, v as ReadonlyArray<unknown> | undefined).forEach((c: unknown, i) => {
    if (typeof c !== 'string' || !isIcd10Code(c)) issues.add(`${path}[${i}]`, 'programs.icd10_invalid', { value: String(c) });
    else out.push(normaliseIcd10(c));
  });
  return out;
}

/**
 * The items of a list field; anything that is not an array (a string, an object, a number sent by
 * a client) is an issue on that field instead of a TypeError further on.
 */
export function listOf<T>(issues: Issues, path: string, v: ReadonlyArray<T> | undefined): ReadonlyArray<T> {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    issues.add(path, 'programs.field.not_list');
    return [];
  }
  return v;
}
