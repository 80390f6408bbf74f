/**
 * Where to go after login: only a path inside this app. Anything else ("//evil.example",
 * "https://…", "/\\evil") goes home, so a crafted login link cannot send staff elsewhere.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return /[\u0000-\u001f]/.test(next) ? '/' : next;
}
