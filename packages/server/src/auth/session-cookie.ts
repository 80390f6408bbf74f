/** Staff session cookie: __Host- prefix (Secure, Path=/, no Domain), HttpOnly, SameSite=Strict. */
export const SESSION_COOKIE = '__Host-mm_session';
/** Short-lived cookie between "password accepted" and "TOTP enrolled" (setup and invitations). */
export const PRE_AUTH_COOKIE = '__Host-mm_pre';

export const cookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' } as const;
