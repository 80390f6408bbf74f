/**
 * Routes marked `config: { recentAuth: true }` — granting roles, resetting or re-enabling
 * accounts, bulk and identified exports — need a session authenticated with password and TOTP
 * within the last `reauthSeconds` (5 minutes; `REAUTH_SECONDS` may only shorten it); otherwise the
 * answer is `reauth_required` (403) and the staff app asks for both again (`POST /api/auth/reauth`,
 * which starts a fresh session) and retries. Every session starts at an authentication, so the
 * session's start is its last authentication.
 */
export function authenticatedRecently(sessionCreatedAt: string, now: Date, reauthSeconds: number): boolean {
  return now.getTime() - new Date(sessionCreatedAt).getTime() <= reauthSeconds * 1000;
}
