/**
 * ICD-10 codes as written in Japanese charts: a letter, two digits, then optionally a dot and up to
 * four more characters (F32, F32.1, F321, F41.1). Codes are compared without the dot, upper case.
 */
const ICD10_RE = /^[A-Z]\d{2}(?:\.?[0-9A-Z]{1,4})?$/;

/**
 * True for a syntactically valid ICD-10 code or category.
 *
 * @example
 * isIcd10Code('F32.1'); // true
 * isIcd10Code('F3');    // false
 */
export function isIcd10Code(code: string): boolean {
  return ICD10_RE.test(code.normalize('NFKC').trim().toUpperCase());
}

/**
 * Comparison form of a code: NFKC (full-width Ｆ３２ → F32), upper case, no dot.
 *
 * @example
 * normaliseIcd10('f41.1'); // 'F411'
 */
export function normaliseIcd10(code: string): string {
  return code.normalize('NFKC').trim().toUpperCase().replace('.', '');
}

/**
 * True when a diagnosis falls under a code or category: `F32` matches `F32.1` and `F321`, but `F3`
 * is not a valid category and `F320` does not match `F32.1`.
 *
 * @example
 * icd10Matches('F32.1', 'F32'); // true
 * icd10Matches('F33.0', 'F32'); // false
 */
export function icd10Matches(diagnosis: string, categoryOrCode: string): boolean {
  return normaliseIcd10(diagnosis).startsWith(normaliseIcd10(categoryOrCode));
}
