/**
 * Passwords refused at set and change because they top public breach-frequency lists (e.g. the
 * SecLists "10k most common" and NCSC "100k-most-used" lists). Compared case-insensitively.
 * A short list by design; length ≥ 8 and TOTP carry most of the weight.
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', 'password', 'password1', 'password123', 'passw0rd', 'qwertyuiop',
  'qwerty123', 'iloveyou', '11111111', '00000000', '88888888', '87654321', 'abcd1234', 'abc12345', 'abcdefgh',
  'sunshine', 'princess', 'football', 'baseball', 'whatever', 'trustno1', 'superman', 'starwars', 'welcome1',
  'welcome123', 'letmein1', 'admin123', 'administrator', 'changeme', 'computer', 'internet', 'master12',
  'monkey123', 'dragon12', 'michael1', 'jennifer', 'jordan23', 'hello123', 'charlie1', 'zaq12wsx', '1q2w3e4r',
  '1q2w3e4r5t', 'q1w2e3r4', 'asdfghjk', 'asdf1234', 'zxcvbnm1', '1qaz2wsx', 'qazwsxedc', 'aa123456', 'a1234567',
  'password!', 'p@ssw0rd', 'p@ssword', 'pass1234', 'test1234', 'mimamori', 'mimamori1', 'clinic123', 'doctor123',
  'nurse123', 'hospital', 'medical1', 'tokyo123', 'japan123', 'sakura123', 'qwerty12', '123123123', '112233445',
  '123qweasd', '12341234', '11223344', '147258369', '159753456', '987654321', '66666666', '99999999', '12121212',
  'iloveyou1', 'loveyou1', 'secret12', 'summer2024', 'summer2025', 'summer2026', 'winter2025', 'winter2026',
  'spring2026', 'autumn2026', 'welcome2026', 'password2026', 'admin2026', 'adminadmin', 'rootroot', 'guestguest',
]);

export function isCommonPassword(p: string): boolean {
  return commonPasswords.has(p.toLowerCase());
}
