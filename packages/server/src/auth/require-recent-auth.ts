/** How long after signing in (or re-authenticating) sensitive actions go through without asking again. */
export const REAUTH_MINUTES = 5;

/**
 * Routes marked `config: { recentAuth: true }` — granting roles, resetting or re-enabling
 * accounts, bulk and identified exports — need a session authenticated with password and TOTP
 * within the last `REAUTH_MINUTES`; otherwise the answer is `reauth_required` (403) and the staff
 * app asks for both again (`POST /api/auth/reauth`, which starts a fresh session) and retries.
 * Every session starts at an authentication, so the session's start is its last authentication.
 */
export function authenticatedRecently(sessionCreatedAt: string, now: Date): boolean {
  return now.getTime() - new Date(sessionCreatedAt).getTime() <= REAUTH_MINUTES * 60_000;
}
