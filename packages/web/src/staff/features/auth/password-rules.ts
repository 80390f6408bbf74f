/** The client-side check before sending; the server has the final word. */
export const MIN_PASSWORD_LENGTH = 12;

export type PasswordProblem = 'short' | 'mismatch' | null;

export function passwordProblem(password: string, confirm: string): PasswordProblem {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'short';
  if (password !== confirm) return 'mismatch';
  return null;
}
