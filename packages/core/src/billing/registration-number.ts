/**
 * Normalises a 適格請求書発行事業者 registration number as typed (full-width digits, spaces, hyphens,
 * a lower-case t) to `T` + 13 digits, or returns null when it is not one. The format is the
 * National Tax Agency's (T followed by 13 digits; for a corporation the 13 digits are its 法人番号).
 * The check digit of a 法人番号 is verified when the number is a corporation's (`corporate: true`);
 * an individual's number carries no published check digit, so only the format is checked.
 *
 * @example normaliseRegistrationNumber('Ｔ１２３４-５６７８-９０１２３') // 'T1234567890123'
 * @example normaliseRegistrationNumber('T123') // null
 */
export function normaliseRegistrationNumber(input: string, o: { readonly corporate?: boolean } = {}): string | null {
  const s = input
    .normalize('NFKC')
    .replace(/[\s\-‐−ー]/g, '')
    .toUpperCase();
  if (!/^T\d{13}$/.test(s)) return null;
  if (o.corporate && !corporateNumberCheckDigitOk(s.slice(1))) return null;
  return s;
}

/**
 * The check digit of a 13-digit 法人番号 (its first digit): 9 − ((Σ Pn × Qn) mod 9) over the other 12
 * digits counted from the right, Qn = 1 for odd n and 2 for even n (the rule the National Tax Agency
 * publishes for 法人番号; docs/billing.md).
 *
 * @example corporateNumberCheckDigitOk('7000012050002') // true (国税庁's own number)
 */
export function corporateNumberCheckDigitOk(digits13: string): boolean {
  if (!/^\d{13}$/.test(digits13)) return false;
  const body = digits13.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = Number(body[12 - n]);
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return Number(digits13[0]) === 9 - (sum % 9);
}
